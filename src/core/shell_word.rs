//! Text as one word of a POSIX shell command line, for the commands the
//! program suggests (resume an interview, render a round).

/// `text` as one shell word: bare when safe, else in single quotes.
pub fn shell_quote(text: &str) -> String {
    let safe = !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || "-_./:@".contains(c));
    if safe { text.to_string() } else { format!("'{}'", text.replace('\'', "'\\''")) }
}

#[cfg(test)]
mod tests {
    use super::shell_quote;

    #[test]
    fn safe_text_stays_bare_and_the_rest_is_single_quoted() {
        assert_eq!(shell_quote("acme"), "acme");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("Acme Ltd"), "'Acme Ltd'");
        assert_eq!(shell_quote("O'Neil & Co"), "'O'\\''Neil & Co'");
        assert_eq!(shell_quote("Say \"hi\" $HOME"), "'Say \"hi\" $HOME'");
    }
}
