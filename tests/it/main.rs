//! The integration tests, in one binary: the library through its public
//! API, and the real binary run without a terminal. One binary links the
//! library and the dev-dependencies once, instead of once per file.
//!
//! The tests that need a pseudo-terminal are the other binary, `tests/pty`.

#[path = "../support/mod.rs"]
mod support;

mod generate;
mod json_schema;

mod answers_to_check;
mod bad_inputs;
mod brand;
mod browser;
mod builtins;
mod cases;
mod cli;
mod cli_conventions;
mod completions;
mod custom_answers;
mod dates_and_groups;
mod docs;
mod exit_codes;
mod fail_on;
mod gate_properties;
mod history;
mod hostile;
mod html_report;
mod json_outputs;
mod layout;
mod lint;
mod man_pages;
mod named_output;
mod numbers;
mod properties;
mod properties_input;
mod properties_text;
mod question_counts;
mod report_layout;
mod report_schema;
mod round_html;
mod round_report;
mod round_store;
mod rounds;
mod rounds_over_time;
mod scoring;
mod stdio;
mod suggestions;
mod table_widths;
mod tui_fit;
mod tui_sizes;
mod tui_snapshots;
mod unanswered;
mod validate_json;
mod verdict_properties;
