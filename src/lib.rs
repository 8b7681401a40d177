//! crm-ready: tells a company whether it is ready for its CRM project
//! before it signs the contract.
//!
//! The core (questionnaire model and loader, answers, visibility, scoring,
//! the assessment) is pure: no terminal, clock or filesystem. The `cli`
//! module is the thin edge that reads files, calls the core and prints;
//! `tui` runs the interview over the pure interview state in `session`,
//! saving `draft`s as it goes.

pub mod answers;
pub mod answers_file;
pub mod assessment;
pub mod atomic_write;
pub mod cli;
pub mod diagnostic;
pub mod draft;
pub mod exit;
pub mod history;
pub mod input;
pub mod limits;
pub mod questionnaire;
pub mod report;
pub mod scoring;
pub mod session;
pub mod text;
pub mod toml_tree;
pub mod tui;
pub mod visibility;

/// The tool's version, carried in every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
