//! The result after submitting: verdict and score, a bar per area coloured
//! by risk, the red flags and the first actions. The full report is printed
//! once the app has closed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::question::spread;
use super::theme::Theme;
use super::wrap::{fit, width, wrap};
use crate::core::assessment::Assessment;
use crate::core::scoring::fmt1;
use crate::core::text::one_line;
use crate::report::reason_lines;

/// How many reasons for the verdict the screen lists.
const REASONS: usize = 2;
/// How many actions the screen lists; the report has them all.
const TOP_ACTIONS: usize = 5;

pub fn render(frame: &mut Frame, area: Rect, a: &Assessment, scroll: u16, theme: &Theme) {
    let area = Rect { x: area.x + 1, width: area.width.saturating_sub(2).min(110), ..area };
    let lines = lines(a, area.width as usize, theme);
    let max_scroll = lines.len().saturating_sub(area.height as usize) as u16;
    frame.render_widget(Paragraph::new(lines).scroll((scroll.min(max_scroll), 0)), area);
}

fn lines(a: &Assessment, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = verdict(a, w, theme);
    lines.push(Line::raw(""));
    lines.extend(areas(a, w, theme));
    lines.push(Line::raw(""));
    lines.extend(red_flags(a, w, theme));
    if !a.unknowns.is_empty() {
        lines.push(Line::raw(""));
        let n = a.unknowns.len();
        let text = format!(
            "{n} question{} still open (don't know or unanswered): the report lists them as things to find out.",
            if n == 1 { " is" } else { "s are" }
        );
        lines.extend(wrap(&text, w).into_iter().map(|l| Line::styled(l, theme.warning())));
    }
    lines.push(Line::raw(""));
    lines.extend(top_actions(a, w, theme));
    lines.push(Line::raw(""));
    lines.extend(
        wrap("Press Enter to finish: the full report, with every action by phase, is printed when the app closes.", w)
            .into_iter()
            .map(|l| Line::styled(l, theme.dim())),
    );
    lines
}

/// The verdict and score, and the first reasons for the verdict.
fn verdict(a: &Assessment, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::styled("Result: ", theme.strong()),
        Span::styled(a.verdict_title().to_string(), theme.verdict(a.verdict)),
        Span::raw(" ".repeat(w.saturating_sub(8 + width(a.verdict_title()) + 22))),
        Span::styled(format!("{:>22}", format!("readiness {} / 100", fmt1(a.score))), theme.strong()),
    ])];
    // The reasons every report's summary gives, worked out in one place.
    let reasons = reason_lines(a.verdict, &a.reasons);
    for reason in reasons.iter().take(REASONS) {
        for (k, l) in wrap(&one_line(reason), w.saturating_sub(2)).into_iter().enumerate() {
            lines.push(Line::raw(format!("{}{l}", if k == 0 { "• " } else { "  " })));
        }
    }
    if reasons.len() > REASONS {
        let more = reasons.len() - REASONS;
        lines.push(Line::styled(
            format!("  and {more} more reason{} in the report", if more == 1 { "" } else { "s" }),
            theme.dim(),
        ));
    }
    lines
}

/// A bar per area, coloured by risk.
fn areas(a: &Assessment, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![spread("Areas", "score  risk  ", w, theme)];
    let name_width = (w / 3).clamp(12, 32);
    let bar_width = w.saturating_sub(name_width + 16).max(5);
    let (full, empty) = if theme.color { ("█", "░") } else { ("█", "·") };
    for area in &a.areas {
        // A long title wraps in its column, the bar beside its first line.
        let mut names = wrap(&one_line(&area.title), name_width).into_iter();
        let name = fit(&names.next().unwrap_or_default(), name_width);
        let filled = area.score.map_or(0, |s| ((s / 100.0) * bar_width as f64).round() as usize).min(bar_width);
        let score = area.score.map_or_else(|| "–".to_string(), fmt1);
        let risk = area.risk.map_or("n/a", |r| r.name());
        lines.push(Line::from(vec![
            Span::raw(format!("{name}  ")),
            Span::styled(full.repeat(filled), theme.risk(area.risk)),
            Span::styled(empty.repeat(bar_width - filled), theme.dim()),
            Span::raw(format!(" {score:>5}  ")),
            Span::styled(format!("{risk:<6}"), theme.risk(area.risk)),
        ]));
        lines.extend(names.map(Line::raw));
    }
    lines
}

fn red_flags(a: &Assessment, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    if a.red_flags.is_empty() {
        return vec![Line::styled("No red flags.", theme.good())];
    }
    let mut lines = vec![Line::styled(format!("Red flags ({})", a.red_flags.len()), theme.heading())];
    let indent = " ".repeat(11);
    for flag in &a.red_flags {
        let severity = format!("{:<9}", flag.severity.name());
        for (k, text) in wrap(&one_line(&flag.question_text), w.saturating_sub(11)).into_iter().enumerate() {
            lines.push(match k {
                0 => Line::from(vec![
                    Span::styled(format!("● {severity}"), theme.severity(flag.severity)),
                    Span::raw(text),
                ]),
                _ => Line::raw(format!("{indent}{text}")),
            });
        }
        let answer = wrap(&format!("Answer: {}", one_line(&flag.answer)), w.saturating_sub(11));
        lines.extend(answer.into_iter().map(|l| Line::styled(format!("{indent}{l}"), theme.dim())));
    }
    lines
}

/// The first actions of the plan.
fn top_actions(a: &Assessment, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    if a.actions.is_empty() {
        return vec![Line::styled("No actions needed.", theme.good())];
    }
    let shown = a.actions.len().min(TOP_ACTIONS);
    let mut lines = vec![Line::styled(format!("Top actions ({shown} of {})", a.actions.len()), theme.heading())];
    for (k, action) in a.actions.iter().take(TOP_ACTIONS).enumerate() {
        let lead = format!("{}. ", k + 1);
        let text = format!("[{}] {}", a.phase_title(&action.phase), one_line(&action.recommendation));
        for (j, l) in wrap(&text, w.saturating_sub(lead.len())).into_iter().enumerate() {
            let first = if j == 0 { lead.clone() } else { " ".repeat(lead.len()) };
            lines.push(Line::raw(format!("{first}{l}")));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::core::answers::Answers;
    use crate::core::questionnaire::parse;
    use crate::core::scoring::score;

    /// A questionnaire whose area titles are wide, combined or emoji.
    fn titled(titles: &[&str]) -> String {
        let mut toml = "[questionnaire]\nid = \"w\"\nversion = \"1\"\ntitle = \"W\"\n".to_string();
        for (i, title) in titles.iter().enumerate() {
            toml.push_str(&format!(
                "[[area]]\nid = \"a{i}\"\ntitle = \"{title}\"\nwhy = \"Why\"\n[[area.question]]\nid = \"a{i}.q\"\nkind = \"yes_no\"\ntext = \"Q?\"\n[[area.question.choice]]\nid = \"yes\"\nscore = 100\n[[area.question.choice]]\nid = \"no\"\nscore = 0\n"
            ));
        }
        toml
    }

    #[test]
    fn the_area_table_lines_up_whatever_the_titles_hold() {
        let titles = [
            "Vision",
            "日本語の目標と計画",
            "Cafe\u{301} e\u{301}quipe",
            "🇺🇦 Ukraine 👩\u{200d}💻",
            "Ownership and the champion",
        ];
        let q = parse(&titled(&titles), "w.toml").unwrap();
        let a = score(&q, &Answers::for_questionnaire(&q), jiff::Timestamp::UNIX_EPOCH);
        let mut terminal = Terminal::new(TestBackend::new(80, 30)).unwrap();
        terminal.draw(|f| render(f, f.area(), &a, 0, &Theme { color: false })).unwrap();
        let buffer = terminal.backend().buffer();
        // Where each area's bar starts: the first bar cell on its row.
        let bar_starts: Vec<u16> =
            (0..30).filter_map(|y| (0..80).find(|&x| matches!(buffer[(x, y)].symbol(), "█" | "·"))).collect();
        assert_eq!(bar_starts.len(), titles.len(), "{}", terminal.backend());
        assert!(bar_starts.iter().all(|&x| x == bar_starts[0]), "{bar_starts:?}\n{}", terminal.backend());
    }
}
