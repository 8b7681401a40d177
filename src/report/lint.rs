//! The lint report as text: one line per finding with its fix, then the
//! areas' score ranges and what the scoring can reach. Everything the
//! questionnaire wrote is sanitised: it may come from anyone.

use comfy_table::Cell;

use super::TableStyle;
use super::fit::Fit;
use crate::core::assessment::Risk;
use crate::core::lint::{LintReport, RiskReach};
use crate::core::scoring::fmt1;
use crate::core::text::one_line;

/// The report on questionnaire `shown` (as named on the command line).
pub fn render_lint(shown: &str, report: &LintReport, style: TableStyle) -> String {
    let q = &report.questionnaire;
    let count = match report.findings.len() {
        0 => "no findings".to_string(),
        1 => "1 finding".to_string(),
        n => format!("{n} findings"),
    };
    let mut out = format!("{} ({} {}): {count}\n", one_line(shown), one_line(&q.id), one_line(&q.version));
    for f in &report.findings {
        out.push_str(&format!(
            "{} {} {}: {}\n  help: {}\n",
            f.level.name(),
            f.rule.id(),
            one_line(&f.place.describe()),
            one_line(&f.message),
            one_line(&f.help)
        ));
    }
    out.push_str(&format!("\nArea scores by real answers\n{}\n", areas_table(report, style)));
    if report.areas.iter().any(|a| !a.exact) {
        out.push_str("* conditions leave a gap: the true extreme may lie further out\n");
    }
    let verdicts: Vec<String> =
        report.reachable.verdicts.iter().map(|v| format!("{} {}", v.verdict.name(), yes_no(v.reachable))).collect();
    out.push_str(&format!("Verdicts reachable: {}\n", verdicts.join(", ")));
    out
}

fn areas_table(report: &LintReport, style: TableStyle) -> comfy_table::Table {
    let mut t = style.table();
    t.set_header(vec![
        style.head("Area"),
        style.head("Lowest"),
        style.head("Highest"),
        style.head("Risk levels reachable"),
    ]);
    for area in &report.areas {
        let mark = if area.exact { "" } else { "*" };
        let score = |s: Option<f64>| s.map_or_else(|| "n/a".to_string(), |s| format!("{}{mark}", fmt1(s)));
        let risks: Vec<&RiskReach> = report.reachable.area_risks.iter().filter(|r| r.area == area.id).collect();
        t.add_row(vec![
            Cell::new(one_line(&area.title)),
            Cell::new(score(area.lowest)),
            Cell::new(score(area.highest)),
            Cell::new(risk_levels(&risks)),
        ]);
    }
    style.fit(&mut t, &[Fit::Words, Fit::Whole, Fit::Whole, Fit::Words], &[]);
    t
}

/// "low yes, medium yes, high no".
fn risk_levels(risks: &[&RiskReach]) -> String {
    [Risk::Low, Risk::Medium, Risk::High]
        .iter()
        .map(|risk| {
            let reachable = risks.iter().find(|r| r.risk == *risk).and_then(|r| r.reachable);
            format!("{} {}", risk.name(), yes_no(reachable))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn yes_no(reachable: Option<bool>) -> &'static str {
    match reachable {
        Some(true) => "yes",
        Some(false) => "no",
        None => "undecided",
    }
}
