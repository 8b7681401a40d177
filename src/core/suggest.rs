//! "Did you mean": the one rule for suggesting a known name in place of a
//! misspelt one, used for keys, kinds, question ids, organisations,
//! built-in questionnaires, stored assessments and man pages.

/// How alike two names must be (Jaro-Winkler, 0 to 1) to suggest one for
/// the other.
const ALIKE: f64 = 0.8;

/// The candidate closest to `name`, if any is close enough.
pub fn closest<'c, S>(name: &str, candidates: impl IntoIterator<Item = &'c S>) -> Option<&'c str>
where
    S: AsRef<str> + ?Sized + 'c,
{
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(name, c.as_ref()), c.as_ref()))
        .filter(|(score, _)| *score > ALIKE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// "did you mean `assess`?" for the candidate closest to `name`, if any is
/// close enough.
pub fn did_you_mean<'c, S>(name: &str, candidates: impl IntoIterator<Item = &'c S>) -> Option<String>
where
    S: AsRef<str> + ?Sized + 'c,
{
    closest(name, candidates).map(|best| format!("did you mean `{best}`?"))
}

#[cfg(test)]
mod tests {
    use super::{closest, did_you_mean};

    #[test]
    fn suggests_the_closest_name_only_when_it_is_close() {
        let keys = ["weight", "title", "why"];
        assert_eq!(closest("wieght", &keys), Some("weight"));
        assert_eq!(closest("colour", &keys), None);
        let ids = vec!["vendors.count".to_string(), "vendors.lead".to_string()];
        assert_eq!(closest("vendor.count", &ids), Some("vendors.count"));
    }

    #[test]
    fn says_which_name_was_meant() {
        let names = ["latest", "previous"];
        assert_eq!(did_you_mean("lates", &names).as_deref(), Some("did you mean `latest`?"));
        assert_eq!(did_you_mean("a3f9c2", &names), None);
    }
}
