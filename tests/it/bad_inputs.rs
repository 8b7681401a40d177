//! The bad-input corpus: every malformed questionnaire and answers file in
//! `tests/fixtures/*/bad/` must be refused by the real binary with exit code
//! 2, without a panic, with every problem reported at its `file:line:column`
//! (or against the whole file where there is no place to point at), and with
//! no problem reported that the table below does not expect.
//!
//! Inputs too big to commit (over the size and count caps) are generated
//! into a temporary directory.

mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Output;

use crm_ready::core::limits::{MAX_ANSWERS, MAX_AREAS, MAX_FILE_BYTES, MAX_OPTIONS, MAX_PROBLEMS_SHOWN, MAX_QUESTIONS};
use support::{ROOT, run as crm_ready};
const BAD_QUESTIONNAIRES: &str = "tests/fixtures/questionnaires/bad";
const BAD_ANSWERS: &str = "tests/fixtures/answers/bad";
/// The questionnaire the bad answers files are checked against.
const EVERY_KIND: &str = "tests/fixtures/questionnaires/good/every-kind.toml";

/// A bad file and the problems it must produce: (`line:column`, or "" for
/// the whole file; the start of the message).
struct Case {
    file: &'static str,
    expect: &'static [(&'static str, &'static str)],
}

const fn case(file: &'static str, expect: &'static [(&'static str, &'static str)]) -> Case {
    Case { file, expect }
}

/// `crm-ready validate FILE`.
const QUESTIONNAIRES: &[Case] = &[
    case("area-no-questions.toml", &[("25:1", "area `empty` has no questions")]),
    case(
        "area-not-table.toml",
        &[
            ("2:9", "each entry of `area` must be a table, found an integer"),
            ("2:12", "each entry of `area` must be a table, found an integer"),
        ],
    ),
    case(
        "band-outside-bounds.toml",
        &[("20:8", "this band reaches outside the question's `min`..`max` in question `a.n`")],
    ),
    case(
        "band-reversed.toml",
        &[
            ("18:8", "a band needs finite `from` and `to`, with `from` at most `to`"),
            ("24:6", "a band needs finite `from` and `to`, with `from` at most `to`"),
        ],
    ),
    case(
        "bands-on-single.toml",
        &[
            ("16:7", "`min` does not apply to a `single` question"),
            ("28:1", "`band` does not apply to a `single` question"),
        ],
    ),
    case("bands-overlap.toml", &[("22:1", "bands overlap in question `a.n`: 5..20 and 0..10")]),
    case("binary.toml", &[("1:4", "the file is not valid UTF-8")]),
    case("blank.toml", &[("", "the file is empty")]),
    case(
        "choice-not-tables.toml",
        &[
            ("16:11", "each entry of `choice` must be a table, found a string"),
            ("16:16", "each entry of `choice` must be a table, found a string"),
        ],
    ),
    case("choices-on-text.toml", &[("17:1", "a `text` question takes no choices")]),
    case("condition-cycle.toml", &[("16:21", "the conditions go round in a circle: a.first → a.second → a.first")]),
    case("condition-forward.toml", &[("16:21", "the condition names `a.yn`, which comes later in the file")]),
    case("condition-missing-choice.toml", &[("29:34", "question `a.yn` has no choice `maybe`")]),
    case(
        "condition-missing-question.toml",
        &[("29:21", "the condition names question `a.nope`, which does not exist")],
    ),
    case("condition-self.toml", &[("16:21", "question `a.yn` has a condition on itself")]),
    case("condition-typo.toml", &[("31:21", "the condition names question `a.vendor`, which does not exist")]),
    case(
        "deep-nesting-arrays.toml",
        &[
            ("7:89", "TOML syntax: cannot recurse further; max recursion depth met"),
            ("7:209", "TOML syntax: unclosed array, expected `]`"),
        ],
    ),
    case(
        "deep-nesting-tables.toml",
        &[
            ("7:489", "TOML syntax: cannot recurse further; max recursion depth met"),
            ("7:1208", "TOML syntax: unclosed inline table, expected `}`"),
        ],
    ),
    case("dont-know-choice-id.toml", &[("23:6", "`dont-know` is reserved for the \"don't know\" answer")]),
    case("duplicate-area-id.toml", &[("26:6", "duplicate area id `a`")]),
    case("duplicate-choice-id.toml", &[("23:6", "duplicate choice id `x` in question `a.pick`")]),
    case("duplicate-question-id.toml", &[("26:6", "duplicate question id `a.yn`")]),
    case("empty-strings.toml", &[("5:9", "`title` must not be empty"), ("15:8", "`text` must not be empty")]),
    case("empty.toml", &[("", "the file is empty")]),
    case(
        "header-missing-keys.toml",
        &[("2:1", "`[questionnaire]` is missing `version`"), ("2:1", "`[questionnaire]` is missing `title`")],
    ),
    case(
        "header-wrong-types.toml",
        &[
            ("3:6", "`id` in `[questionnaire]` must be a string, found an integer"),
            ("5:9", "`title` in `[questionnaire]` must be a string, found an array"),
            ("6:11", "`minutes` in `[questionnaire]` must be a whole number, found a string"),
        ],
    ),
    case(
        "huge-strings.toml",
        &[
            ("5:9", "`title` is too long: 301 characters (at most 300)"),
            ("13:6", "question id is too long: 72 characters (at most 64)"),
            ("16:8", "`help` is too long: 4001 characters (at most 4000)"),
        ],
    ),
    case(
        "if-missing-without-phase.toml",
        &[("17:1", "choice `x` of question `a.many` has `if_missing` but no `phase`")],
    ),
    case("integer-out-of-range.toml", &[("16:7", "`min` is out of range")]),
    case(
        "invalid-ids.toml",
        &[
            ("3:6", "invalid questionnaire id `Bad Example`"),
            ("8:6", "invalid area id `.area`"),
            ("18:6", "invalid choice id `YES`"),
        ],
    ),
    case("invalid-utf8.toml", &[("4:13", "the file is not valid UTF-8")]),
    case(
        "many-problems.toml",
        &[
            ("6:11", "`minutes` must be between 1 and 600"),
            ("8:1", "thresholds out of order: `high_risk_below` is above `ready_at`"),
            ("16:1", "unknown key `wieght` in area `a`"),
            ("22:10", "weight must be a positive number no larger than 1000, found -1"),
            ("27:9", "score must be from 0 to 100, found 101"),
            ("30:6", "duplicate choice id `x` in question `a.pick`"),
            ("38:21", "the condition names question `a.later`, which does not exist"),
            ("40:1", "area `empty` has no questions"),
        ],
    ),
    case("minutes-out-of-range.toml", &[("6:11", "`minutes` must be between 1 and 600")]),
    case("missing-kind.toml", &[("12:1", "question `a.pick` is missing `kind`")]),
    case("missing-questionnaire-table.toml", &[("1:1", "missing the `[questionnaire]` table")]),
    case("multi-one-choice.toml", &[("17:1", "question `a.many` has only one choice")]),
    case(
        "multi-only-keys-on-single.toml",
        &[
            ("21:13", "`exclusive` only applies to multi questions"),
            ("27:14", "`if_missing` only applies to multi questions"),
        ],
    ),
    case("no-areas.toml", &[("", "the questionnaire has no areas")]),
    case(
        "number-bad-bounds.toml",
        &[
            ("16:7", "`min` is above `max`"),
            ("18:13", "`min_label` applies to scale questions only"),
            ("24:7", "`max` must be a finite number"),
        ],
    ),
    case(
        "only-comments.toml",
        &[("1:1", "missing the `[questionnaire]` table"), ("", "the questionnaire has no areas")],
    ),
    case(
        "question-not-table.toml",
        &[("11:12", "`question` in area `a` must be an array of tables (`[[question]]`),")],
    ),
    case(
        "recommendation-without-phase.toml",
        &[("21:1", "choice `no` of question `a.yn` has a `recommendation` but no `phase`")],
    ),
    case(
        "red-flag-without-recommendation.toml",
        &[("24:12", "choice `no` of question `a.yn` raises a red flag but gives no")],
    ),
    case(
        "scale-bad-bounds.toml",
        &[
            ("16:7", "a scale needs `min` below `max`, at most 100 steps apart"),
            ("18:8", "`unit` applies to number questions, not scales"),
        ],
    ),
    case("scale-extreme-bounds.toml", &[("16:7", "a scale needs `min` below `max`, at most 100 steps apart")]),
    case("scale-gap.toml", &[("19:1", "the bands of question `a.scale` leave 3, 4 without a score")]),
    case("scale-too-many-steps.toml", &[("16:7", "a scale needs `min` below `max`, at most 100 steps apart")]),
    case("scale-without-bounds.toml", &[("12:1", "question `a.scale` is a scale and needs `min` and `max`")]),
    case("score-above-100.toml", &[("19:9", "score must be from 0 to 100, found 150")]),
    case("score-missing.toml", &[("17:1", "choice `yes` of question `a.yn` is missing `score`")]),
    case("score-nan.toml", &[("19:9", "score must be from 0 to 100, found NaN")]),
    case("score-negative.toml", &[("22:9", "score must be from 0 to 100, found -10")]),
    case(
        "scoring-not-table.toml",
        &[("2:11", "`scoring` in the questionnaire file must be a table, found an integer")],
    ),
    case("single-no-choices.toml", &[("12:1", "question `a.pick` has no choices")]),
    case("syntax-duplicate-key.toml", &[("15:1", "TOML syntax: duplicate key")]),
    case(
        "syntax-missing-value.toml",
        &[("14:7", "TOML syntax: string values must be quoted, expected literal string")],
    ),
    case("syntax-truncated.toml", &[("25:13", "TOML syntax: unclosed array table, expected `]]`")]),
    case("syntax-unterminated-string.toml", &[("13:10", "TOML syntax: invalid basic string, expected `\"`")]),
    case(
        "threshold-out-of-range.toml",
        &[
            ("8:12", "`ready_at` must be a number from 0 to 100"),
            ("9:21", "`max_unknown_share` must be a number from 0 to 1"),
        ],
    ),
    case(
        "thresholds-high-above-medium.toml",
        &[("7:1", "thresholds out of order: `high_risk_below` is above `medium_risk_below`")],
    ),
    case(
        "thresholds-high-above-ready.toml",
        &[("7:1", "thresholds out of order: `high_risk_below` is above `ready_at`")],
    ),
    case("unknown-flag-and-phase.toml", &[("24:12", "unknown red flag `severe`"), ("26:9", "unknown phase `later`")]),
    case("unknown-key-typo.toml", &[("11:1", "unknown key `wieght` in area `a`")]),
    case("unknown-key-unrelated.toml", &[("7:1", "unknown key `colour` in `[questionnaire]`")]),
    case("unknown-kind.toml", &[("14:8", "unknown question kind `dropdown`")]),
    case("unknown-top-level-table.toml", &[("7:2", "unknown key `scorring` in the questionnaire file")]),
    case("weight-huge.toml", &[("29:10", "weight must be a positive number no larger than 1000, found 1000000")]),
    case("weight-inf.toml", &[("11:10", "weight must be a positive number no larger than 1000, found inf")]),
    case("weight-nan.toml", &[("29:10", "weight must be a positive number no larger than 1000, found NaN")]),
    case("weight-negative.toml", &[("29:10", "weight must be a positive number no larger than 1000, found -2")]),
    case("weight-string.toml", &[("29:10", "`weight` in question `a.w` must be a number, found a string")]),
    case("weight-zero.toml", &[("11:10", "weight must be a positive number no larger than 1000, found 0")]),
    case("when-array-of-strings.toml", &[("29:44", "each condition in `when` must be a table, found a string")]),
    case(
        "when-is-any-empty.toml",
        &[
            ("29:39", "`is_any` needs at least one choice id"),
            ("29:83", "`is_any` must list strings, found an integer"),
        ],
    ),
    case("when-no-test.toml", &[("29:8", "a condition of question `a.follow` names no test")]),
    case("when-not-finite.toml", &[("21:39", "`at_least` must be a finite number")]),
    case("when-too-many.toml", &[("29:8", "too many conditions (at most 20)")]),
    case("when-two-tests.toml", &[("29:8", "a condition of question `a.follow` names 2 tests (is, is_not); use one")]),
    case("when-unknown-key.toml", &[("29:29", "unknown key `iss` in a condition of question `a.follow`")]),
    case(
        "when-wrong-test-for-kind.toml",
        &[
            ("34:9", "`is` cannot test a `number` question; use at_least or below"),
            ("34:43", "`at_least` cannot test a `yes_no` question; use is, is_not or is_any"),
        ],
    ),
    case("when-wrong-type.toml", &[("29:8", "`when` must be a table or an array of tables, found a string")]),
    case(
        "yes-no-wrong-choices.toml",
        &[("17:1", "question `a.yn` is yes_no and needs exactly the choices `yes` and `no`")],
    ),
    case(
        "wrong-type-flags.toml",
        &[
            ("16:13", "`dont_know` in question `a.many` must be true or false, found a string"),
            ("22:13", "`exclusive` in choice `x` of question `a.many` must be true or false, found an integer"),
            ("33:40", "`is_any` in a condition of question `a.follow` must be an array of strings, found a string"),
        ],
    ),
];

/// `crm-ready assess --questionnaire every-kind.toml --answers FILE`.
const ANSWERS: &[Case] = &[
    case(
        "dates-and-tables.toml",
        &[
            ("6:21", "question `people.comments` is `text` and takes text, found a date-time"),
            ("7:16", "question `plan.owner` is `single` and takes a choice id, found a table"),
        ],
    ),
    case("deep-nesting.json", &[("1:204", "JSON syntax: recursion limit exceeded at line 1 column 204")]),
    case("dont-know-turned-off.json", &[("4:33", "question `people.mandate` does not accept \"don't know\"")]),
    case("dont-know-turned-off.toml", &[("6:20", "question `people.mandate` does not accept \"don't know\"")]),
    case("duplicate-answer.json", &[("6:5", "`plan.owner` has an answer twice in `answers`")]),
    case("duplicate-header.json", &[("4:3", "`version` appears twice in the answers file")]),
    case("empty.json", &[("", "the file is empty")]),
    case(
        "header-wrong-type.toml",
        &[
            ("3:11", "`version` in the answers file must be a string, found a float"),
            ("4:11", "`answers` in the answers file must be a table, found a string"),
        ],
    ),
    case(
        "huge-strings.toml",
        &[
            ("4:16", "`organization` is too long (at most 300 characters)"),
            ("7:21", "the answer to `people.comments` is too long"),
            ("10:16", "note is too long (at most 4000 characters)"),
        ],
    ),
    case("invalid-utf8.json", &[("1:73", "the file is not valid UTF-8")]),
    case(
        "many-problems.toml",
        &[
            ("4:1", "unknown key `respondant` in the answers file"),
            ("7:16", "question `plan.owner` has no choice `maybe`"),
            ("8:17", "choice `training` is listed twice"),
            ("9:21", "question `plan.confidence` takes a whole number from 1 to 5, found 7"),
            ("10:20", "question `people.mandate` does not accept \"don't know\""),
            ("11:18", "question `people.users` is `number` and takes a number, found text"),
            ("12:1", "`every-kind` has no question `people.commments`"),
        ],
    ),
    case(
        "missing-header.toml",
        &[("1:1", "the answers file is missing `questionnaire`"), ("1:1", "the answers file is missing `version`")],
    ),
    case(
        "multi-bad-lists.toml",
        &[("6:17", "question `plan.covers` has no choice `magic`"), ("9:16", "a note must be text, found a number")],
    ),
    case("multi-exclusive.toml", &[("6:17", "choice `nothing` excludes the others, but more are listed")]),
    case("multi-not-strings.toml", &[("6:17", "a multiple-choice answer must list choice ids (strings)")]),
    case("multi-repeated.toml", &[("6:17", "choice `training` is listed twice")]),
    case("not-an-object.json", &[("1:1", "an answers file must be a JSON object, found an array")]),
    case(
        "note-problems.toml",
        &[("9:1", "`every-kind` has no question `plan.nothing`"), ("10:16", "a note must be text, found a list")],
    ),
    case("number-nan.toml", &[("6:18", "question `people.users` takes a number from 1 to 10000, found NaN")]),
    case("number-out-of-range.json", &[("4:35", "JSON syntax: number out of range at line 4 column 35")]),
    case("number-out-of-range.toml", &[("6:18", "question `people.users` takes a number from 1 to 10000, found 0")]),
    case("number-too-big.toml", &[("6:18", "question `people.users` takes a number from 1 to 10000, found")]),
    case(
        "questionnaire-mismatch.toml",
        &[("2:17", "these answers are for questionnaire `crm-quick`, but `every-kind` is in")],
    ),
    case("scale-fraction.toml", &[("6:21", "question `plan.confidence` takes a whole number from 1 to 5, found 2.5")]),
    case(
        "scale-out-of-range.toml",
        &[("6:21", "question `plan.confidence` takes a whole number from 1 to 5, found 9")],
    ),
    case("syntax-duplicate-answer.toml", &[("7:1", "TOML syntax: duplicate key")]),
    case("trailing-garbage.json", &[("1:53", "JSON syntax: trailing characters at line 1 column 53")]),
    case("truncated-draft.json", &[("1:147", "JSON syntax: EOF while parsing a string at line 1 column 147")]),
    case("truncated.json", &[("6:31", "JSON syntax: EOF while parsing a value at line 6 column 31")]),
    case("truncated.toml", &[("6:20", "TOML syntax: invalid basic string, expected `\"`")]),
    case(
        "unknown-choice.toml",
        &[
            ("6:16", "question `plan.owner` has no choice `somebody`"),
            ("7:20", "question `people.mandate` has no choice `perhaps`"),
        ],
    ),
    case("unknown-key.json", &[("4:3", "unknown key `answer` in the answers file")]),
    case("unknown-key.toml", &[("5:1", "unknown key `respondant` in the answers file")]),
    case(
        "unknown-question-and-choice.json",
        &[
            ("5:19", "question `plan.owner` has no choice `nobody-at-all`"),
            ("6:5", "`every-kind` has no question `people.mandat`"),
        ],
    ),
    case(
        "unknown-question.toml",
        &[
            ("6:1", "`every-kind` has no question `plan.ownr`"),
            ("7:1", "`every-kind` has no question `finance.budget`"),
        ],
    ),
    case(
        "version-mismatch.json",
        &[("3:14", "these answers are for version 3.0.0 of `every-kind`, but version 2.1.0")],
    ),
    case(
        "version-mismatch.toml",
        &[("3:11", "these answers are for version 1.0.0 of `every-kind`, but version 2.1.0")],
    ),
    case(
        "wrong-types.json",
        &[
            ("3:14", "`version` in the answers file must be a string, found a number"),
            ("4:14", "`answers` in the answers file must be an object, found an array"),
        ],
    ),
    case(
        "wrong-value-types.json",
        &[
            ("5:19", "question `plan.owner` is `single` and takes a choice id, found null"),
            ("6:20", "question `plan.covers` is `multi` and takes a list of choice ids, found"),
            ("7:21", "question `people.users` is `number` and takes a number, found a boolean"),
            ("8:24", "question `plan.confidence` is `scale` and takes a number, found text"),
        ],
    ),
    case(
        "wrong-value-types.toml",
        &[
            ("6:16", "question `plan.owner` is `single` and takes a choice id, found a number"),
            ("7:17", "question `plan.covers` is `multi` and takes a list of choice ids, found"),
            ("8:18", "question `people.users` is `number` and takes a number, found a list"),
            ("9:21", "question `people.comments` is `text` and takes text, found a boolean"),
        ],
    ),
];

/// Help lines that must accompany some problems: the suggestion is the point.
const HINTS: &[(&str, &str)] = &[
    ("questionnaires/bad/unknown-key-typo.toml", "did you mean `weight`?"),
    ("questionnaires/bad/unknown-top-level-table.toml", "did you mean `scoring`?"),
    ("questionnaires/bad/when-unknown-key.toml", "did you mean `is`?"),
    ("questionnaires/bad/condition-typo.toml", "did you mean `a.vendors`?"),
    ("questionnaires/bad/condition-forward.toml", "move `a.follow` after `a.yn`"),
    ("questionnaires/bad/condition-cycle.toml", "drop one of these conditions"),
    ("questionnaires/bad/duplicate-question-id.toml", "it is first used on line 13"),
    ("answers/bad/unknown-question.toml", "did you mean `plan.owner`?"),
    ("answers/bad/unknown-key.toml", "did you mean `respondent`?"),
    ("answers/bad/unknown-key.json", "did you mean `answers`?"),
    ("answers/bad/questionnaire-mismatch.toml", "pass `--questionnaire crm-quick`"),
    // people.mandate turns "don't know" off: the hint must not offer it.
    ("answers/bad/unknown-choice.toml", "use one of \"yes\", \"no\"\n"),
];

fn validate(file: &str) -> Output {
    crm_ready(&["validate", file])
}

fn assess(file: &str) -> Output {
    crm_ready(&["assess", "--questionnaire", EVERY_KIND, "--answers", file])
}

/// What is wrong with how `shown` was refused, if anything.
fn refusal_problems(out: &Output, shown: &str, expect: &[(&str, &str)]) -> Vec<String> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut wrong = Vec::new();
    if out.status.code() != Some(2) {
        wrong.push(format!("exit status {:?}, expected 2", out.status.code()));
    }
    if stderr.contains("panicked") {
        wrong.push("panicked".into());
    }
    if !out.stdout.is_empty() {
        wrong.push("wrote to stdout".into());
    }
    let lines: Vec<&str> = stderr.lines().map(|l| l.strip_prefix("error: ").unwrap_or(l)).collect();
    for (at, message) in expect {
        let wanted = if at.is_empty() { format!("{shown}: {message}") } else { format!("{shown}:{at}: {message}") };
        if !lines.iter().any(|l| l.starts_with(&wanted)) {
            wrong.push(format!("no line starting `{wanted}`"));
        }
    }
    let count = if expect.len() == 1 { "1 problem in".to_string() } else { format!("{} problems in", expect.len()) };
    if !stderr.contains(&format!("{count} {shown}")) {
        wrong.push(format!("expected exactly `{count} {shown}`"));
    }
    if wrong.is_empty() {
        return wrong;
    }
    vec![format!("{shown}:\n    {}\n--- stderr ---\n{stderr}", wrong.join("\n    "))]
}

fn check_all(dir: &str, cases: &[Case], run: fn(&str) -> Output) {
    let mut failures = Vec::new();
    for case in cases {
        let shown = format!("{dir}/{}", case.file);
        failures.extend(refusal_problems(&run(&shown), &shown, case.expect));
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn bad_questionnaires_are_refused_with_located_messages() {
    check_all(BAD_QUESTIONNAIRES, QUESTIONNAIRES, validate);
}

#[test]
fn bad_answers_files_are_refused_with_located_messages() {
    check_all(BAD_ANSWERS, ANSWERS, assess);
}

#[test]
fn several_problems_in_one_file_are_all_reported() {
    for (dir, cases, run) in
        [(BAD_QUESTIONNAIRES, QUESTIONNAIRES, validate as fn(&str) -> Output), (BAD_ANSWERS, ANSWERS, assess)]
    {
        let case = cases.iter().find(|c| c.file == "many-problems.toml").unwrap();
        assert!(case.expect.len() >= 7);
        let shown = format!("{dir}/{}", case.file);
        let out = run(&shown);
        assert_eq!(refusal_problems(&out, &shown, case.expect), Vec::<String>::new());
        // Every problem is located: as many located lines as problems.
        let located = String::from_utf8_lossy(&out.stderr).matches(&format!("{shown}:")).count();
        assert_eq!(located, case.expect.len());
    }
}

#[test]
fn hints_suggest_the_fix() {
    for (file, hint) in HINTS {
        let path = format!("tests/fixtures/{file}");
        let out = if file.starts_with("answers/") { assess(&path) } else { validate(&path) };
        let stderr = String::from_utf8_lossy(&out.stderr);
        let found = stderr.lines().any(|l| l.trim_start().starts_with("= help:") && format!("{l}\n").contains(hint));
        assert!(found, "{path}: no help line with {hint:?} in:\n{stderr}");
    }
}

#[test]
fn answers_for_another_version_of_a_builtin_are_refused() {
    let shown = format!("{BAD_ANSWERS}/questionnaire-mismatch.toml");
    let out = crm_ready(&["assess", "--questionnaire", "crm-quick", "--answers", &shown]);
    let expect = [
        ("3:11", "these answers are for version 2.1.0 of `crm-quick`, but version 1.0.0 is in use"),
        ("6:1", "`crm-quick` has no question `plan.owner`"),
    ];
    assert_eq!(refusal_problems(&out, &shown, &expect), Vec::<String>::new());
}

/// Every fixture has a row in a table, and every row a fixture.
#[test]
fn the_tables_cover_the_corpus() {
    for (dir, cases) in [(BAD_QUESTIONNAIRES, QUESTIONNAIRES), (BAD_ANSWERS, ANSWERS)] {
        let mut on_disk: Vec<String> = std::fs::read_dir(Path::new(ROOT).join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = cases.iter().map(|c| c.file.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed, "{dir}");
    }
    assert!(QUESTIONNAIRES.len() + ANSWERS.len() >= 30);
}

#[test]
fn good_fixtures_load_including_byte_order_marks() {
    for file in ["every-kind.toml", "byte-order-mark.toml"] {
        let path = format!("tests/fixtures/questionnaires/good/{file}");
        let out = validate(&path);
        assert_eq!(out.status.code(), Some(0), "{path}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).starts_with(&format!("{path}: ok")));
    }
    for file in ["every-kind.toml", "byte-order-mark.toml", "byte-order-mark.json", "hidden-answer.toml"] {
        let path = format!("tests/fixtures/answers/good/{file}");
        let out = assess(&path);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{path}: {stderr}");
        assert!(!stderr.contains("error"), "{path}: {stderr}");
    }
}

#[test]
fn an_answer_its_condition_hides_is_ignored_with_a_located_warning() {
    let path = "tests/fixtures/answers/good/hidden-answer.toml";
    let out = assess(path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(&format!("warning: {path}:8:1: ignoring the answer to `people.trainer`")), "{stderr}");
}

/// Writes `text` to a new temporary file named `name`.
fn temp_file(dir: &tempfile::TempDir, name: &str, text: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Line (from 1) of the `n`th (from 0) occurrence of `needle` at a line start.
fn line_of_nth(text: &str, needle: &str, n: usize) -> usize {
    text.lines().enumerate().filter(|(_, l)| l.starts_with(needle)).nth(n).unwrap().0 + 1
}

const HEADER: &str = "[questionnaire]\nid = \"big\"\nversion = \"1\"\ntitle = \"Big\"\n";

fn text_question(out: &mut String, id: &str) {
    write!(out, "\n[[area.question]]\nid = \"{id}\"\nkind = \"text\"\ntext = \"Anything?\"\n").unwrap();
}

#[test]
fn files_over_the_size_cap_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = HEADER.as_bytes().to_vec();
    big.resize(MAX_FILE_BYTES as usize + 1, b'#');
    let mib = MAX_FILE_BYTES / 1024 / 1024;
    let message = format!("file is larger than {mib} MiB");
    let q = temp_file(&dir, "huge.toml", &big);
    assert_eq!(refusal_problems(&validate(&q), &q, &[("", &message)]), Vec::<String>::new());
    let a = temp_file(&dir, "huge.json", &big);
    assert_eq!(refusal_problems(&assess(&a), &a, &[("", &message)]), Vec::<String>::new());
}

#[test]
fn too_many_areas_is_refused() {
    let mut text = HEADER.to_string();
    for i in 0..=MAX_AREAS {
        write!(text, "\n[[area]]\nid = \"a{i}\"\ntitle = \"A\"\nwhy = \"W\"\n").unwrap();
        text_question(&mut text, &format!("a{i}.q"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "areas.toml", text.as_bytes());
    let at = format!("{}:1", line_of_nth(&text, "[[area]]", MAX_AREAS));
    let message = format!("too many areas: {} (at most {MAX_AREAS})", MAX_AREAS + 1);
    assert_eq!(refusal_problems(&validate(&path), &path, &[(&at, &message)]), Vec::<String>::new());
}

#[test]
fn too_many_questions_is_refused() {
    let mut text = format!("{HEADER}\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"W\"\n");
    for i in 0..=MAX_QUESTIONS {
        text_question(&mut text, &format!("q{i}"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "questions.toml", text.as_bytes());
    let at = format!("{}:1", line_of_nth(&text, "[[area.question]]", MAX_QUESTIONS));
    let message = format!("too many questions (at most {MAX_QUESTIONS})");
    assert_eq!(refusal_problems(&validate(&path), &path, &[(&at, &message)]), Vec::<String>::new());
}

#[test]
fn too_many_choices_and_bands_are_refused() {
    let mut text = format!("{HEADER}\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"W\"\n");
    text.push_str("\n[[area.question]]\nid = \"a.pick\"\nkind = \"single\"\ntext = \"Pick\"\n");
    for i in 0..=MAX_OPTIONS {
        write!(text, "\n[[area.question.choice]]\nid = \"c{i}\"\nlabel = \"C\"\nscore = 50\n").unwrap();
    }
    text.push_str("\n[[area.question]]\nid = \"a.count\"\nkind = \"number\"\ntext = \"How many?\"\n");
    for i in 0..=MAX_OPTIONS {
        write!(text, "\n[[area.question.band]]\nfrom = {i}\nto = {i}\nscore = 50\n").unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "options.toml", text.as_bytes());
    let pick = format!("{}:1", line_of_nth(&text, "[[area.question]]", 0));
    let count = format!("{}:1", line_of_nth(&text, "[[area.question]]", 1));
    let expect = [
        (pick.as_str(), format!("too many choices in question `a.pick` (at most {MAX_OPTIONS})")),
        (count.as_str(), format!("too many bands in question `a.count` (at most {MAX_OPTIONS})")),
    ];
    let expect: Vec<(&str, &str)> = expect.iter().map(|(at, m)| (*at, m.as_str())).collect();
    assert_eq!(refusal_problems(&validate(&path), &path, &expect), Vec::<String>::new());
}

#[test]
fn a_file_with_hundreds_of_problems_shows_the_first_hundred_and_counts_all() {
    let mut text = HEADER.to_string();
    for i in 0..250 {
        writeln!(text, "colour{i} = 1").unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "noisy.toml", text.as_bytes());
    let out = validate(&path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    // 250 unknown keys and the missing areas.
    let shown = stderr.matches(&format!("{path}:")).count();
    assert_eq!(shown, MAX_PROBLEMS_SHOWN, "{stderr}");
    assert!(stderr.contains(&format!("... and {} more, not shown", 251 - MAX_PROBLEMS_SHOWN)), "{stderr}");
    assert!(stderr.ends_with(&format!("251 problems in {path}\n")), "{stderr}");
}

#[test]
fn too_many_answers_is_refused() {
    let mut text = "questionnaire = \"every-kind\"\nversion = \"2.1.0\"\n\n[answers]\n".to_string();
    for i in 0..=MAX_ANSWERS {
        writeln!(text, "\"q{i}\" = \"x\"").unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temp_file(&dir, "answers.toml", text.as_bytes());
    let message = format!("too many answers or notes (at most {MAX_ANSWERS})");
    assert_eq!(refusal_problems(&assess(&path), &path, &[("", &message)]), Vec::<String>::new());
}

#[test]
fn missing_files_and_directories_are_usage_errors() {
    for (args, named) in [
        (vec!["validate", "tests/fixtures/no-such-file.toml"], "tests/fixtures/no-such-file.toml: no such file"),
        (vec!["validate", "tests/fixtures"], "tests/fixtures is a directory"),
        (vec!["assess", "--answers", "tests/no-such.toml"], "tests/no-such.toml: no such file"),
        (
            vec!["assess", "--questionnaire", "no-such-builtin", "--answers", "examples/answers-ready.toml"],
            "no built-in questionnaire `no-such-builtin`",
        ),
    ] {
        let out = crm_ready(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
    }
}
