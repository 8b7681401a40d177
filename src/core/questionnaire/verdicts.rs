//! `[verdicts]`: the words a questionnaire gives its three verdicts. A
//! review after go-live is not about being "ready"; it names them, say,
//! "On track", "On track with conditions" and "At risk". The verdicts
//! themselves (and their ids in JSON) stay the same: only how reports word
//! them changes. Without the table, the words of a project before signing.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use toml::Spanned;

use super::checks::check_text;
use crate::core::diagnostic::{Diagnostics, Span};
use crate::core::limits::MAX_LABEL_CHARS;
use crate::core::toml_fields::{Fields, Table};

const VERDICT_KEYS: &[&str] = &["ready", "ready-with-conditions", "not-ready"];

/// How reports word each verdict: the title of `ready`,
/// `ready-with-conditions` and `not-ready`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub struct VerdictTitles {
    pub ready: String,
    pub ready_with_conditions: String,
    pub not_ready: String,
}

impl Default for VerdictTitles {
    /// The words of a project before signing.
    fn default() -> Self {
        VerdictTitles {
            ready: "Ready".to_string(),
            ready_with_conditions: "Ready with conditions".to_string(),
            not_ready: "Not ready".to_string(),
        }
    }
}

impl VerdictTitles {
    /// True for the words of a project before signing (what a
    /// questionnaire without `[verdicts]` uses).
    pub fn is_standard(&self) -> bool {
        *self == VerdictTitles::default()
    }
}

/// Reads `[verdicts]`: each title is optional and keeps the standard word
/// when left out; one given must say something.
pub(super) fn read_verdicts(table: &Table<'_>, span: Span, errs: &mut Diagnostics) -> VerdictTitles {
    let f = Fields::new(table, span, "`[verdicts]`", VERDICT_KEYS, errs);
    let standard = VerdictTitles::default();
    let mut title = |key: &str, default: String| {
        f.string(key, errs)
            .filter(|s| check_text(s, key, MAX_LABEL_CHARS, true, errs))
            .map_or(default, Spanned::into_inner)
    };
    VerdictTitles {
        ready: title("ready", standard.ready),
        ready_with_conditions: title("ready-with-conditions", standard.ready_with_conditions),
        not_ready: title("not-ready", standard.not_ready),
    }
}

#[cfg(test)]
mod tests {
    use crate::core::questionnaire::parse;

    const HEAD: &str = r#"
[questionnaire]
id = "review"
version = "1"
title = "Review"
"#;

    const AREA: &str = r#"
[[area]]
id = "use"
title = "Use"
why = "A CRM nobody opens helps nobody."

[[area.question]]
id = "use.daily"
text = "Is the CRM used daily?"
kind = "single"

[[area.question.choice]]
id = "yes"
label = "Yes"
score = 100

[[area.question.choice]]
id = "no"
label = "No"
score = 0
"#;

    #[test]
    fn a_questionnaire_names_its_verdicts_and_keeps_the_standard_words_for_the_rest() {
        let text = format!("{HEAD}\n[verdicts]\nready = \"On track\"\nnot-ready = \"At risk\"\n{AREA}");
        let q = parse(&text, "review.toml").unwrap();
        assert_eq!(q.verdicts.ready, "On track");
        assert_eq!(q.verdicts.ready_with_conditions, "Ready with conditions");
        assert_eq!(q.verdicts.not_ready, "At risk");
        assert!(!q.verdicts.is_standard());
        let plain = parse(&format!("{HEAD}{AREA}"), "plain.toml").unwrap();
        assert!(plain.verdicts.is_standard());
    }

    #[test]
    fn an_unknown_verdict_or_an_empty_title_is_refused_with_its_place() {
        let text = format!("{HEAD}\n[verdicts]\nready = \"\"\nnot-redy = \"At risk\"\n{AREA}");
        let err = parse(&text, "review.toml").unwrap_err().to_string();
        assert!(err.contains("not-redy") && err.contains("not-ready"), "{err}");
        assert!(err.contains("review.toml:9:1: unknown key `not-redy` in `[verdicts]`"), "{err}");
        assert!(err.contains("review.toml:8:9: `ready` must not be empty"), "{err}");
    }
}
