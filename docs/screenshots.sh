#!/usr/bin/env bash
# Remakes the README's pictures of the HTML reports with headless Chromium:
#   docs/report-assessment.png  the quick check of examples/answers-quick.toml, branded
#   docs/report-trend.png       an organisation's trend over two rounds
#
#   bash docs/screenshots.sh            # builds the release binary first
#   CRM_READY=path/to/crm-ready bash docs/screenshots.sh
# Needs chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z ${CRM_READY:-} ]]; then
    cargo build --release --quiet
    CRM_READY=target/release/crm-ready
fi
bin=$(realpath "$CRM_READY")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work CRM_READY_STORE=$work/store NO_COLOR=1

"$bin" assess -q crm-quick --answers examples/answers-quick.toml --brand examples/brand.toml \
    -o "$work/assessment.html"
for round in "examples/answers-pitfalls.toml 2026-Q1" "examples/answers-ready.toml 2026-Q3"; do
    set -- $round
    "$bin" assess --answers "$1" --org "Contoso Building Supplies" --label "$2" >/dev/null
done
"$bin" trend --org "Contoso Building Supplies" --brand examples/brand.toml -o "$work/trend.html"

shoot() {
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$work/profile" --window-size=1200,1600 \
        --screenshot="$2" "file://$1" 2>/dev/null
}
shoot "$work/assessment.html" docs/report-assessment.png
shoot "$work/trend.html" docs/report-trend.png
ls -l docs/report-assessment.png docs/report-trend.png
