//! The loop when the terminal goes away between two keys (its window
//! closed): the answer is kept and the interview ends as on SIGHUP.

use std::cell::RefCell;
use std::io;
use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};

use super::tests::script;
use super::*;
use crate::core::questionnaire::builtin;

/// A backend whose terminal goes away after `frames_left` frames.
struct Gone {
    screen: TestBackend,
    frames_left: usize,
}

impl Backend for Gone {
    type Error = io::Error;
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a ratatui::buffer::Cell)>,
    {
        if self.frames_left == 0 {
            return Err(io::Error::other("the terminal has gone"));
        }
        self.frames_left -= 1;
        self.screen.draw(content).map_err(io::Error::other)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> io::Result<ratatui::layout::Position> {
        Ok(ratatui::layout::Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<ratatui::layout::Position>>(&mut self, _: P) -> io::Result<()> {
        Ok(())
    }
    fn clear(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn clear_region(&mut self, _: ratatui::backend::ClearType) -> io::Result<()> {
        Ok(())
    }
    fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.screen.size().map_err(io::Error::other)
    }
    fn window_size(&mut self) -> io::Result<ratatui::backend::WindowSize> {
        self.screen.window_size().map_err(io::Error::other)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_terminal_that_goes_away_between_keys_keeps_the_answer_and_interrupts() {
    let q = builtin::find("crm-quick").unwrap().load().unwrap();
    let mut app = App::new(&q, &Details::default(), Vec::new(), Some(PathBuf::from("/drafts")));
    // The first frame, one per key of the start form; gone at the answer.
    let mut terminal = Terminal::new(Gone { screen: TestBackend::new(80, 24), frames_left: 6 }).unwrap();
    let saves = RefCell::new(Vec::new());
    let save = |app: &App<'_>, _: jiff::Timestamp| {
        saves.borrow_mut().push(app.session().answers().answers.len());
        Ok(())
    };
    let mut actions = vec![Action::Confirm; 5];
    actions.extend([Action::Digit(1), Action::Digit(1)]);
    let exit = run(&mut terminal, &mut app, &mut script(&actions), save, || jiff::Timestamp::UNIX_EPOCH);
    assert_eq!(exit.unwrap(), Exit::Interrupt);
    assert_eq!(*saves.borrow(), [0, 1], "on begin, and the answer given as the terminal went");
}
