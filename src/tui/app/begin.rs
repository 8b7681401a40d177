//! How an interview begins: afresh from the start form, in a draft file
//! of its own, or by continuing a saved draft.

use std::path::PathBuf;

use crate::core::questionnaire::Kind;
use crate::core::session::{Change, Session};
use crate::io::drafts::{self, Saved};
use crate::tui::rows::Row;

use super::action::Effects;
use super::screen::{Overlay, Screen};
use super::start_form::StartForm;
use super::state::App;

impl App<'_> {
    /// Back to the start form, as given on the command line.
    pub(super) fn start_afresh(&mut self) {
        self.screen = Screen::Start(Box::new(StartForm::new(&self.details)));
        self.offers.clear();
    }

    pub(super) fn continue_draft(&mut self, saved: Saved) {
        let q = self.questionnaire();
        let (mut session, dropped) = Session::new(q, saved.draft.answers);
        let position = saved.draft.position;
        if let Some(i) = position.question.as_deref().and_then(|id| q.position(id)) {
            session.go_to(i);
        }
        let progress = session.total_progress();
        self.session = session;
        self.begun = true;
        self.draft_path = Some(saved.path);
        self.draft_kept = true;
        self.open_question();
        if position.reviewing {
            self.open_review(Some(self.session.current()));
        }
        self.inform(format!("Welcome back: {} of {} questions answered.", progress.answered, progress.shown));
        if !dropped.is_empty() {
            self.report_change(&Change { appeared: Vec::new(), dropped });
        }
    }

    /// Begins the interview the start form describes, unless that
    /// respondent already has a saved one: then asks first.
    pub(super) fn begin(&mut self, fx: &mut Effects) {
        let Screen::Start(form) = &self.screen else { return };
        let [org, name, _] = form.fields();
        let (org, name) = (Some(org.text()), Some(name.text()));
        let existing = self.saved.iter().find(|o| drafts::same_respondent(&o.saved.draft.answers, org, name));
        match existing {
            Some(offer) => self.overlay = Some(Overlay::ExistingDraft(Box::new(offer.clone()))),
            None => self.begin_new(fx),
        }
    }

    /// Begins a new interview from the start form, in a draft file of its
    /// own: beside any other, never over one.
    pub(super) fn begin_new(&mut self, fx: &mut Effects) {
        if let Screen::Start(form) = &self.screen {
            let [org, name, role] = form.fields();
            self.session.set_details(org.text(), name.text(), role.text());
            self.session.set_group(form.group());
        }
        self.session.set_assessed_at(self.details.assessed_at);
        self.session.set_label(self.details.label.clone());
        let q = self.questionnaire();
        let a = self.session.answers();
        let taken = |name: &str| {
            let named = |path: &PathBuf| path.file_name().is_some_and(|f| f == name);
            self.saved.iter().any(|o| named(&o.saved.path)) || self.unreadable.iter().any(named)
        };
        let file = drafts::free_file_name(&q.id, a.organization.as_deref(), a.respondent.as_deref(), taken);
        self.draft_path = self.drafts_dir.as_ref().map(|d| d.join(file));
        self.begun = true;
        fx.save = true;
        self.open_question();
        if self.draft_path.is_none() {
            self.warn("No data directory found (set HOME or XDG_DATA_HOME), so progress is not saved to disk.");
        } else {
            let tip = match self.session.current_question().kind {
                Kind::Text => "Tip: press Enter to write your answer.",
                _ if self.current_rows().first() == Some(&Row::Entry) => "Tip: type the number, then press Enter.",
                _ => "Tip: a number key answers.",
            };
            self.inform(format!("{tip} Progress is saved as you go; ? lists every key."));
        }
    }
}
