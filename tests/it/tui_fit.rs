//! Every screen of the interview at the documented minimum (50×15) and at
//! 60×20 and 80×24: the focused element is on screen, and what a line
//! cannot hold wraps onto the next (a path after a `/`) instead of being
//! cut. Drawn into ratatui's `TestBackend`, as a respondent sees them.

use std::path::PathBuf;

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::questionnaire::{Questionnaire, builtin};
use crm_ready::core::scoring::score;
use crm_ready::core::text::one_line;
use crm_ready::io::drafts::{Draft, Position, Saved};
use crm_ready::tui::app::{Action, App, Details, Screen, StartForm, update};
use crm_ready::tui::view::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(50, 15), (60, 20), (80, 24)];
const DRAFTS: &str = "/home/jo-bloggs/.local/share/crm-ready/drafts";
const FILED: &str = "round Board pre-signing · held 2026-10-02";

fn full() -> Questionnaire {
    builtin::find("crm-readiness").unwrap().load().unwrap()
}

/// The screen at `width`×`height`, a string per row.
fn draw(app: &mut App<'_>, width: u16, height: u16) -> Vec<String> {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(f, app)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height).map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect()).collect()
}

/// What a row shows inside a window (between its last two borders), or
/// beside the areas sidebar (right of its border), trimmed.
fn inside(row: &str) -> &str {
    let pieces: Vec<&str> = row.split('│').collect();
    let shown = match pieces.len() {
        1 => row,
        2 => pieces[1],
        n => pieces[n - 2],
    };
    shown.trim().trim_matches(|c| "┌┐└┘─".contains(c)).trim()
}

/// Whether `text` is on `screen` whole: its words one after another,
/// wrapped onto as many rows as it takes.
fn whole(screen: &[String], text: &str) -> bool {
    let words: Vec<&str> = screen.iter().flat_map(|row| inside(row).split_whitespace()).collect();
    let wanted: Vec<&str> = text.split_whitespace().collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// Whether `path` is on `screen` whole, each row but its last ending in `/`.
fn whole_path(screen: &[String], path: &str) -> bool {
    let rows: Vec<&str> = screen.iter().map(|row| inside(row)).collect();
    (0..rows.len()).any(|start| {
        let mut so_far = String::new();
        for row in &rows[start..] {
            if row.is_empty() || !path[so_far.len()..].starts_with(row) {
                return false;
            }
            so_far.push_str(row);
            if so_far == path {
                return true;
            }
            if !row.ends_with('/') {
                return false;
            }
        }
        false
    })
}

/// The row marked as focused (`›`), if one is on screen (beside the
/// sidebar, whose `›` marks the current area).
fn focused(screen: &[String]) -> Option<&str> {
    screen.iter().skip(1).map(|row| inside(row)).find(|row| row.starts_with('›'))
}

/// No row, the sidebar's aside, ends a word with `…`.
fn nothing_cut(screen: &[String]) -> bool {
    screen.iter().all(|row| {
        let body = inside(row);
        body.match_indices('…').all(|(at, _)| body[..at].ends_with(' '))
    })
}

fn check(what: &str, screen: &[String], ok: bool) {
    assert!(ok, "{what}:\n{}", screen.join("\n"));
}

fn details() -> Details {
    Details {
        organization: Some("Acme Ltd".into()),
        respondent: Some("Jo Bloggs".into()),
        label: Some("Board pre-signing".into()),
        assessed_at: Some("2026-10-02T00:00:00Z".parse().unwrap()),
        ..Details::default()
    }
}

fn fresh(q: &Questionnaire) -> App<'_> {
    App::new(q, &details(), Vec::new(), Some(PathBuf::from(DRAFTS))).with_color(false)
}

fn begun(q: &Questionnaire) -> App<'_> {
    let mut app = fresh(q);
    for _ in 0..=StartForm::BEGIN {
        update(&mut app, Action::Confirm);
    }
    app
}

#[test]
fn the_start_form_follows_the_focus_and_wraps_at_every_size() {
    let q = full();
    for (w, h) in SIZES {
        let mut app = fresh(&q);
        for (k, label) in
            ["Organisation", "Your name", "Your role", "Your group", "Begin the interview →"].into_iter().enumerate()
        {
            let screen = draw(&mut app, w, h);
            let what = format!("{w}×{h}, focus on {label}");
            check(&what, &screen, focused(&screen).is_some_and(|row| row.contains(label)));
            check(&what, &screen, nothing_cut(&screen));
            if k == 0 {
                check(&what, &screen, whole(&screen, "Who is this assessment for?"));
                check(&what, &screen, whole(&screen, "All optional: leave a line blank and press Enter to skip it."));
            }
            if k == StartForm::GROUP {
                check(&what, &screen, whole(&screen, "← → management, IT, users, owners"));
            }
            if k == StartForm::BEGIN {
                check(&what, &screen, whole(&screen, &format!("Filed under {FILED}")));
            }
            update(&mut app, Action::FocusNext);
        }
    }
}

#[test]
fn the_resume_list_keeps_the_highlighted_interview_in_view_with_its_round() {
    let q = full();
    let saved: Vec<Saved> = ["Ann Lee", "Bob Ray", "Cy Dunn"]
        .into_iter()
        .map(|who| {
            let mut answers = Answers::for_questionnaire(&q);
            answers.organization = Some("Acme Ltd".into());
            answers.respondent = Some(who.into());
            answers.label = Some("Board pre-signing".into());
            answers.assessed_at = Some("2026-10-02T00:00:00Z".parse().unwrap());
            answers.answers.insert("vision.objective".into(), Answer::DontKnow);
            let at = jiff::Timestamp::from_second(1_780_000_000).unwrap();
            let path = PathBuf::from(DRAFTS).join(format!("{who}.json"));
            Saved { path, draft: Draft::new(&q, answers, Position::default(), at) }
        })
        .collect();
    for (w, h) in SIZES {
        let mut app = App::new(&q, &Details::default(), saved.clone(), None).with_color(false);
        for (who, down) in [("Ann Lee", 0), ("Cy Dunn", 2), ("Start a new interview", 1)] {
            for _ in 0..down {
                update(&mut app, Action::Down);
            }
            let screen = draw(&mut app, w, h);
            let what = format!("{w}×{h}, on {who}");
            check(&what, &screen, focused(&screen).is_some_and(|row| row.contains(who)));
            check(&what, &screen, whole(&screen, "Continue?") && nothing_cut(&screen));
            if who != "Start a new interview" {
                check(&what, &screen, whole(&screen, &format!("{who} 1 of")) && whole(&screen, FILED));
            }
        }
    }
}

#[test]
fn questions_help_review_and_results_keep_the_focus_whole_at_every_size() {
    let q = full();
    for (w, h) in SIZES {
        let mut app = begun(&q);
        let text = one_line(&app.session().current_question().text).into_owned();
        let screen = draw(&mut app, w, h);
        let what = format!("question at {w}×{h}");
        check(&format!("{what}: {text}"), &screen, whole(&screen, &text));
        check(&format!("{what}: focus"), &screen, focused(&screen).is_some());
        check(&format!("{what}: cut"), &screen, nothing_cut(&screen));

        update(&mut app, Action::Help);
        let screen = draw(&mut app, w, h);
        check(&format!("help at {w}×{h}"), &screen, whole(&screen, "Why we ask") && nothing_cut(&screen));
        for _ in 0..20 {
            update(&mut app, Action::PageDown);
        }
        let screen = draw(&mut app, w, h);
        let last = "suspend to the shell; fg brings the interview back";
        check(&format!("help at the end at {w}×{h}"), &screen, whole(&screen, last) && nothing_cut(&screen));
        update(&mut app, Action::Cancel);

        while !app.session().current_question().dont_know {
            update(&mut app, Action::Next);
        }
        update(&mut app, Action::DontKnow);
        update(&mut app, Action::Review);
        let Screen::Review { .. } = app.screen() else { panic!("not on the review") };
        for _ in 0..3 {
            update(&mut app, Action::Down);
        }
        let screen = draw(&mut app, w, h);
        let what = format!("review at {w}×{h}");
        check(&what, &screen, whole(&screen, "Review your answers") && whole(&screen, "don't know"));
        check(&what, &screen, focused(&screen).is_some() && nothing_cut(&screen));

        let assessment = score(app.questionnaire(), app.session().answers(), jiff::Timestamp::UNIX_EPOCH);
        let first_flag = one_line(&assessment.red_flags[0].question_text).into_owned();
        update(&mut app, Action::Scored(Box::new(assessment)));
        let screen = draw(&mut app, w, h);
        let what = format!("results at {w}×{h}");
        check(&what, &screen, screen[2].contains("Result: Not ready") && nothing_cut(&screen));
        let mut seen = false;
        for _ in 0..40 {
            let screen = draw(&mut app, w, h);
            check(&what, &screen, nothing_cut(&screen));
            seen |= whole(&screen, &first_flag);
            update(&mut app, Action::Down);
        }
        assert!(seen, "{what}: the first red flag is never whole: {first_flag}");
    }
}

#[test]
fn the_quit_dialog_breaks_the_draft_path_after_a_slash_and_keeps_the_answer_keys() {
    let q = full();
    for (w, h) in SIZES {
        let mut app = begun(&q);
        update(&mut app, Action::Quit);
        let screen = draw(&mut app, w, h);
        let what = format!("quit dialog at {w}×{h}");
        let path = format!("{DRAFTS}/crm-readiness@acme-ltd@jo-bloggs.json");
        check(&what, &screen, whole_path(&screen, &path));
        check(&what, &screen, whole(&screen, &app.resume_hint()) && whole(&screen, "To carry on later, run:"));
        check(&what, &screen, screen.iter().any(|row| row.contains(" y  yes, leave      n  no, stay")));
    }
}

#[test]
fn the_review_counts_don_t_know_apart_from_the_other_answers() {
    let q = builtin::find("crm-quick").unwrap().load().unwrap();
    let mut app = App::new(&q, &Details::default(), Vec::new(), None).with_color(false);
    for _ in 0..=StartForm::BEGIN {
        update(&mut app, Action::Confirm);
    }
    update(&mut app, Action::DontKnow);
    // Key 1 on each question; a multiple choice then moves on with →.
    for _ in 0..100 {
        let Screen::Question = app.screen() else { break };
        let before = app.session().current();
        update(&mut app, Action::Digit(1));
        if app.session().current() == before && matches!(app.screen(), Screen::Question) {
            update(&mut app, Action::Next);
        }
    }
    let p = app.session().total_progress();
    assert_eq!(p.answered, p.shown, "every question answered");
    let screen = draw(&mut app, 80, 24);
    let status = format!("{} answered, 1 don't know", p.shown);
    check("the review", &screen, screen[2].trim_end().ends_with(&status) && !whole(&screen, "all"));
}
