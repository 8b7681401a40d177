//! A count in words: "1 action", "3 actions".

/// `n` with the singular `one` or the plural `many`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "action", "actions"), "1 action");
        assert_eq!(counted(0, "action", "actions"), "0 actions");
        assert_eq!(counted(2, "red flag", "red flags"), "2 red flags");
    }
}
