//! Text measures for the view: width, cutting to fit, padding a column, and
//! the word wrapping the report shares, all from `core::wrap`: measured
//! grapheme by grapheme, as the terminal draws them, so CJK, emoji, flags
//! and combining marks take the cells they take on screen and are never
//! cut in half. Every column in `view` is laid out with these.

pub use crate::core::wrap::{cells, fit, tail, truncate, width, wrap};

/// `text` within `max` cells: whole if it fits, else as many whole words
/// as fit before " …" (cut inside its first word only when that alone is
/// too wide).
pub fn shorten(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut kept = text.trim_end();
    while let Some(space) = kept.rfind(' ') {
        kept = kept[..space].trim_end();
        if !kept.is_empty() && width(kept) + 2 <= max {
            return format!("{kept} …");
        }
    }
    truncate(text, max)
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shortening_drops_whole_words() {
        assert_eq!(shorten("crm-ready · CRM readiness assessment", 40), "crm-ready · CRM readiness assessment");
        assert_eq!(shorten("crm-ready · CRM readiness assessment", 27), "crm-ready · CRM readiness …");
        assert_eq!(shorten("crm-ready · CRM readiness assessment", 26), "crm-ready · CRM …");
        assert_eq!(shorten("Why we ask is this …", 12), "Why we ask …");
        assert_eq!(shorten("Unbreakable", 6), "Unbre…");
    }
}
