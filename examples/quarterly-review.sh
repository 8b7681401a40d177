#!/usr/bin/env bash
# A year of quarterly reviews in one go: saves three assessments of
# Adventure Works Cycles (2026-Q1 to Q3) to a temporary store, then shows
# the history, what changed since the previous review, and the trend.
#
# Run from the repository root:
#   examples/quarterly-review.sh
# or with a built binary:
#   CRM_READY=target/release/crm-ready examples/quarterly-review.sh
set -euo pipefail

if [[ -n "${CRM_READY:-}" ]]; then
    crm_ready=("$CRM_READY")
else
    crm_ready=(cargo run -q --)
fi

store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
export CRM_READY_STORE="$store"
org="Adventure Works Cycles"

for quarter in q1 q2 q3; do
    # The report goes to /dev/null here; the note on stderr says where each
    # assessment was saved.
    "${crm_ready[@]}" assess --answers "examples/quarterly-2026-$quarter.toml" >/dev/null
done

echo "== Every assessment in the store"
"${crm_ready[@]}" history

echo
echo "== What changed since the previous review"
"${crm_ready[@]}" compare previous latest --org "$org"

echo
echo "== The trend, quarter by quarter"
"${crm_ready[@]}" trend --org "$org"
