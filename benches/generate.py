#!/usr/bin/env python3
"""A generated questionnaire of any size and a full set of answers to it,
for the whole-process benchmarks: every kind of question in turn (single,
a yes/no follow-up shown only after "fair" or "poor", multi, scale), areas
of 100 questions, answers a mix of good, poor and "don't know". The same
shape as benches/support/generate.rs, which the criterion benchmarks use.

    python3 benches/generate.py N QUESTIONNAIRE.toml ANSWERS.toml
"""

import sys


def questionnaire(questions):
    out = ['[questionnaire]\nid = "generated"\nversion = "1"\ntitle = "Generated"\n\n']
    for i in range(questions):
        if i % 100 == 0:
            area = i // 100
            out.append(f'[[area]]\nid = "area{area}"\ntitle = "Area {area}"\nweight = 2\nwhy = "Generated area."\n\n')
        out.append(f'[[area.question]]\nid = "q{i}"\ntext = "Question {i}?"\nhelp = "Why question {i} matters."\n')
        kind = i % 4
        if kind == 0:
            out.append('kind = "single"\n')
            for choice, score in [("good", 100), ("fair", 50), ("poor", 0)]:
                out.append(f'[[area.question.choice]]\nid = "{choice}"\nlabel = "{choice}"\nscore = {score}\n')
                if score < 70:
                    out.append('recommendation = "Do better."\nphase = "setup"\n')
        elif kind == 1:
            out.append(f'kind = "yes_no"\nwhen = {{ question = "q{i - 1}", is_any = ["fair", "poor"] }}\n')
            out.append(
                '[[area.question.choice]]\nid = "yes"\nscore = 100\n[[area.question.choice]]\nid = "no"\nscore = 0\n'
                'red_flag = "major"\nrecommendation = "Fix it."\nphase = "before-signing"\n'
            )
        elif kind == 2:
            out.append('kind = "multi"\n')
            for choice in ["a", "b", "c"]:
                out.append(
                    f'[[area.question.choice]]\nid = "{choice}"\nlabel = "{choice}"\nscore = 34\n'
                    f'if_missing = "Add {choice}."\nphase = "production"\n'
                )
        else:
            out.append('kind = "scale"\nmin = 1\nmax = 5\n')
            out.append('[[area.question.band]]\nfrom = 1\nto = 2\nscore = 0\nrecommendation = "Raise it."\nphase = "setup"\n')
            out.append("[[area.question.band]]\nfrom = 3\nto = 5\nscore = 100\n")
        out.append("\n")
    return "".join(out)


def answers(questions):
    out = ['questionnaire = "generated"\nversion = "1"\n\n[answers]\n']
    for i in range(questions):
        # The yes/no follow-up is shown only after "fair" (or "poor").
        previous_fair = i % 4 == 1 and (i - 1) % 3 == 0 and (i - 1) % 7 != 6
        if i % 4 == 1 and not previous_fair:
            continue
        if i % 7 == 6:
            value = '"dont-know"'
        elif i % 4 == 0:
            value = '"fair"' if i % 3 == 0 else '"good"'
        elif i % 4 == 1:
            value = '"no"'
        elif i % 4 == 2:
            value = '["a", "c"]'
        else:
            value = str(i % 5 + 1)
        out.append(f"q{i} = {value}\n")
    return "".join(out)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    count = int(sys.argv[1])
    with open(sys.argv[2], "w") as f:
        f.write(questionnaire(count))
    with open(sys.argv[3], "w") as f:
        f.write(answers(count))


if __name__ == "__main__":
    main()
