//! Questionnaires: the model, the TOML loader with its checks, and the
//! built-in ones.
//!
//! The loader reads in layers, each in its own module: `load` (the file,
//! its header, thresholds and areas), `question`, `choices`, `bands`,
//! `outcome` (what an answer leads to), `when` (conditions as written) and
//! `references` (conditions checked against the other questions), over the
//! field checks they share in `checks`; `answer_checks` reads `[[check]]`,
//! the answers that cannot all be true.

mod answer_checks;
mod bands;
pub mod builtin;
mod checks;
mod choices;
mod counts;
mod load;
mod model;
mod outcome;
mod phases;
mod question;
mod references;
mod unknown;
mod verdicts;
mod version;
mod when;

pub use answer_checks::AnswerCheck;
pub use counts::QuestionCounts;
pub use load::{content_hash, parse};
pub use model::*;
pub use verdicts::VerdictTitles;
pub use version::same_major;
