//! The questionnaires embedded in the binary: the default needs no file.

use std::sync::{LazyLock, OnceLock};

use super::load::{content_hash, parse};
use super::model::Questionnaire;
use crate::core::diagnostic::InvalidInput;
use crate::core::suggest::closest;

/// A built-in questionnaire's name and TOML source.
pub struct Builtin {
    pub name: &'static str,
    pub source: &'static str,
    parsed: OnceLock<Result<Questionnaire, InvalidInput>>,
}

/// Every built-in, the default first.
pub static BUILTINS: [Builtin; 3] = [
    Builtin::new("crm-readiness", include_str!("../../../questionnaires/crm-readiness.toml")),
    Builtin::new("crm-quick", include_str!("../../../questionnaires/crm-quick.toml")),
    Builtin::new("crm-review", include_str!("../../../questionnaires/crm-review.toml")),
];

/// The questionnaire used when none is named.
pub const DEFAULT: &str = "crm-readiness";

/// The built-in called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

/// The built-in `name` is, or most likely misspells.
pub fn meant(name: &str) -> Option<&'static str> {
    find(name).map(|b| b.name).or_else(|| closest(name, BUILTINS.iter().map(|b| b.name)))
}

/// What to tell someone whose `name` is no built-in: the one they likely
/// meant, and the built-ins there are. Every command that takes a built-in
/// name says it the same way.
pub fn not_built_in(name: &str) -> String {
    let names = BUILTINS.iter().map(|b| b.name).collect::<Vec<_>>().join(", ");
    match meant(name) {
        Some(meant) => format!("did you mean `{meant}`? Built-ins: {names}"),
        None => format!("built-ins: {names}"),
    }
}

/// The built-in whose source has content hash `hash`: a record names the
/// exact text it answered by its hash.
pub fn by_content_hash(hash: &str) -> Option<&'static Builtin> {
    static HASHES: LazyLock<Vec<String>> = LazyLock::new(|| BUILTINS.iter().map(|b| content_hash(b.source)).collect());
    HASHES.iter().position(|h| h == hash).map(|i| &BUILTINS[i])
}

impl Builtin {
    const fn new(name: &'static str, source: &'static str) -> Self {
        Builtin { name, source, parsed: OnceLock::new() }
    }

    /// Parses the embedded source. The built-ins are checked by the test
    /// suite, so failure here means a broken build, reported like any file.
    pub fn load(&self) -> Result<Questionnaire, InvalidInput> {
        parse(self.source, &format!("<built-in {}>", self.name))
    }

    /// [`Builtin::load`], parsed once for the whole process: listing and
    /// rounds consult the same built-in for every record.
    pub fn shared(&'static self) -> Result<&'static Questionnaire, InvalidInput> {
        self.parsed.get_or_init(|| self.load()).as_ref().map_err(Clone::clone)
    }
}
