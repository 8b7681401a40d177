#!/usr/bin/env bash
# Whole-process timings of the release binary, against the targets:
#   (a) assess --answers examples/answers-ready.toml --no-save, built-in  <= 5 ms
#   (b) a generated 1,000-question questionnaire with its answers         <= 60 ms
#   (c) the 20,000-question cap                               <= 1 s, <= 256 MiB peak
#   (d) the interview in a pseudo-terminal: spawn to the start form, and
#       the form's last Enter to the first question on screen             <= 10 ms each
#   (e) the HTML report of (a): assess ... --format html -o FILE          <= 20 ms
#   (f) round over 50 respondents (crm-readiness)                          <= 50 ms
#   (g) trend over 200 rounds of 2 respondents each (400 records)          <= 200 ms
#   (h) the round of (f) as HTML: round ... --format html -o FILE          <= 60 ms
# Medians over many runs, after warm-up runs; with hyperfine installed it
# times (a) to (c), otherwise a python loop does. Needs bash and python3.
# Exits 1 when a figure misses its target.
#
#   bash benches/whole-process.sh            # builds the release binary first
#   CRM_READY=path/to/crm-ready bash benches/whole-process.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z ${CRM_READY:-} ]]; then
    cargo build --release --quiet
    CRM_READY=target/release/crm-ready
fi
bin=$(realpath "$CRM_READY")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Away from the user's store and drafts, without colour.
export HOME=$work XDG_DATA_HOME=$work/data NO_COLOR=1
unset CRM_READY_STORE

for n in 1000 20000; do
    python3 benches/generate.py "$n" "$work/q$n.toml" "$work/a$n.toml"
done

# Stores of rounds: the four stakeholders of examples/round/ assessed by the
# binary (group and date left to the generator), then cloned.
for f in examples/round/*.toml; do
    grep -v -E '^(group|assessed_at) = ' "$f" >"$work/seed-$(basename "$f")"
    "$bin" assess --answers "$work/seed-$(basename "$f")" --store "$work/seed" >/dev/null 2>&1
done
python3 benches/generate-rounds.py "$work/seed" "$work/round50" 1 50
python3 benches/generate-rounds.py "$work/seed" "$work/trend200" 200 2

# Prints one line of JSON with the median of RUNS runs of the command.
timing() {
    local runs=$1
    shift
    if command -v hyperfine >/dev/null; then
        # Its advice about outliers on a busy machine goes to stderr: shown
        # only if it fails.
        if ! hyperfine -N --style none --warmup 5 --runs "$runs" --export-json "$work/h.json" -- "$*" \
            >/dev/null 2>"$work/h.err"; then
            cat "$work/h.err" >&2
            exit 1
        fi
        python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(json.dumps({"runs": len(r["times"]), "median_ms": r["median"] * 1000, "min_ms": r["min"] * 1000, "max_ms": r["max"] * 1000}))' "$work/h.json"
    else
        python3 benches/measure.py time "$runs" "$@"
    fi
}

builtin=$(timing 300 "$bin" assess --answers examples/answers-ready.toml --no-save)
q1000=$(timing 100 "$bin" assess -q "$work/q1000.toml" --answers "$work/a1000.toml" --no-save)
q20000=$(timing 10 "$bin" assess -q "$work/q20000.toml" --answers "$work/a20000.toml" --no-save)
rss=$(python3 benches/measure.py rss "$bin" assess -q "$work/q20000.toml" --answers "$work/a20000.toml" --no-save)
interview=$(python3 benches/measure.py pty 50 "$bin")
html=$(timing 300 "$bin" assess --answers examples/answers-ready.toml --no-save --format html -o "$work/report.html")
round50=$(timing 100 "$bin" round --org Bench-Co --store "$work/round50")
trend200=$(timing 30 "$bin" trend --org Bench-Co --store "$work/trend200")
round50html=$(timing 100 "$bin" round --org Bench-Co --store "$work/round50" --format html -o "$work/round.html")

python3 - "$builtin" "$q1000" "$q20000" "$rss" "$interview" "$html" "$round50" "$trend200" "$round50html" "$(command -v hyperfine || echo python)" <<'PY'
import json, sys
builtin, q1000, q20000, rss, interview, html, round50, trend200, round50html = (json.loads(a) for a in sys.argv[1:10])
rows = [
    ("(a) assess, built-in, answers file", builtin["median_ms"], 5, "ms", builtin["runs"]),
    ("(b) 1,000 questions with answers", q1000["median_ms"], 60, "ms", q1000["runs"]),
    ("(c) 20,000 questions with answers", q20000["median_ms"], 1000, "ms", q20000["runs"]),
    ("    peak memory", rss["peak_rss_mib"], 256, "MiB", 1),
    ("(d) spawn to the start form", interview["to_start_form"]["median_ms"], 10, "ms",
     interview["to_start_form"]["runs"]),
    ("    last Enter to the first question", interview["enter_to_question"]["median_ms"], 10, "ms",
     interview["enter_to_question"]["runs"]),
    ("(e) HTML report of (a)", html["median_ms"], 20, "ms", html["runs"]),
    ("(f) round, 50 respondents", round50["median_ms"], 50, "ms", round50["runs"]),
    ("(g) trend, 200 rounds of 2", trend200["median_ms"], 200, "ms", trend200["runs"]),
    ("(h) round of 50 respondents as HTML", round50html["median_ms"], 60, "ms", round50html["runs"]),
]
print(f"timed with {sys.argv[10]}; medians")
missed = 0
for what, value, target, unit, runs in rows:
    ok = value <= target
    missed += not ok
    print(f"{what:<40} {value:9.2f} {unit:<3}  target <= {target:>4} {unit:<3}  {'ok' if ok else 'MISSED'}  ({runs} runs)")
sys.exit(1 if missed else 0)
PY
