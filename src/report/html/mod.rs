//! The HTML reports: one self-contained file each (inline CSS and SVG, no
//! script but the embedded JSON data, nothing loaded from anywhere) that
//! reads well on screen and prints cleanly to A4 or Letter.
//!
//! How a page is made, in three parts:
//! - a **view model** (`assessment.rs`, `trend.rs`, `comparison.rs`,
//!   `round.rs` with `round_appendix.rs`): a `Serialize` struct holding
//!   everything the page shows, worked out in Rust (the executive summary,
//!   the plan by phase, the charts' geometry);
//! - a **template** in `templates/` (`NAME.html`, extending `base.html`),
//!   registered in `engine::TEMPLATES` and rendered by minijinja with HTML
//!   auto-escaping: text from files reaches the page only through the
//!   engine, which cleans and escapes it;
//! - **charts**: geometry in Rust (`charts.rs` for bars and lines,
//!   `spread_chart.rs` for a round's areas by stakeholder group, with the
//!   groups' shapes in `markers.rs`), drawn by the macros of
//!   `templates/charts.html`.
//!
//! The same input gives the same bytes: nothing depends on the time of
//! rendering, the machine or a hash map's order.

mod assessment;
mod charts;
mod comparison;
mod engine;
mod markers;
mod page;
mod round;
mod round_appendix;
mod shared_rows;
mod spread_chart;
mod trend;

use anyhow::Context as _;

use crate::core::assessment::Assessment;
use crate::core::brand::Brand;
use crate::core::history::compare::Comparison;
use crate::core::history::trend::Trend;
use crate::core::round::Round;

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

/// A round of several respondents: where each stakeholder group stands,
/// where they disagree, and the merged plan.
pub fn round_html(r: &Round, brand: &Brand) -> anyhow::Result<String> {
    let as_one = r.as_assessment();
    render("round.html", &round::RoundPage::new(r, &as_one, brand))
}

fn render<V: serde::Serialize>(template: &str, view: &V) -> anyhow::Result<String> {
    engine::render(template, view).with_context(|| format!("cannot render the HTML report ({template})"))
}
