#!/usr/bin/env bash
# Remakes the README's pictures of the HTML reports with headless Chromium:
#   docs/report-assessment.png  the quick check of examples/answers-quick.toml, branded:
#                               its first screen (verdict, summary, first actions, chart)
#   docs/report-round.png       the round of examples/round/ (four stakeholders), branded:
#                               its respondents and each area by stakeholder group
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

"$bin" assess -q crm-quick --answers examples/answers-quick.toml --brand examples/brand.toml --no-save \
    -o "$work/assessment.html" 2>/dev/null
for who in management it users owners; do
    "$bin" assess --answers "examples/round/$who.toml" >/dev/null 2>&1
done
"$bin" round --org "Wide World Importers" --brand examples/brand.toml -o "$work/round.html" 2>/dev/null

# The round's picture starts at its respondents: a page holding the report
# in a frame scrolled there (a screenshot always starts at the top).
cat >"$work/round-frame.html" <<'HTML'
<!DOCTYPE html>
<html><body style="margin:0"><iframe src="round.html#respondents" style="border:0;width:1200px;height:1600px;display:block"></iframe></body></html>
HTML

shoot() {
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$work/profile" --window-size=1200,1600 \
        --screenshot="$2" "file://$1" 2>/dev/null
}
shoot "$work/assessment.html" docs/report-assessment.png
shoot "$work/round-frame.html" docs/report-round.png
ls -l docs/report-assessment.png docs/report-round.png
