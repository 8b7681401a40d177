#!/usr/bin/env python3
"""A store of rounds for the whole-process benchmarks of `round` and `trend`,
cloned from real records: the seed store holds records written by
`crm-ready assess` (the four stakeholders of examples/round/); each clone is
one of them with a new id, organisation, label, respondent, stakeholder group
and date. Rounds are a week apart, their respondents a day apart.

    python3 benches/generate-rounds.py SEED_STORE OUT_STORE ROUNDS RESPONDENTS
"""

import datetime
import json
import pathlib
import sys

ORG = "Bench-Co"
GROUPS = ["management", "it", "users", "owners"]


def clone(seed, round_no, respondent_no, when):
    record = json.loads(json.dumps(seed))
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    suffix = f"{round_no:03x}{respondent_no:03x}"[-6:]
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    label = f"R{round_no:04d}"
    name = f"Respondent {respondent_no:03d}"
    group = GROUPS[respondent_no % len(GROUPS)]
    summary = record["summary"]
    # Everywhere the record says it: a listing skips a record whose summary,
    # answers and assessment disagree.
    summary.update(
        id=f"{stamp}-{suffix}", saved_at=iso, assessed_at=iso, organization=ORG, label=label, respondent=name, group=group
    )
    record["assessment"].update(assessed_at=iso, organization=ORG, label=label, respondent=name, group=group)
    record["answers"].update(assessed_at=iso, organization=ORG, label=label, respondent=name, group=group)
    return f"{stamp}-bench-co-{suffix}.json", record


def main():
    seed_dir, out_dir, rounds, respondents = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    seeds = [json.loads(p.read_text()) for p in sorted(pathlib.Path(seed_dir).glob("*.json"))]
    out_dir.mkdir(parents=True, exist_ok=True)
    start = datetime.datetime(2020, 1, 6, 9, 0, tzinfo=datetime.timezone.utc)
    for r in range(rounds):
        for i in range(respondents):
            when = start + datetime.timedelta(weeks=r, days=i % 5, minutes=i)
            name, record = clone(seeds[(r + i) % len(seeds)], r, i, when)
            (out_dir / name).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
