#!/usr/bin/env bash
# Pipe crm-ready's JSON report into jq: the verdict and score, the high-risk
# areas, and the actions due before signing, as a script or CI job would.
#
#   examples/jq-pipeline.sh [ANSWERS_FILE]
#
# Uses the crm-ready on PATH, or the binary named by $CRM_READY, or builds
# it with cargo. Needs jq (apt-get install jq).
set -euo pipefail
cd "$(dirname "$0")/.."
answers=${1:-examples/answers-pitfalls.toml}
if [[ -n ${CRM_READY:-} ]]; then crm=("$CRM_READY")
elif command -v crm-ready >/dev/null; then crm=(crm-ready)
else crm=(cargo run --quiet --); fi

report=$("${crm[@]}" assess --answers "$answers" --format json --no-save 2>/dev/null || true)
[[ -n $report ]] || report=$("${crm[@]}" assess --answers "$answers" --format json)

jq -r '"\(.questionnaire.id) \(.questionnaire.version): \(.verdict) (score \(.score))"' <<<"$report"
echo "High-risk areas:"
jq -r '.areas[] | select(.risk == "high") | "  \(.title): \(.score)"' <<<"$report"
echo "Before signing:"
jq -r '.actions[] | select(.phase == "before-signing") | "  [\(.priority)] \(.recommendation)"' <<<"$report"

# A CI gate in one line: fail the job unless the company is at least ready with conditions.
jq -e '.verdict != "not-ready"' <<<"$report" >/dev/null || { echo "gate: not ready" >&2; exit 1; }
