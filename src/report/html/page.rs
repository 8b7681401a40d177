//! What every page shares: the frame (document title, brand, generator)
//! and the risk thresholds the charts mark.

use base64::Engine as _;
use serde::Serialize;

use crate::core::brand::Brand;
use crate::core::questionnaire::{Thresholds, builtin};
use crate::core::text::one_line;

/// The accent colour without a brand: a dark blue that prints well in
/// grey.
const DEFAULT_ACCENT: &str = "#1f4e79";

/// The parts of a page around its content.
#[derive(Debug, Clone, Serialize)]
pub struct Frame {
    /// The document's title (the browser's tab, the PDF's name).
    pub title: String,
    pub brand: BrandView,
    /// "crm-ready 0.1.0": the tool, never the time of rendering, so that
    /// the same input gives the same bytes.
    pub generator: String,
    /// The JSON the page was rendered from, escaped for a `<script>`
    /// element by `core::json::to_script_json`.
    pub data: String,
}

impl Frame {
    pub fn new(title: String, brand: &Brand, data: String) -> Frame {
        Frame { title, brand: BrandView::of(brand), generator: format!("crm-ready {}", crate::VERSION), data }
    }
}

/// The brand as the templates use it.
#[derive(Debug, Clone, Serialize)]
pub struct BrandView {
    pub name: Option<String>,
    /// A `data:` URI: the page loads nothing from anywhere.
    pub logo: Option<String>,
    /// `#rrggbb`.
    pub accent: String,
    pub footer: Option<String>,
}

impl BrandView {
    fn of(brand: &Brand) -> BrandView {
        BrandView {
            name: brand.name.as_deref().map(|s| one_line(s).into_owned()),
            logo: brand.logo.as_ref().map(|logo| {
                format!(
                    "data:{};base64,{}",
                    logo.media_type,
                    base64::engine::general_purpose::STANDARD.encode(&logo.bytes)
                )
            }),
            accent: brand.accent.clone().unwrap_or_else(|| DEFAULT_ACCENT.to_string()),
            footer: brand.footer.as_deref().map(|s| one_line(s).into_owned()),
        }
    }
}

/// The risk thresholds of the questionnaire `id` `version` (with content
/// `hash`, when known), if it is a built-in: an assessment does not carry
/// them, and a stored one must render exactly like a fresh one. For other
/// questionnaires the charts colour by the risk found and mark no lines.
pub fn bands(id: &str, version: &str, hash: Option<&str>) -> Option<Thresholds> {
    let q = builtin::find(id)?.shared().ok()?;
    (q.version == version && hash.is_none_or(|h| h == q.content_hash)).then_some(q.scoring)
}

/// A CSS string's content for `text`: everything but ASCII letters and
/// digits written as a six-digit CSS hex escape, so that no text can end
/// the string or the `<style>` element. (Spaces too: a space after an
/// escape would be taken as part of it.)
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:06x}", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_break_out() {
        assert_eq!(css_string("Ab 1"), "Ab\\0000201");
        let hostile = css_string("\"; } </style><script>x</script>\\");
        assert!(!hostile.contains(['"', '<', '>', '}', ';']), "{hostile}");
        assert!(hostile.starts_with("\\000022"), "{hostile}");
    }

    #[test]
    fn built_ins_have_bands_and_others_do_not() {
        let q = builtin::find("crm-quick").unwrap().load().unwrap();
        assert_eq!(bands("crm-quick", &q.version, Some(&q.content_hash)), Some(q.scoring));
        assert_eq!(bands("crm-quick", &q.version, None), Some(q.scoring));
        assert_eq!(bands("crm-quick", "0.0.1", None), None);
        assert_eq!(bands("crm-quick", &q.version, Some("sha256:other")), None);
        assert_eq!(bands("my-own", "1", None), None);
    }
}
