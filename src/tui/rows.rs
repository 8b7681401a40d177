//! The rows a question offers on screen (its choices, scale steps, an entry
//! line, "don't know", "continue") and how typed digits pick among them.
//! Shared by the key handling and the view so both agree on what is where.

use crate::core::answers::Answer;
use crate::core::questionnaire::{Kind, Question};

/// Most steps a scale shows as a list; wider scales take a typed number.
const MAX_LISTED_STEPS: f64 = 11.0;

/// One selectable row under a question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row {
    /// A choice, by index.
    Choice(usize),
    /// A step on a scale.
    Step(f64),
    /// The typed answer of a number, wide scale or text question.
    Entry,
    DontKnow,
    /// Multiple choice: done ticking, on to the next question.
    Continue,
}

/// The rows of `question`, top to bottom.
pub fn rows(question: &Question) -> Vec<Row> {
    let mut rows: Vec<Row> = match listed_steps(question) {
        Some((lo, hi)) => (lo as i64..=hi as i64).map(|v| Row::Step(v as f64)).collect(),
        None if question.kind.has_choices() => (0..question.choices.len()).map(Row::Choice).collect(),
        None => vec![Row::Entry],
    };
    if question.dont_know {
        rows.push(Row::DontKnow);
    }
    if question.kind == Kind::Multi {
        rows.push(Row::Continue);
    }
    rows
}

/// A scale's bounds when its steps are listed one per row.
pub fn listed_steps(question: &Question) -> Option<(f64, f64)> {
    match (question.kind, question.min, question.max) {
        (Kind::Scale, Some(lo), Some(hi)) if lo >= 0.0 && hi - lo < MAX_LISTED_STEPS => Some((lo, hi)),
        _ => None,
    }
}

/// Where the cursor starts on a question: on its current answer if it has
/// one, else on the first row.
pub fn initial_row(question: &Question, answer: Option<&Answer>) -> usize {
    let rows = rows(question);
    let wanted = match answer {
        Some(Answer::DontKnow) => Some(Row::DontKnow),
        Some(Answer::Text(id)) if question.kind.has_choices() => {
            question.choices.iter().position(|c| c.id == *id).map(Row::Choice)
        }
        Some(Answer::Number(n)) if listed_steps(question).is_some() => Some(Row::Step(*n)),
        _ => None,
    };
    wanted.and_then(|w| rows.iter().position(|r| *r == w)).unwrap_or(0)
}

/// The quick-pick keys of a question's rows: 1, 2, 3… for choices, the
/// value itself for scale steps, `d` for "don't know".
pub fn key_label(row: Row) -> String {
    match row {
        Row::Choice(i) => (i + 1).to_string(),
        Row::Step(v) => format!("{}", v as i64),
        Row::DontKnow => "d".to_string(),
        Row::Entry | Row::Continue => String::new(),
    }
}

/// What typed digits mean on a question that picks by number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuickPick {
    /// More digits could follow (e.g. "1" when there are 12 choices): wait
    /// for another digit or Enter. Holds the row the digits point at.
    Pending(Option<usize>),
    /// The digits name this row.
    Pick(usize),
    /// The digits name no row.
    NoSuchRow,
}

/// Reads typed digits as a quick pick among `question`'s rows, committing
/// as soon as no further digit could change the meaning.
pub fn quick_pick(question: &Question, typed: &str, final_digit: bool) -> QuickPick {
    let Ok(value) = typed.parse::<u64>() else {
        return QuickPick::NoSuchRow;
    };
    let (lo, hi) = match listed_steps(question) {
        Some((lo, hi)) => (lo as u64, hi as u64),
        None => (1, question.choices.len() as u64),
    };
    let row = (lo..=hi).contains(&value).then(|| (value - lo) as usize);
    let could_grow = !typed.starts_with('0') && value.saturating_mul(10) <= hi;
    match row {
        _ if could_grow && !final_digit => QuickPick::Pending(row),
        Some(r) => QuickPick::Pick(r),
        None => QuickPick::NoSuchRow,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::questionnaire::parse;

    fn question(kind: &str, extra: &str, choices: usize) -> Question {
        let mut toml = format!(
            "[questionnaire]\nid = \"t\"\nversion = \"1\"\ntitle = \"T\"\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"w\"\n\
             [[area.question]]\nid = \"a.q\"\nkind = \"{kind}\"\ntext = \"Q\"\nhelp = \"h\"\n{extra}\n"
        );
        for i in 0..choices {
            toml.push_str(&format!("[[area.question.choice]]\nid = \"c{i}\"\nlabel = \"C{i}\"\nscore = 50\n"));
        }
        parse(&toml, "t.toml").unwrap().questions.remove(0)
    }

    fn scale(min: i32, max: i32) -> Question {
        let band = format!("[[area.question.band]]\nfrom = {min}\nto = {max}\nscore = 50\n");
        question("scale", &format!("min = {min}\nmax = {max}\n{band}"), 0)
    }

    #[test]
    fn rows_per_kind() {
        use Row::*;
        assert_eq!(rows(&question("single", "", 3)), [Choice(0), Choice(1), Choice(2), DontKnow]);
        assert_eq!(rows(&question("multi", "dont_know = false", 2)), [Choice(0), Choice(1), Continue]);
        assert_eq!(rows(&scale(1, 3)), [Step(1.0), Step(2.0), Step(3.0), DontKnow]);
        assert_eq!(rows(&scale(0, 100)), [Entry, DontKnow], "a wide scale is typed");
        assert_eq!(rows(&question("text", "", 0)), [Entry], "text takes no don't know by default");
    }

    #[test]
    fn the_cursor_starts_on_the_answer() {
        let q = question("single", "", 3);
        assert_eq!(initial_row(&q, Some(&Answer::Text("c2".into()))), 2);
        assert_eq!(initial_row(&q, Some(&Answer::DontKnow)), 3);
        assert_eq!(initial_row(&q, None), 0);
        assert_eq!(initial_row(&scale(1, 5), Some(&Answer::Number(4.0))), 3);
    }

    #[test]
    fn quick_picks_commit_when_no_digit_could_follow() {
        let few = question("single", "", 4);
        assert_eq!(quick_pick(&few, "3", false), QuickPick::Pick(2));
        assert_eq!(quick_pick(&few, "7", false), QuickPick::NoSuchRow);
        assert_eq!(quick_pick(&few, "0", false), QuickPick::NoSuchRow);
        let many = question("single", "", 12);
        assert_eq!(quick_pick(&many, "1", false), QuickPick::Pending(Some(0)));
        assert_eq!(quick_pick(&many, "1", true), QuickPick::Pick(0));
        assert_eq!(quick_pick(&many, "12", false), QuickPick::Pick(11));
        assert_eq!(quick_pick(&many, "2", false), QuickPick::Pick(1));
        let zero_to_ten = scale(0, 10);
        assert_eq!(quick_pick(&zero_to_ten, "0", false), QuickPick::Pick(0));
        assert_eq!(quick_pick(&zero_to_ten, "1", false), QuickPick::Pending(Some(1)));
        assert_eq!(quick_pick(&zero_to_ten, "10", false), QuickPick::Pick(10));
        assert_eq!(quick_pick(&scale(1, 5), "6", false), QuickPick::NoSuchRow);
    }
}
