//! How fast the interview starts and answers a key.
//!
//! - `launch`: loading the built-in questionnaire, building the app and
//!   drawing the first frame into an 80×24 `TestBackend`; and the real
//!   binary in a pseudo-terminal, from spawn to the first question on screen.
//! - `key`: one key (moving, or answering a question that shows or hides a
//!   follow-up) plus the redraw, for the built-in questionnaire and for a
//!   generated one with 10,000 questions: the cost must not grow with size.

use std::hint::black_box;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use expectrl::process::NonBlocking;

use criterion::{Criterion, criterion_group, criterion_main};
use crm_ready::core::answers::{Answer, Answers};
use crm_ready::core::questionnaire::{Questionnaire, builtin, parse};
use crm_ready::io::drafts::{self, Draft, Position};
use crm_ready::tui::app::{Action, App, Details, Mode, update};
use crm_ready::tui::view::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn builtin_questionnaire() -> Questionnaire {
    builtin::find("crm-readiness").unwrap().load().unwrap()
}

/// A questionnaire of `areas` × `per_area` single-choice questions; every
/// fifth question is a follow-up shown only when the one before is "c1".
fn generated(areas: usize, per_area: usize) -> Questionnaire {
    let mut toml = String::from("[questionnaire]\nid = \"big\"\nversion = \"1\"\ntitle = \"Big\"\n");
    for a in 0..areas {
        toml.push_str(&format!("[[area]]\nid = \"a{a}\"\ntitle = \"Area {a}\"\nwhy = \"Because.\"\n"));
        for k in 0..per_area {
            let id = format!("a{a}.q{k}");
            toml.push_str(&format!(
                "[[area.question]]\nid = \"{id}\"\nkind = \"single\"\ntext = \"Question {k} of area {a}?\"\nhelp = \"Help.\"\n"
            ));
            if k % 5 == 4 {
                toml.push_str(&format!("when = {{ question = \"a{a}.q{}\", is = \"c1\" }}\n", k - 1));
            }
            for c in 1..=4 {
                toml.push_str(&format!(
                    "[[area.question.choice]]\nid = \"c{c}\"\nlabel = \"Choice {c}\"\nscore = {}\n",
                    c * 25
                ));
            }
        }
    }
    parse(&toml, "generated.toml").unwrap()
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(80, 24)).unwrap()
}

/// An app on the question screen, moved on (→) to the question with id `at`.
fn app_at<'q>(q: &'q Questionnaire, at: &str) -> App<'q> {
    let mut app = App::new(q, &Details::default(), Vec::new(), None);
    update(&mut app, Action::Resize(80, 24));
    // Through the start form, however many fields it has.
    for _ in 0..10 {
        if app.mode() == Mode::Question {
            break;
        }
        update(&mut app, Action::Confirm);
    }
    let target = q.position(at).unwrap();
    while app.session().current() < target && app.mode() == Mode::Question {
        update(&mut app, Action::Next);
    }
    assert_eq!(app.session().current(), target);
    app
}

fn launch(c: &mut Criterion) {
    let mut group = c.benchmark_group("launch");
    group.bench_function("load, build and draw the first frame (crm-readiness)", |b| {
        b.iter(|| {
            let q = builtin_questionnaire();
            let mut app = App::new(&q, &Details::default(), Vec::new(), None);
            update(&mut app, Action::Resize(80, 24));
            let mut t = terminal();
            t.draw(|f| render(f, &app)).unwrap();
            black_box(t.backend().buffer().area);
        })
    });
    let q = builtin_questionnaire();
    group.bench_function("build and draw the first question (crm-readiness)", |b| {
        b.iter(|| {
            let app = app_at(&q, "vision.objective");
            let mut t = terminal();
            t.draw(|f| render(f, &app)).unwrap();
            black_box(t.backend().buffer().area);
        })
    });
    group.sample_size(30).measurement_time(Duration::from_secs(8));
    let home = tempfile::tempdir().unwrap();
    let q = builtin_questionnaire();
    let at = Position { question: Some("vision.objective".into()), reviewing: false };
    // One answer: leaving an interview with none discards its draft.
    let mut answers = Answers::for_questionnaire(&q);
    answers.answers.insert("vision.statement".into(), Answer::from_text("Grow repeat sales".into()));
    let draft = Draft::new(&q, answers, at, jiff::Timestamp::UNIX_EPOCH);
    drafts::save(&draft_path(home.path()), &draft).unwrap();
    let fresh = tempfile::tempdir().unwrap();
    group.bench_function("binary in a PTY: spawn to the start form drawn", |b| {
        b.iter_custom(|n| (0..n).map(|_| time_to_screen(fresh.path(), &[], "Who is this assessment for?")).sum())
    });
    group.bench_function("binary in a PTY: spawn to the first question drawn (--resume)", |b| {
        b.iter_custom(|n| {
            (0..n)
                .map(|_| time_to_screen(home.path(), &["--resume"], "Where is the objective of the CRM project"))
                .sum()
        })
    });
    group.finish();
}

fn draft_path(home: &Path) -> PathBuf {
    home.join("crm-ready").join("drafts").join("crm-readiness.json")
}

/// Spawns `crm-ready assess ARGS` in an 80×24 PTY and times until `text`
/// is on screen; then leaves with Ctrl-C (which keeps the draft).
fn time_to_screen(home: &Path, args: &[&str], text: &str) -> Duration {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_crm-ready"));
    cmd.arg("assess").args(args).env("XDG_DATA_HOME", home).env("NO_COLOR", "1").env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut session = expectrl::Session::spawn(cmd).unwrap();
    session.get_process_mut().set_window_size(80, 24).unwrap();
    let mut parser = vt100::Parser::new(24, 80, 0);
    let mut buf = [0u8; 16384];
    // Blocking reads: spinning would steal the CPU from the app being timed.
    session.get_stream_mut().set_blocking(true).unwrap();
    let elapsed = loop {
        match session.read(&mut buf) {
            Ok(n) if n > 0 => {
                parser.process(&buf[..n]);
                if parser.screen().contents().contains(text) {
                    break start.elapsed();
                }
            }
            other => panic!("the app stopped before drawing {text:?}: {other:?}\n{}", parser.screen().contents()),
        }
    };
    session.write_all(b"\x03").unwrap();
    session.flush().unwrap();
    let _ = session.get_process().wait();
    elapsed
}

fn key(c: &mut Criterion) {
    let mut group = c.benchmark_group("key and redraw");
    let builtin = builtin_questionnaire();
    let big = generated(100, 100);
    assert_eq!(big.questions.len(), 10_000);
    for (name, q, at) in [("crm-readiness", &builtin, "vision.objective"), ("10,000 questions", &big, "a50.q3")] {
        let mut app = app_at(q, at);
        let mut t = terminal();
        group.bench_function(format!("move down and up ({name})"), |b| {
            let mut down = true;
            b.iter(|| {
                update(&mut app, if down { Action::Down } else { Action::Up });
                down = !down;
                t.draw(|f| render(f, &app)).unwrap();
            })
        });
        let mut app = app_at(q, at);
        group.bench_function(format!("answer, go back, redraw ({name})"), |b| {
            // Alternating choices 1 and 2 shows and hides a follow-up in the
            // generated questionnaire (and drops its answer).
            let mut pick = 1;
            b.iter(|| {
                update(&mut app, Action::Digit(pick));
                update(&mut app, Action::Back);
                pick = 3 - pick;
                t.draw(|f| render(f, &app)).unwrap();
            })
        });
    }
    group.finish();
}

fn quick() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

criterion_group! { name = benches; config = quick(); targets = launch, key }
criterion_main!(benches);
