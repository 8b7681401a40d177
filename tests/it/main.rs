//! The integration tests, in one binary: the library through its public
//! API, and the real binary run without a terminal. One binary links the
//! library and the dev-dependencies once, instead of once per file.
//!
//! The tests that need a pseudo-terminal are the other binary, `tests/pty`.

#[path = "../support/mod.rs"]
mod support;

mod generate;
mod json_schema;

mod bad_inputs;
mod builtins;
mod cli;
mod cli_conventions;
mod completions;
mod custom_answers;
mod docs;
mod fail_on;
mod history;
mod json_outputs;
mod layout;
mod man_pages;
mod properties;
mod properties_input;
mod question_counts;
mod report_schema;
mod scoring;
mod stdio;
mod tui_sizes;
mod tui_snapshots;
mod validate_json;
