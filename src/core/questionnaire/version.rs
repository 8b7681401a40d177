//! Which answers a questionnaire's version accepts: a questionnaire raises
//! its major version when answers must change, so answers (and drafts)
//! written for an earlier minor version still apply.

use super::model::Questionnaire;

impl Questionnaire {
    /// Whether answers written for `version` of this questionnaire are
    /// accepted: the same version, or one with the same major number. A
    /// questionnaire changes its major version when answers must change;
    /// a minor one keeps every question and choice id (and each answer is
    /// still checked against them).
    pub fn accepts_answers_for(&self, version: &str) -> bool {
        same_major(version, &self.version)
    }
}

/// Whether two versions of one questionnaire share their major number (or
/// are the same string): answers to one are answers to the other.
pub fn same_major(a: &str, b: &str) -> bool {
    let major = |v: &str| v.trim().split('.').next().unwrap_or_default().to_string();
    a == b || (!major(a).is_empty() && major(a) == major(b))
}

#[cfg(test)]
mod tests {
    use crate::core::questionnaire::builtin;

    #[test]
    fn answers_of_the_same_major_version_are_accepted() {
        let mut q = builtin::find("crm-quick").unwrap().load().unwrap();
        q.version = "2.1.0".into();
        for accepted in ["2.1.0", "2.0.0", "2.3", "2"] {
            assert!(q.accepts_answers_for(accepted), "{accepted}");
        }
        for refused in ["1.0.0", "3.0.0", "", "20.1.0", "v2.0.0"] {
            assert!(!q.accepts_answers_for(refused), "{refused}");
        }
    }
}
