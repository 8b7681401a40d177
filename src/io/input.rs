//! Reading input files: size cap, UTF-8 check, byte-order mark, and the
//! questionnaire named on the command line (a built-in or a path).

use std::path::Path;

use anyhow::Context;

use crate::core::diagnostic::{Diagnostic, InvalidInput};
use crate::core::limits::MAX_FILE_BYTES;
use crate::core::questionnaire::{Questionnaire, builtin, parse};
use crate::exit::UsageError;
use crate::io::regular_file::{NotRegularFile, OpenError, open_regular, read_capped};

/// Reads a text file the user named. A missing file, a directory or any
/// other file that is not a regular one (a FIFO, a device) is a usage error
/// (exit 2); other read failures are I/O errors (exit 3); a file that is
/// too large, empty or not UTF-8 is invalid input (exit 2).
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    let shown = path.display().to_string();
    let file = match open_regular(path) {
        Ok(f) => f,
        Err(OpenError::Missing) => {
            return Err(UsageError::new(format!("{shown}: no such file; check the path")).into());
        }
        Err(OpenError::Directory) => {
            return Err(UsageError::new(format!("{shown} is a directory, not a file")).into());
        }
        Err(OpenError::NotRegular(what)) => return Err(NotRegularFile { path: path.to_path_buf(), what }.into()),
        Err(OpenError::Io(e)) => return Err(e).with_context(|| format!("cannot open {shown}")),
    };
    let bytes = read_capped(file, MAX_FILE_BYTES).with_context(|| format!("cannot read {shown}"))?;
    Ok(decode(&shown, bytes)?)
}

/// Checks and decodes a file's bytes.
pub fn decode(shown: &str, bytes: Vec<u8>) -> Result<String, InvalidInput> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(InvalidInput::whole_file(
            shown,
            format!(
                "file is larger than {} MiB; questionnaires and answers files are far smaller",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The lossy text has the same prefix, so the offset still points right.
            return Err(InvalidInput::new(
                shown,
                lossy,
                vec![Diagnostic::at(at..at + 1, "the file is not valid UTF-8").with_help("save the file as UTF-8")],
            ));
        }
    };
    // A leading byte-order mark is harmless: editors on some systems add one.
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InvalidInput::whole_file(shown, "the file is empty"));
    }
    Ok(text)
}

/// Loads the questionnaire named `spec`: a built-in's name, or a file path.
/// Without one, the default built-in.
pub fn load_questionnaire(spec: Option<&str>) -> anyhow::Result<Questionnaire> {
    let spec = spec.unwrap_or(builtin::DEFAULT);
    if let Some(b) = builtin::find(spec) {
        return Ok(b.load()?);
    }
    let path = Path::new(spec);
    if !path.exists() && !spec.contains(['/', '.']) {
        let hint = builtin::not_built_in(spec);
        return Err(UsageError::new(format!("no built-in questionnaire `{spec}` and no such file; {hint}")).into());
    }
    let text = read_text(path)?;
    Ok(parse(&text, &path.display().to_string())?)
}
