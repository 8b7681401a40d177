//! crm-ready: tells a company whether it is ready for its CRM project
//! before it signs the contract.
//!
//! The layout follows the data: `core` (pure: questionnaire → answers →
//! conditions → session → scoring → assessment → history), `io` (the only
//! code that touches files: input files, drafts, the store, atomic writes),
//! `report` (renderers), and the thin edges `cli` and `tui`.

pub mod cli;
pub mod core;
pub mod exit;
pub mod io;
pub mod report;
pub mod tui;

/// The tool's version, carried in every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
