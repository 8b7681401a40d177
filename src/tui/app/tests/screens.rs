//! Everything around the questions: the start form, the resume offer, the
//! review, submitting, the result, leaving, suspending, a small terminal.

use super::*;

#[test]
fn the_start_form_takes_optional_details_and_names_the_draft() {
    let q = interview();
    let details = Details { role: Some("Owner".into()), ..Details::default() };
    let mut app = App::new(&q, &details, Vec::new(), Some(PathBuf::from("/drafts")));
    assert_eq!(app.mode(), Mode::Start);
    typing(&mut app, "Acme Ltd");
    press(&mut app, KeyCode::Enter);
    typing(&mut app, "Jo");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    // The group: a choice the arrows step through.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert!(!app.has_begun());
    let fx = press(&mut app, KeyCode::Enter);
    assert!(fx.save, "the draft is written as soon as the interview begins");
    assert_eq!(app.mode(), Mode::Question);
    let a = app.session().answers();
    assert_eq!(
        (a.organization.as_deref(), a.respondent.as_deref(), a.role.as_deref(), a.group),
        (Some("Acme Ltd"), Some("J"), Some("Owner"), Some(Group::It))
    );
    assert_eq!(app.draft_path(), Some(Path::new("/drafts/interview@acme-ltd@j.json")));
    assert_eq!(
        app.resume_hint(),
        "crm-ready assess --resume --organization 'Acme Ltd' --respondent J",
        "the hint names the organisation and the respondent so the right draft is picked"
    );
}

#[test]
fn a_blank_group_is_allowed_and_the_date_and_label_given_are_kept() {
    let q = interview();
    let at: jiff::Timestamp = "2026-03-10T00:00:00Z".parse().unwrap();
    let label = Some("Kick-off".to_string());
    let details =
        Details { group: Some(Group::Users), assessed_at: Some(at), label: label.clone(), ..Details::default() };
    let mut app = App::new(&q, &details, Vec::new(), Some(PathBuf::from("/drafts")));
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let a = app.session().answers();
    assert_eq!((a.group, a.assessed_at, &a.label), (None, Some(at), &label), "kept in the draft");
    assert_eq!(app.draft_path(), Some(Path::new("/drafts/interview.json")));
}

#[test]
fn review_jumps_to_a_question_and_comes_back_after_the_answer() {
    let q = interview();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::Review);
    assert!(matches!(app.screen(), Screen::Review { selected: ReviewItem::Question(1) }));
    assert!(app.position().reviewing);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.mode(), current_id(&app).as_str()), (Mode::Question, "vision.objective"));
    press(&mut app, KeyCode::Char('4'));
    assert!(matches!(app.screen(), Screen::Review { selected: ReviewItem::Question(0) }));
    assert_eq!(answer(&app, "vision.objective"), Some(&Answer::Text("none".into())));
    press(&mut app, KeyCode::End);
    assert!(matches!(app.screen(), Screen::Review { selected: ReviewItem::Submit }));
    press(&mut app, KeyCode::Up);
    assert!(
        matches!(app.screen(), Screen::Review { selected: ReviewItem::Question(i) } if q.questions[*i].id == "vendors.named-people")
    );
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::Question);
}

#[test]
fn submitting_with_gaps_asks_then_scores_and_finishes() {
    let q = interview();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('r'));
    let fx = press(&mut app, KeyCode::Char('s'));
    assert!(!fx.score);
    assert_eq!(app.overlay(), Some(&Overlay::ConfirmSubmit { unanswered: 10 }));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.overlay(), None);
    press(&mut app, KeyCode::Char('s'));
    let fx = press(&mut app, KeyCode::Char('y'));
    assert!(fx.score && fx.save);
    scored(&mut app);
    assert_eq!(app.mode(), Mode::Results);
    press(&mut app, KeyCode::Down);
    assert!(matches!(app.screen(), Screen::Results { scroll: 1, .. }));
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::Review, "back from the result to change answers");
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('y'));
    scored(&mut app);
    assert_eq!(press(&mut app, KeyCode::Enter).exit, Some(Exit::Finish));
}

#[test]
fn quitting_asks_first_and_keeps_the_draft() {
    let q = interview();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(app.overlay(), Some(&Overlay::ConfirmQuit));
    assert_eq!(press(&mut app, KeyCode::Esc).exit, None);
    press(&mut app, KeyCode::Esc);
    let fx = press(&mut app, KeyCode::Char('y'));
    assert_eq!(fx.exit, Some(Exit::Leave));
    assert!(fx.save, "leaving saves the position");
}

#[test]
fn ctrl_c_interrupts_at_once_from_anywhere() {
    let q = interview();
    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('n'));
    let fx = press_with(&mut app, KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(fx.exit, Some(Exit::Interrupt));
    assert!(fx.save);
    let mut fresh = App::new(&q, &Details::default(), Vec::new(), None);
    let fx = update(&mut fresh, Action::Interrupt);
    assert_eq!(fx, Effects { exit: Some(Exit::Interrupt), ..Effects::default() }, "nothing to save before starting");
}

#[test]
fn ctrl_z_suspends_from_anywhere_and_leaves_the_screen_as_it_was() {
    let q = interview();
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    let mut fresh = App::new(&q, &Details::default(), Vec::new(), None);
    let fx = press_with(&mut fresh, ctrl_z);
    assert_eq!(fx, Effects { suspend: true, ..Effects::default() }, "nothing to save before starting");

    let mut app = begun(&q);
    press(&mut app, KeyCode::Char('n'));
    typing(&mut app, "ask IT");
    let before = (app.overlay().cloned(), app.message().cloned(), app.cursor());
    let fx = press_with(&mut app, ctrl_z);
    assert_eq!(fx, Effects { suspend: true, save: true, ..Effects::default() });
    assert_eq!(
        (app.overlay().cloned(), app.message().cloned(), app.cursor()),
        before,
        "the note being written stays open"
    );
    update(&mut app, Action::Resize(30, 8));
    assert!(press_with(&mut app, ctrl_z).suspend, "even when the terminal is too small");
}

#[test]
fn a_too_small_terminal_only_offers_quitting() {
    let q = interview();
    let mut app = begun(&q);
    update(&mut app, Action::Resize(40, 10));
    assert_eq!(app.mode(), Mode::TooSmall);
    assert_eq!(press(&mut app, KeyCode::Char('1')), Effects::default());
    assert_eq!(answer(&app, "vision.objective"), None);
    update(&mut app, Action::Resize(80, 24));
    assert_eq!(app.mode(), Mode::Question);
    update(&mut app, Action::Resize(40, 10));
    assert_eq!(press(&mut app, KeyCode::Char('q')).exit, Some(Exit::Leave));
}

fn saved(q: &Questionnaire) -> Saved {
    let mut answers = Answers::for_questionnaire(q);
    answers.organization = Some("Acme".into());
    answers.answers.insert("vision.objective".into(), Answer::Text("none".into()));
    let position = Position { question: Some("management.mandate".into()), reviewing: false };
    let draft = Draft::new(q, answers, position, jiff::Timestamp::UNIX_EPOCH);
    Saved { path: PathBuf::from("/drafts/interview@acme.json"), draft }
}

#[test]
fn a_saved_interview_is_offered_and_continues_where_it_was_left() {
    let q = interview();
    let mut app = App::new(&q, &Details::default(), vec![saved(&q)], Some(PathBuf::from("/drafts")));
    assert_eq!(app.mode(), Mode::Resume);
    assert_eq!(app.offers()[0].progress.answered, 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!((app.mode(), current_id(&app).as_str()), (Mode::Question, "management.mandate"));
    assert_eq!(app.draft_path(), Some(Path::new("/drafts/interview@acme.json")));
    assert_eq!(answer(&app, "vision.objective"), Some(&Answer::Text("none".into())));

    let mut app = App::new(&q, &Details::default(), vec![saved(&q)], Some(PathBuf::from("/drafts")));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.mode(), Mode::Start);
    assert!(app.offers().is_empty());
}

#[test]
fn resuming_on_the_review_screen_returns_there() {
    let q = interview();
    let mut s = saved(&q);
    s.draft.position.reviewing = true;
    let app = App::resumed(&q, s);
    assert!(matches!(app.screen(), Screen::Review { selected: ReviewItem::Question(_) }));
}

#[test]
fn declining_the_resume_offer_keeps_the_details_given() {
    let q = interview();
    let details = Details { organization: Some("Acme".into()), role: Some("CFO".into()), ..Details::default() };
    let mut app = App::new(&q, &details, vec![saved(&q)], Some(PathBuf::from("/drafts")));
    assert_eq!(app.mode(), Mode::Resume);
    press(&mut app, KeyCode::Char('n'));
    let Screen::Start(form) = app.screen() else { panic!("not the start form: {:?}", app.screen()) };
    let fields = form.fields();
    assert_eq!([fields[0].text(), fields[1].text(), fields[2].text()], ["Acme", "", "CFO"]);
}

/// A draft of `who` at Acme Ltd, with `n` answers, saved under `name`.
fn draft_of(q: &Questionnaire, who: &str, n: usize, name: &str) -> Saved {
    let mut answers = Answers::for_questionnaire(q);
    answers.organization = Some("Acme Ltd".into());
    answers.respondent = Some(who.into());
    for question in q.questions.iter().take(n) {
        answers.answers.insert(question.id.clone(), Answer::DontKnow);
    }
    let position = Position { question: q.questions.get(n).map(|x| x.id.clone()), reviewing: false };
    Saved {
        path: PathBuf::from("/drafts").join(name),
        draft: Draft::new(q, answers, position, jiff::Timestamp::UNIX_EPOCH),
    }
}

/// Fills in the start form (past the resume offer, if any) for Acme Ltd
/// and `who`, and presses Begin.
fn start_as(app: &mut App<'_>, who: &str) {
    if app.mode() == Mode::Resume {
        press(app, KeyCode::Char('n'));
    }
    typing(app, "Acme Ltd");
    press(app, KeyCode::Enter);
    typing(app, who);
    for _ in 0..4 {
        press(app, KeyCode::Enter);
    }
}

#[test]
fn only_the_organisations_drafts_are_offered_the_respondents_first() {
    let q = interview();
    let mut narrow = saved(&q);
    narrow.draft.answers.organization = Some("Narrow Co".into());
    let all = vec![draft_of(&q, "Ann", 1, "interview@acme-ltd@ann.json"), narrow, draft_of(&q, "Bob", 2, "b.json")];
    let details =
        Details { organization: Some("acme ltd".into()), respondent: Some("Bob".into()), ..Details::default() };
    let app = App::new(&q, &details, all.clone(), None);
    let offered: Vec<_> = app.offers().iter().map(|o| o.saved.draft.answers.respondent.clone().unwrap()).collect();
    assert_eq!(offered, ["Ann", "Bob"]);
    assert!(matches!(app.screen(), Screen::Resume { selected: 1 }), "Bob's own draft is highlighted");
    assert_eq!(App::new(&q, &Details::default(), all, None).offers().len(), 3);
}

#[test]
fn a_second_respondent_gets_a_draft_of_their_own() {
    let q = interview();
    let ann = draft_of(&q, "Ann", 4, "interview@acme-ltd@ann.json");
    let mut app = App::new(&q, &Details::default(), vec![ann.clone()], Some(PathBuf::from("/drafts")));
    start_as(&mut app, "Bob");
    assert_eq!(app.mode(), Mode::Question);
    assert_eq!(app.draft_path(), Some(Path::new("/drafts/interview@acme-ltd@bob.json")));
}

#[test]
fn starting_again_for_a_respondent_with_a_draft_asks_first() {
    let q = interview();
    // Saved under an older name (organisation only), and found by its content.
    let ann = draft_of(&q, "Ann", 4, "interview@acme-ltd.json");
    let fresh = || App::new(&q, &Details::default(), vec![ann.clone()], Some(PathBuf::from("/drafts")));

    let mut app = fresh();
    start_as(&mut app, "ann");
    assert!(matches!(app.overlay(), Some(Overlay::ExistingDraft(o)) if o.saved == ann), "{:?}", app.overlay());
    assert_eq!(app.mode(), Mode::Confirming);
    assert!(!app.has_begun());
    // Esc: back to the form, nothing started.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen(), Screen::Start(_)) && app.overlay().is_none());
    // Continue it: exactly where Ann was.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.draft_path(), Some(ann.path.as_path()));
    assert_eq!(current_id(&app), q.questions[4].id);
    assert_eq!(app.session().answers(), &ann.draft.answers);

    // Start another: beside it, under a free name.
    let mut app = fresh();
    start_as(&mut app, "Ann");
    let fx = press(&mut app, KeyCode::Char('n'));
    assert!(fx.save && app.has_begun());
    assert_eq!(app.draft_path(), Some(Path::new("/drafts/interview@acme-ltd@ann.json")));
    assert!(app.session().answers().answers.is_empty());

    let mut taken = ann.clone();
    taken.path = PathBuf::from("/drafts/interview@acme-ltd@ann.json");
    let mut app = App::new(&q, &Details::default(), vec![taken], Some(PathBuf::from("/drafts")));
    start_as(&mut app, "Ann");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.draft_path(), Some(Path::new("/drafts/interview@acme-ltd@ann+2.json")), "never over another");
}

#[test]
fn the_first_tip_fits_the_first_question() {
    let q = interview();
    let app = begun(&q);
    assert!(app.message().is_some_and(|m| m.text.starts_with("Tip: a number key answers")));
    let text_first = parse(
        "[questionnaire]\nid = \"t\"\nversion = \"1\"\ntitle = \"T\"\n[[area]]\nid = \"a\"\ntitle = \"A\"\nwhy = \"w\"\n\
         [[area.question]]\nid = \"a.q\"\nkind = \"text\"\ntext = \"Q\"\nhelp = \"h\"\n",
        "t.toml",
    )
    .unwrap();
    let app = begun(&text_first);
    let m = app.message().cloned().unwrap();
    assert!(m.text.starts_with("Tip: press Enter to write") && !m.text.contains("number key"), "{m:?}");
}
