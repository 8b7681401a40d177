//! A consultant's branding for the reports they hand over: a name, a logo,
//! an accent colour and a footer line, read from a small TOML file.
//!
//! ```toml
//! name = "Hartley & Moss Advisory"
//! logo = "logo.svg"          # relative to this file; PNG, JPEG or SVG
//! accent = "#1f6f8b"         # or "#18b"
//! footer = "Prepared for the board; not for circulation."
//! ```
//!
//! Pure: the text is parsed here and the logo's bytes are checked here;
//! reading the files is the edge's job (`io::brand`).

use toml::Spanned;

use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::limits::MAX_LABEL_CHARS;
use crate::core::text::one_line;
use crate::core::toml_fields::{self, Fields};

/// Largest logo inlined: a report is one file, and a logo is small.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

/// The keys a brand file may have.
const KEYS: &[&str] = &["name", "logo", "accent", "footer"];

/// The branding a report is rendered with; the default has none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brand {
    /// Who prepared the report.
    pub name: Option<String>,
    pub logo: Option<Logo>,
    /// `#rrggbb`, lowercase.
    pub accent: Option<String>,
    /// A line at the foot of every page.
    pub footer: Option<String>,
}

/// An image checked by its first bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// `image/png`, `image/jpeg` or `image/svg+xml`.
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

/// A brand file as written: the logo is still a path, with its place in
/// the file for messages about it.
#[derive(Debug, Clone, Default)]
pub struct BrandFile {
    pub name: Option<String>,
    pub logo: Option<Spanned<String>>,
    pub accent: Option<String>,
    pub footer: Option<String>,
}

impl BrandFile {
    /// The brand, once the logo is read and checked.
    pub fn with_logo(self, logo: Option<Logo>) -> Brand {
        Brand { name: self.name, logo, accent: self.accent, footer: self.footer }
    }
}

/// Reads a brand file; every problem is reported, each at its place.
pub fn parse_brand(source: &str, errs: &mut Diagnostics) -> BrandFile {
    let doc = match toml_fields::parse(source) {
        Ok(doc) => doc,
        Err(syntax) => {
            errs.extend(syntax);
            return BrandFile::default();
        }
    };
    let f = Fields::new(doc.get_ref(), doc.span(), "the brand file", KEYS, errs);
    let line = |key: &str, errs: &mut Diagnostics| {
        let s = f.string(key, errs)?;
        let chars = s.get_ref().chars().count();
        if chars > MAX_LABEL_CHARS {
            errs.push(Diagnostic::at(
                s.span(),
                format!("`{key}` is too long: {chars} characters (at most {MAX_LABEL_CHARS})"),
            ));
            return None;
        }
        let text = one_line(s.get_ref()).trim().to_string();
        (!text.is_empty()).then_some(text)
    };
    let name = line("name", errs);
    let footer = line("footer", errs);
    let accent = f.string("accent", errs).and_then(|s| match accent_colour(s.get_ref()) {
        Some(colour) => Some(colour),
        None => {
            errs.push(
                Diagnostic::at(
                    s.span(),
                    format!("`accent` must be a colour like \"#1f6f8b\", found \"{}\"", s.get_ref()),
                )
                .with_help("write the colour as # and six (or three) hexadecimal digits"),
            );
            None
        }
    });
    let logo = f.string("logo", errs).filter(|s| {
        let blank = s.get_ref().trim().is_empty();
        if blank {
            errs.push(
                Diagnostic::at(s.span(), "`logo` must name an image file")
                    .with_help("remove `logo`, or name a PNG, JPEG or SVG file"),
            );
        }
        !blank
    });
    BrandFile { name, logo, accent, footer }
}

/// `#rrggbb` from `#rrggbb` or `#rgb`, lowercase; `None` for anything else.
pub fn accent_colour(text: &str) -> Option<String> {
    let hex = text.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(hex.chars().fold(String::from("#"), |mut s, c| {
            s.push(c.to_ascii_lowercase());
            s.push(c.to_ascii_lowercase());
            s
        })),
        _ => None,
    }
}

/// Checks a logo's bytes (read from the file `shown` names) by size and by
/// their first bytes, not by the file's name; a problem points at the
/// `logo` value (`span`).
pub fn check_logo(bytes: Vec<u8>, shown: &str, span: Span) -> Result<Logo, Diagnostic> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(Diagnostic::at(span, format!("the logo `{shown}` is larger than {} KiB", MAX_LOGO_BYTES / 1024))
            .with_help("use a smaller image: a logo in a report needs a few dozen KiB"));
    }
    match media_type(&bytes) {
        Some(media_type) => Ok(Logo { media_type, bytes }),
        None => Err(Diagnostic::at(span, format!("the logo `{shown}` is not a PNG, JPEG or SVG image"))
            .with_help("save the logo as PNG, JPEG or SVG")),
    }
}

/// The image type the bytes start like.
fn media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Some("image/jpeg");
    }
    // SVG is text: an XML declaration, comments or a doctype may come
    // before the root element.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let svg = (head.starts_with("<?xml")
        || head.starts_with("<!--")
        || head.starts_with("<!DOCTYPE svg")
        || head.starts_with("<svg"))
        && head.contains("<svg");
    svg.then_some("image/svg+xml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_brand_file_reads() {
        let mut errs = Vec::new();
        let b = parse_brand(
            "name = \"Hartley & Moss\"\nlogo = \"logo.svg\"\naccent = \"#1F6\"\nfooter = \"Confidential\"\n",
            &mut errs,
        );
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(b.name.as_deref(), Some("Hartley & Moss"));
        assert_eq!(b.logo.as_ref().map(|l| l.get_ref().as_str()), Some("logo.svg"));
        assert_eq!(b.accent.as_deref(), Some("#11ff66"));
        assert_eq!(b.footer.as_deref(), Some("Confidential"));
    }

    #[test]
    fn every_problem_is_reported_at_its_place() {
        let src = "nmae = \"x\"\naccent = \"teal\"\nfooter = 3\n";
        let mut errs = Vec::new();
        parse_brand(src, &mut errs);
        let messages: Vec<_> = errs.iter().map(|e| (e.span.clone().unwrap().start, e.message.as_str())).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(errs.iter().any(|e| e.help.as_deref() == Some("did you mean `name`?")), "{errs:?}");
        assert!(messages.contains(&(20, "`accent` must be a colour like \"#1f6f8b\", found \"teal\"")), "{messages:?}");
        assert!(
            messages.iter().any(|(_, m)| m.starts_with("`footer` in the brand file must be a string")),
            "{messages:?}"
        );
    }

    #[test]
    fn colours_are_checked_and_normalised() {
        assert_eq!(accent_colour("#1f6f8b").as_deref(), Some("#1f6f8b"));
        assert_eq!(accent_colour("#ABC").as_deref(), Some("#aabbcc"));
        for bad in ["1f6f8b", "#1f6f8", "#ggg", "#1f6f8b00", "red", "#"] {
            assert_eq!(accent_colour(bad), None, "{bad}");
        }
    }

    #[test]
    fn logos_are_known_by_their_first_bytes() {
        let png = b"\x89PNG\r\n\x1a\nrest".to_vec();
        assert_eq!(check_logo(png, "l.png", 0..1).unwrap().media_type, "image/png");
        assert_eq!(check_logo(vec![0xff, 0xd8, 0xff, 0xe0], "l.jpg", 0..1).unwrap().media_type, "image/jpeg");
        let svg = b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
        assert_eq!(check_logo(svg, "l.svg", 0..1).unwrap().media_type, "image/svg+xml");
        let named_png_but_text = b"just text".to_vec();
        let err = check_logo(named_png_but_text, "l.png", 3..8).unwrap_err();
        assert_eq!(err.message, "the logo `l.png` is not a PNG, JPEG or SVG image");
        assert_eq!(err.span, Some(3..8));
        let big = vec![0u8; MAX_LOGO_BYTES + 1];
        assert!(check_logo(big, "big.png", 0..1).unwrap_err().message.contains("larger than 512 KiB"));
    }
}
