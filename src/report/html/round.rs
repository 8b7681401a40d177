//! The view of a round's HTML report: everything the template `round.html`
//! shows, worked out from the round (and the round read as one assessment,
//! for the summary every report shares).

use serde::Serialize;

use super::markers::{GroupKey, group_key};
use super::page::{Frame, bands};
use super::round_appendix::{AppendixArea, appendix};
use super::shared_rows::{SmallPrint, UnknownRow};
use super::spread_chart::{SpreadChart, spread_chart};
use crate::core::answers::Group;
use crate::core::assessment::{Assessment, PriorityLevel, Risk, Verdict};
use crate::core::brand::Brand;
use crate::core::json::to_script_json;
use crate::core::questionnaire::{Severity, VerdictTitles};
use crate::core::round::{FlagKind, Respondent, Round, RoundAction, RoundFlag, SaidBy};
use crate::core::scoring::fmt1;
use crate::report::round::{
    agreement_text, dates, other_line, phase_plans, raised_by, range_text, respondents_line, score_text, who_said_what,
};
use crate::report::summary::{AreaAtRisk, ExecutiveSummary, FIRST_ACTIONS};

/// Everything `round.html` shows.
#[derive(Debug, Clone, Serialize)]
pub struct RoundPage<'a> {
    pub frame: Frame,
    pub heading: Heading<'a>,
    pub summary: Summary<'a>,
    pub respondents: Vec<RespondentRow<'a>>,
    pub chart: SpreadChart,
    /// The groups of the round, as the area table's columns.
    pub groups: Vec<GroupKey>,
    pub areas: Vec<AreaRow<'a>>,
    pub red_flags: Vec<FlagRow<'a>>,
    /// How many of the red flags are disagreements between groups.
    pub disagreements: usize,
    pub unknowns: Vec<UnknownRow<'a>>,
    pub plan: Vec<PhaseActions<'a>>,
    pub appendix: Vec<AppendixArea<'a>>,
    pub small_print: SmallPrint<'a>,
}

/// Whose round, of what, when.
#[derive(Debug, Clone, Serialize)]
pub struct Heading<'a> {
    pub questionnaire: &'a str,
    pub organization: &'a str,
    pub label: &'a str,
    /// `2026-11-03 to 2026-11-12`, or one date.
    pub dates: String,
    /// `4 respondents (Management 1, IT 1, Users 1, Owners 1)`.
    pub respondents: String,
}

/// The executive summary of a round.
#[derive(Debug, Clone, Serialize)]
pub struct Summary<'a> {
    pub verdict: Verdict,
    pub verdict_title: &'a str,
    pub score: String,
    /// `respondents 34.4 to 53.1`; `None` for a round of one.
    pub range: Option<String>,
    /// What keeps the verdict below what the score alone gives.
    pub capped: Option<String>,
    pub reasons: Vec<String>,
    pub areas_at_risk: Vec<AreaAtRisk<'a>>,
    pub disagreements: Vec<Disagreement<'a>>,
    pub first_phase: Option<&'a str>,
    pub first_actions: Vec<ActionRow<'a>>,
    pub more_actions: usize,
}

/// A question the stakeholder groups answer far apart.
#[derive(Debug, Clone, Serialize)]
pub struct Disagreement<'a> {
    pub question: &'a str,
    pub area: &'a str,
    /// Who said what: `Catherine Hale (management): …; Owen Price (users): …`.
    pub said: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RespondentRow<'a> {
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub group: Option<GroupKey>,
    pub verdict: Verdict,
    pub verdict_title: &'a str,
    pub score: String,
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AreaRow<'a> {
    pub title: &'a str,
    pub score: String,
    pub range: String,
    /// One per group of the round, in [`RoundPage::groups`]' order.
    pub by_group: Vec<String>,
    pub risk: Option<Risk>,
    pub agreement: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FlagRow<'a> {
    pub severity: Severity,
    /// Raised by the groups' disagreement rather than by an answer.
    pub disagreement: bool,
    pub area: &'a str,
    pub question: &'a str,
    pub said: String,
}

/// One action of the merged plan, ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct ActionRow<'a> {
    pub recommendation: &'a str,
    pub area: &'a str,
    /// The text of the question it answers.
    pub question: &'a str,
    pub priority: PriorityLevel,
    /// `Owen Price (users), Ravi Menon (IT)`.
    pub raised_by: String,
    /// What other answers recommend for the same question, with their
    /// priority, phase and who raised each.
    pub others: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhaseActions<'a> {
    pub title: &'a str,
    /// `27 actions: the 10 of highest priority first, then 17 more`, for a
    /// long phase.
    pub many: Option<String>,
    /// Highest priority first: all of them, or a long phase's first ten.
    pub actions: Vec<ActionRow<'a>>,
    /// A long phase's other actions.
    pub rest: Vec<ActionRow<'a>>,
}

impl<'a> RoundPage<'a> {
    /// The page of `r`, which read as one assessment is `a`.
    pub fn new(r: &'a Round, a: &'a Assessment, brand: &Brand) -> Self {
        let q = &r.questionnaire;
        let spread = r.area_spread();
        let groups: Vec<Option<Group>> = r.groups();
        let plan = plan(r);
        let summary = Summary::of(r, a, &plan);
        RoundPage {
            frame: Frame::new(
                format!("{} — {} — round {}", q.title, r.organization, r.label),
                brand,
                to_script_json(r),
            ),
            heading: Heading {
                questionnaire: &q.title,
                organization: &r.organization,
                label: &r.label,
                dates: dates(r),
                respondents: respondents_line(r),
            },
            summary,
            respondents: r.respondents.iter().map(|p| RespondentRow::of(p, &r.verdicts)).collect(),
            chart: spread_chart(r, &spread, bands(&q.id, &q.version, Some(&q.content_hash)).as_ref()),
            areas: r
                .areas
                .iter()
                .zip(&spread)
                .map(|(x, by_group)| AreaRow {
                    title: &x.title,
                    score: score_text(x.score),
                    range: range_text(x.lowest_score, x.highest_score),
                    by_group: by_group.groups.iter().map(|g| score_text(g.score)).collect(),
                    risk: x.risk,
                    agreement: agreement_text(x.agreement),
                })
                .collect(),
            groups: groups.into_iter().map(group_key).collect(),
            red_flags: r
                .red_flags
                .iter()
                .map(|f| FlagRow {
                    severity: f.severity,
                    disagreement: f.kind == FlagKind::Disagreement,
                    area: area_title(r, &f.area),
                    question: &f.question_text,
                    said: flag_said(r, f),
                })
                .collect(),
            disagreements: r.red_flags.iter().filter(|f| f.kind == FlagKind::Disagreement).count(),
            unknowns: r
                .unknowns
                .iter()
                .map(|u| {
                    UnknownRow::of(u, area_title(r, &u.area), |id| {
                        r.questions.iter().find(|x| x.id == id).map(|x| x.text.as_str())
                    })
                })
                .collect(),
            plan,
            appendix: appendix(r),
            small_print: SmallPrint::of(q, r.assessed_at, &r.tool_version),
        }
    }
}

impl<'a> Summary<'a> {
    /// The summary of `r`, read as one assessment `a`, whose plan is `plan`:
    /// what every report's summary says, with the respondents' range, the
    /// disagreements and who raised each first action.
    fn of(r: &'a Round, a: &'a Assessment, plan: &[PhaseActions<'a>]) -> Self {
        let shared = ExecutiveSummary::of(a);
        let first = plan.first();
        Summary {
            verdict: r.verdict,
            verdict_title: r.verdict.worded(&r.verdicts),
            score: shared.score,
            range: (r.respondents.len() > 1)
                .then(|| format!("respondents {} to {}", fmt1(r.lowest_score), fmt1(r.highest_score))),
            capped: shared.capped,
            reasons: shared.reasons,
            areas_at_risk: shared.areas_at_risk,
            disagreements: r
                .red_flags
                .iter()
                .filter(|f| f.kind == FlagKind::Disagreement)
                .map(|f| Disagreement {
                    question: &f.question_text,
                    area: area_title(r, &f.area),
                    said: f.answer.clone(),
                })
                .collect(),
            first_phase: first.map(|p| p.title),
            first_actions: first.map(|p| p.actions.iter().take(FIRST_ACTIONS).cloned().collect()).unwrap_or_default(),
            more_actions: first.map_or(0, |p| (p.actions.len() + p.rest.len()).saturating_sub(FIRST_ACTIONS)),
        }
    }
}

impl<'a> RespondentRow<'a> {
    /// `p`'s row, their verdict worded by `verdicts` (the round's).
    fn of(p: &'a Respondent, verdicts: &'a VerdictTitles) -> Self {
        RespondentRow {
            name: &p.name,
            role: p.role.as_deref(),
            group: p.group.map(|g| group_key(Some(g))),
            verdict: p.verdict,
            verdict_title: p.verdict.worded(verdicts),
            score: fmt1(p.score),
            date: p.assessed_at.strftime("%Y-%m-%d").to_string(),
        }
    }
}

/// An area's title; its id when the round does not list it.
fn area_title<'a>(r: &'a Round, id: &'a str) -> &'a str {
    r.areas.iter().find(|x| x.id == id).map_or(id, |x| x.title.as_str())
}

/// Whether `said` holds every respondent of a round of several.
fn everyone(r: &Round, said: &[SaidBy]) -> bool {
    r.respondents.len() > 1 && r.respondents.iter().all(|p| said.iter().any(|s| s.respondent == p.name))
}

/// Who said what behind a red flag: each side of a disagreement, as every
/// format names them.
fn flag_said(r: &Round, f: &RoundFlag) -> String {
    match f.kind {
        FlagKind::Disagreement => f.answer.clone(),
        FlagKind::Answer => said(r, &f.raised_by),
    }
}

/// Who said what; `All 4 respondents: …` when everyone gave one answer.
fn said(r: &Round, said: &[SaidBy]) -> String {
    match said.first() {
        Some(first) if everyone(r, said) && said.iter().all(|s| s.answer == first.answer) => {
            format!("All {} respondents: {}", r.respondents.len(), first.answer)
        }
        _ => who_said_what(said),
    }
}

/// The merged plan by phase, in the round's phase order.
fn plan(r: &Round) -> Vec<PhaseActions<'_>> {
    phase_plans(r)
        .into_iter()
        .map(|p| PhaseActions {
            title: p.title,
            many: p.many(),
            actions: p.leading.iter().map(|a| action_row(r, a)).collect(),
            rest: p.rest.iter().map(|a| action_row(r, a)).collect(),
        })
        .collect()
}

/// An action of `r`'s plan, ready to show.
fn action_row<'a>(r: &'a Round, a: &'a RoundAction) -> ActionRow<'a> {
    ActionRow {
        recommendation: &a.recommendation,
        area: area_title(r, &a.area),
        question: r.questions.iter().find(|x| x.id == a.question).map_or(&a.question, |x| &x.text),
        priority: a.priority_level,
        raised_by: if everyone(r, &a.raised_by) {
            format!("all {} respondents", r.respondents.len())
        } else {
            raised_by(&a.raised_by)
        },
        others: a.other_recommendations.iter().map(|o| other_line(r, o)).collect(),
    }
}
