//! A title as it reads inside a sentence: "Before signing" → "due before
//! signing".

/// `title` with its first letter in lower case.
pub fn lower_first(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::lower_first;

    #[test]
    fn only_the_first_letter_changes() {
        assert_eq!(lower_first("Before signing"), "before signing");
        assert_eq!(lower_first("In the next four weeks"), "in the next four weeks");
        assert_eq!(lower_first("ÉTAPE"), "éTAPE");
        assert_eq!(lower_first(""), "");
    }
}
