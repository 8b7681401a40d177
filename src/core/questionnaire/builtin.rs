//! The questionnaires embedded in the binary: the default needs no file.

use super::load::parse;
use super::model::Questionnaire;

/// A built-in questionnaire's name and TOML source.
pub struct Builtin {
    pub name: &'static str,
    pub source: &'static str,
}

/// Every built-in, the default first.
pub const BUILTINS: &[Builtin] = &[
    Builtin { name: "crm-readiness", source: include_str!("../../../questionnaires/crm-readiness.toml") },
    Builtin { name: "crm-quick", source: include_str!("../../../questionnaires/crm-quick.toml") },
    Builtin { name: "crm-review", source: include_str!("../../../questionnaires/crm-review.toml") },
];

/// The questionnaire used when none is named.
pub const DEFAULT: &str = "crm-readiness";

/// The built-in called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

impl Builtin {
    /// Parses the embedded source. The built-ins are checked by the test
    /// suite, so failure here means a broken build, reported like any file.
    pub fn load(&self) -> Result<Questionnaire, crate::core::diagnostic::InvalidInput> {
        parse(self.source, &format!("<built-in {}>", self.name))
    }
}
