#!/usr/bin/env bash
# Rounds of stakeholder interviews, on a throw-away store:
#   - Wide World Importers before signing (examples/round/): four people,
#     one from each stakeholder group, read together as one round;
#   - Pennine Catering Supplies over three quarterly reviews after go-live
#     (examples/review/): several people each quarter.
# Each answers file names its respondent's group, label and date.
#
# Run from the repository root:
#   examples/rounds.sh
# or with a built binary:
#   CRM_READY=target/release/crm-ready examples/rounds.sh
set -euo pipefail

crm_ready=("${CRM_READY:-crm-ready}")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CRM_READY_STORE="$work/store"
before="Wide World Importers"
after_golive="Pennine Catering Supplies Ltd"

# One `assess` per person. The reports go to /dev/null here (the note on
# stderr says where each assessment was saved), except two kept as files to
# set the managing director's view beside a user's.
for f in examples/round/*.toml examples/review/*.toml; do
    "${crm_ready[@]}" assess --answers "$f" >/dev/null
done
for who in management users; do
    "${crm_ready[@]}" assess --answers "examples/round/$who.toml" --no-save -o "$work/$who.json" 2>/dev/null
done

echo "== The round before signing: $before"
"${crm_ready[@]}" round --org "$before"

echo
echo "== $before: the managing director's answers against a user's"
"${crm_ready[@]}" compare "$work/management.json" "$work/users.json"

echo
echo "== $before: the trend so far (one round)"
"${crm_ready[@]}" trend --org "$before"

echo
echo "== $after_golive, quarter by quarter"
"${crm_ready[@]}" trend --org "$after_golive"

echo
echo "== $after_golive: the latest round"
"${crm_ready[@]}" round --org "$after_golive"

echo
echo "== $after_golive: the first quarter's round against the last"
"${crm_ready[@]}" compare --org "$after_golive" 2026-Q1 2026-Q3
