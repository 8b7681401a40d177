//! Every screen of the interview drawn at every size from 0×0 to 10×5, at
//! the edges of the smallest usable size and at a few odd shapes: nothing
//! panics, a terminal below the minimum says so as far as it can, and one at
//! or above it shows the interview.

use std::path::PathBuf;

use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::questionnaire::{Kind, Questionnaire, builtin};
use crm_ready::core::scoring::score;
use crm_ready::io::drafts::{Draft, Position, Saved};
use crm_ready::tui::app::{Action, App, Details, MIN_HEIGHT, MIN_WIDTH, Mode, update};
use crm_ready::tui::text_field::Edit;
use crm_ready::tui::view::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn full() -> Questionnaire {
    builtin::find("crm-readiness").unwrap().load().unwrap()
}

/// Draws the app at `width`×`height` and returns the screen as text, a
/// line per row. (`TestBackend`'s own `Display` panics at width 0.)
fn draw(app: &mut App<'_>, width: u16, height: u16) -> String {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render(f, app)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        for x in 0..width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

fn fresh(q: &Questionnaire) -> App<'_> {
    let details = Details { organization: Some("Fabrikam Garden Centres".into()), ..Details::default() };
    App::new(q, &details, Vec::new(), Some(PathBuf::from("/home/jo/.local/share/crm-ready/drafts")))
}

/// Past the start form, on the first question.
fn begun(q: &Questionnaire) -> App<'_> {
    let mut app = fresh(q);
    for _ in 0..5 {
        update(&mut app, Action::Confirm);
    }
    app
}

fn typed(app: &mut App<'_>, text: &str) {
    for c in text.chars() {
        update(app, Action::Edit(Edit::Insert(c)));
    }
}

/// On the first question of `kind` that is shown without earlier answers.
fn at_kind(q: &Questionnaire, kind: Kind) -> App<'_> {
    let mut app = begun(q);
    let i = (0..q.questions.len())
        .find(|&i| q.questions[i].kind == kind && app.session().is_visible(i))
        .unwrap_or_else(|| panic!("no {kind:?} question shown from the start"));
    while app.session().current() < i && app.mode() == Mode::Question {
        update(&mut app, Action::Next);
    }
    assert_eq!(app.session().current(), i);
    update(&mut app, Action::Home);
    app
}

/// Scores the answers, as the interview loop does when an update asks.
fn scored(app: &mut App<'_>) {
    let assessment = score(app.questionnaire(), app.session().answers(), jiff::Timestamp::UNIX_EPOCH);
    update(app, Action::Scored(Box::new(assessment)));
}

/// Every screen and window of the interview, named.
fn every_screen(q: &Questionnaire) -> Vec<(&'static str, App<'_>)> {
    let mut screens = Vec::new();

    let mut start = fresh(q);
    update(&mut start, Action::FocusNext);
    typed(&mut start, "Jo Bloggs, head of sales and marketing operations");
    screens.push(("start", start));

    let mut answers = Answers::for_questionnaire(q);
    answers.organization = Some("Fabrikam Garden Centres".into());
    answers.answers.insert("vision.objective".into(), Answer::Text("none".into()));
    let draft = Draft::new(q, answers, Position::default(), jiff::Timestamp::from_second(1_780_000_000).unwrap());
    let saved = Saved { path: PathBuf::from("/drafts/crm-readiness@fabrikam.json"), draft };
    screens.push(("resume offer", App::new(q, &Details::default(), vec![saved], None)));

    for (name, kind) in [
        ("single choice", Kind::Single),
        ("multiple choice", Kind::Multi),
        ("scale", Kind::Scale),
        ("yes/no", Kind::YesNo),
        ("number", Kind::Number),
        ("free text", Kind::Text),
    ] {
        screens.push((name, at_kind(q, kind)));
    }

    let mut help = begun(q);
    update(&mut help, Action::Help);
    screens.push(("help", help));

    let mut note = begun(q);
    update(&mut note, Action::Note);
    typed(&mut note, &"Check with the finance director whether licences are covered. ".repeat(4));
    screens.push(("note editor", note));

    let mut text = at_kind(q, Kind::Text);
    update(&mut text, Action::Choose);
    typed(&mut text, "Our sales team of twelve, two managers and the service desk");
    screens.push(("text answer editor", text));

    let mut number = at_kind(q, Kind::Number);
    update(&mut number, Action::Digit(9));
    screens.push(("number being typed", number));

    let mut warned = begun(q);
    update(&mut warned, Action::SaveFailed("No space left on device (os error 28)".into()));
    screens.push(("failed save message", warned));

    let mut review = begun(q);
    for _ in 0..3 {
        update(&mut review, Action::Digit(1));
    }
    update(&mut review, Action::Review);
    screens.push(("review", review));

    let mut submit = begun(q);
    update(&mut submit, Action::Review);
    update(&mut submit, Action::Submit);
    screens.push(("submit dialog", submit));

    let mut quit = begun(q);
    update(&mut quit, Action::Quit);
    screens.push(("quit dialog", quit));

    let mut results = begun(q);
    scored(&mut results);
    screens.push(("results", results));

    let mut scrolled = begun(q);
    scored(&mut scrolled);
    for _ in 0..200 {
        update(&mut scrolled, Action::PageDown);
    }
    screens.push(("results scrolled to the end", scrolled));

    screens
}

/// Around the smallest usable size, and odd shapes.
fn edge_sizes() -> Vec<(u16, u16)> {
    let (w, h) = (MIN_WIDTH, MIN_HEIGHT);
    let mut sizes =
        vec![(1, 40), (200, 3), (80, 24), (3, 200), (400, 1), (1, 1), (400, 120), (u16::MAX, 1), (1, u16::MAX)];
    for dw in [0, 1, 2] {
        for dh in [0, 1, 2] {
            sizes.extend([(w - 1 + dw, h - 1 + dh), (w + 19 + dw, h - 1 + dh), (w - 1 + dw, h + 9 + dh)]);
        }
    }
    sizes
}

fn is_blank(screen: &str) -> bool {
    screen.chars().all(char::is_whitespace)
}

/// Draws every screen at every one of `sizes` and checks what it shows: the
/// interview from the minimum up; below it, the too-small message whole
/// where a line can hold it, else at least something.
fn check_every_screen(sizes: impl IntoIterator<Item = (u16, u16)> + Clone) {
    let q = full();
    for (name, mut app) in every_screen(&q) {
        for (w, h) in sizes.clone() {
            let screen = draw(&mut app, w, h);
            if w >= MIN_WIDTH && h >= MIN_HEIGHT {
                let interview = screen.starts_with(" crm-ready · ") && !screen.contains("Terminal too small");
                assert!(interview, "{name} at {w}×{h}:\n{screen}");
            } else if w >= 18 && h > 0 {
                assert!(screen.contains("Terminal too small"), "{name} at {w}×{h}:\n{screen}");
            } else if w > 0 && h > 0 {
                assert!(!is_blank(&screen), "{name} at {w}×{h} shows nothing");
            }
        }
    }
}

#[test]
fn every_screen_survives_every_size_up_to_10x5() {
    check_every_screen((0..=10).flat_map(|w| (0..=5).map(move |h| (w, h))));
}

#[test]
fn every_screen_survives_the_edges_of_the_minimum_and_odd_shapes() {
    check_every_screen(edge_sizes());
}

/// Every width from just below the minimum to past the one where the
/// sidebar appears, where layouts switch and rounding bites, at heights
/// around the minimum.
#[test]
fn every_screen_survives_every_size_around_the_minimum() {
    let heights = [MIN_HEIGHT - 1, MIN_HEIGHT, MIN_HEIGHT + 1, MIN_HEIGHT + 3, MIN_HEIGHT + 9];
    check_every_screen((MIN_WIDTH - 1..=MIN_WIDTH + 21).flat_map(move |w| heights.map(|h| (w, h))));
}

/// Given the room, the help lists every key, the last ones included.
#[test]
fn a_tall_terminal_shows_the_whole_help() {
    let q = full();
    let mut app = begun(&q);
    update(&mut app, Action::Help);
    let screen = draw(&mut app, 100, 60);
    assert!(!screen.contains("scroll for more"), "{screen}");
    assert!(screen.contains("Ctrl-C          leave at once; answers are kept"), "{screen}");
    assert!(screen.contains("Ctrl-Z          suspend to the shell; fg brings the interview back"), "{screen}");
}

/// A terminal too small even for the whole message still says what matters
/// first: that it is too small, and then how to leave. (Below the minimum
/// every screen draws this same message.)
#[test]
fn a_tiny_terminal_puts_the_point_first() {
    let q = full();
    let mut app = begun(&q);
    let screen = draw(&mut app, 10, 5);
    insta::assert_snapshot!(screen);
    let screen = draw(&mut app, 40, 3);
    insta::assert_snapshot!(screen);
}

/// The column left of the sidebar's right border on the row that shows
/// `title` (the first one, the heading "Areas" included).
fn sidebar_width(screen: &str) -> usize {
    let row = screen.lines().find(|l| l.contains(" Areas")).unwrap();
    row.chars().position(|c| c == '│').unwrap() + 1
}

#[test]
fn the_areas_sidebar_widens_on_a_wide_terminal_to_the_longest_title() {
    let q = builtin::find("crm-quick").unwrap().load().unwrap();
    let mut app = begun(&q);
    let narrow = draw(&mut app, 80, 24);
    let wide = draw(&mut app, 200, 30);
    insta::assert_snapshot!(narrow);
    insta::assert_snapshot!(wide);
    // On 200 columns every area's title is whole; on 80 the sidebar keeps
    // to a third and the question the rest.
    for area in &q.areas {
        assert!(wide.contains(&format!(" {} ", area.title)), "{} is cut:\n{wide}", area.title);
    }
    assert!(sidebar_width(&narrow) <= 80 / 3 + 1, "{narrow}");
    let longest = q.areas.iter().map(|a| a.title.chars().count()).max().unwrap();
    assert!(sidebar_width(&wide) <= longest + 10, "no wider than the titles need:\n{wide}");
    // The wider sidebar never pushes the reason for the question from beside
    // it, from 110 columns on (as the README says).
    let beside = |screen: &str| screen.lines().any(|l| l.contains("Question 1 of") && l.contains("│ Why we ask"));
    for columns in [110, 120, 140] {
        let screen = draw(&mut app, columns, 30);
        assert!(beside(&screen), "{columns}:\n{screen}");
    }
    let screen = draw(&mut app, 109, 30);
    assert!(!beside(&screen), "{screen}");
}
