//! Reading a brand file (`--brand FILE`) and the logo it names.

use std::path::Path;

use crate::core::brand::{Brand, MAX_LOGO_BYTES, check_logo, parse_brand};
use crate::core::diagnostic::{Diagnostic, InvalidInput};
use crate::io::input::read_text;
use crate::io::regular_file::{OpenError, open_regular, read_capped};

/// Reads and checks a brand file and its logo. Every problem, the logo's
/// included, is reported at once with its place in the brand file
/// (invalid input, exit 2).
pub fn load_brand(path: &Path) -> anyhow::Result<Brand> {
    let text = read_text(path)?;
    let shown = path.display().to_string();
    let mut errs = Vec::new();
    let file = parse_brand(&text, &mut errs);
    let mut logo = None;
    if let Some(name) = &file.logo {
        // Relative to the brand file, so a brand folder can move as one.
        let logo_path = path.parent().unwrap_or(Path::new("")).join(name.get_ref());
        let logo_shown = logo_path.display().to_string();
        match read_logo(&logo_path) {
            Ok(bytes) => match check_logo(bytes, &logo_shown, name.span()) {
                Ok(checked) => logo = Some(checked),
                Err(problem) => errs.push(problem),
            },
            Err(e) => errs.push(logo_unreadable(&logo_shown, name.span(), &e)),
        }
    }
    if !errs.is_empty() {
        return Err(InvalidInput::new(shown, text, errs).into());
    }
    Ok(file.with_logo(logo))
}

/// The logo's bytes, at most one byte past the cap (so that an oversized
/// file is known as such without reading all of it). Opened as every input
/// is: only a regular file, never waited on.
fn read_logo(path: &Path) -> Result<Vec<u8>, OpenError> {
    let file = open_regular(path)?;
    read_capped(file, MAX_LOGO_BYTES as u64).map_err(OpenError::Io)
}

fn logo_unreadable(shown: &str, span: std::ops::Range<usize>, e: &OpenError) -> Diagnostic {
    match e {
        OpenError::Missing => Diagnostic::at(span, format!("the logo `{shown}` does not exist"))
            .with_help("the path is relative to the brand file; check it, or remove `logo`"),
        OpenError::Directory => Diagnostic::at(span, format!("the logo `{shown}` is a directory, not a file")),
        OpenError::NotRegular(what) => {
            Diagnostic::at(span, format!("the logo `{shown}` is {what}, not a regular file"))
                .with_help("name an image file (PNG, JPEG or SVG); only regular files are read")
        }
        OpenError::Io(e) => Diagnostic::at(span, format!("cannot read the logo `{shown}`: {e}")),
    }
}
