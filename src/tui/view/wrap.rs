//! Text measures for the view: width, cutting to fit, and the word
//! wrapping the report shares.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub use crate::core::wrap::{truncate, wrap};

/// Display width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    text.width()
}

/// The last `max` cells of `text`: what fits of a long field, cursor end.
pub fn tail(text: &str, max: usize) -> String {
    let mut used = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        let cw = c.width().unwrap_or(0);
        if used + cw > max {
            break;
        }
        used += cw;
        start = i;
    }
    text[start..].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Vision and objectives", 10), "Vision an…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(tail("abcdef", 3), "def");
    }
}
