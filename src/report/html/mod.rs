//! The HTML reports: one self-contained file each (inline CSS and SVG, no
//! script but the embedded JSON data, nothing loaded from anywhere) that
//! reads well on screen and prints cleanly to A4 or Letter.
//!
//! How a page is made, in three parts:
//! - a **view model** (`assessment.rs`, `trend.rs`, `comparison.rs`): a
//!   `Serialize` struct holding everything the page shows, worked out in
//!   Rust (the executive summary, the plan by phase, the charts' geometry);
//! - a **template** in `templates/` (`NAME.html`, extending `base.html`),
//!   rendered by minijinja with HTML auto-escaping: text from files reaches
//!   the page only through the engine, which cleans and escapes it;
//! - **charts** (`charts.rs`): geometry in Rust, drawn by the macros of
//!   `templates/charts.html`.
//!
//! A page for a round of several respondents is one more of each: a
//! `RoundPage` view model in `round.rs` with its `Frame` (the round's JSON
//! as its data), a `templates/round.html` registered in `engine::TEMPLATES`,
//! a chart function in `charts.rs` if it needs a new kind of chart (the
//! bars and lines here may do), and a `round_html` function below.
//!
//! The same input gives the same bytes: nothing depends on the time of
//! rendering, the machine or a hash map's order.

mod assessment;
mod charts;
mod comparison;
mod engine;
mod page;
mod trend;

use anyhow::Context as _;

use crate::core::assessment::Assessment;
use crate::core::brand::Brand;
use crate::core::history::compare::Comparison;
use crate::core::history::trend::Trend;

/// One assessment's report.
pub fn assessment_html(a: &Assessment, brand: &Brand) -> anyhow::Result<String> {
    render("assessment.html", &assessment::AssessmentPage::new(a, brand))
}

/// An organisation's scores over time.
pub fn trend_html(t: &Trend, brand: &Brand) -> anyhow::Result<String> {
    render("trend.html", &trend::TrendPage::new(t, brand))
}

/// What changed between `before` and `after`, compared as `c`.
pub fn comparison_html(
    c: &Comparison,
    before: &Assessment,
    after: &Assessment,
    brand: &Brand,
) -> anyhow::Result<String> {
    render("comparison.html", &comparison::ComparisonPage::new(c, before, after, brand))
}

fn render<V: serde::Serialize>(template: &str, view: &V) -> anyhow::Result<String> {
    engine::render(template, view).with_context(|| format!("cannot render the HTML report ({template})"))
}
