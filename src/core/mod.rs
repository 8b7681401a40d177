//! The pure core: no terminal, clock, filesystem, threads or clap. Files
//! come in as text and go out as values; the edges do the rest.

pub mod answers;
pub mod answers_file;
pub mod assessment;
pub mod brand;
pub mod conditions;
pub mod counted;
pub mod dates;
pub mod diagnostic;
pub mod embedded;
pub mod history;
pub mod in_sentence;
pub mod json;
pub mod json_text;
pub mod limits;
pub mod lint;
pub mod questionnaire;
pub mod round;
pub mod scoring;
pub mod session;
pub mod shell_word;
pub mod suggest;
pub mod text;
pub mod toml_context;
pub mod toml_fields;
pub mod toml_text;
pub mod wrap;
