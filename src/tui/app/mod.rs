//! The interview app: its state and `update(&mut App, Action)`, the only
//! writer of that state, with no terminal, clock or file involved. The
//! edge performs the returned [`Effects`] (saving the draft, scoring,
//! suspending, leaving) and feeds each outcome back as an [`Action`].
//!
//! Modules depend one way: `action`, `offer`, `start_form` and `screen`
//! (the types) ← `state` (the app, its read accessors and shared steps) ←
//! `begin` (starting or continuing an interview) ← `question_keys` and
//! `screen_keys` (what a key does in each mode) ← `update`.

mod action;
mod begin;
mod offer;
mod question_keys;
mod screen;
mod screen_keys;
mod start_form;
mod state;
mod update;

pub use action::{Action, Effects, Exit};
pub use offer::{Offer, filed_under, resume_command_for, whose};
pub use screen::{MIN_HEIGHT, MIN_WIDTH, Message, Mode, Overlay, ReviewItem, Screen};
pub use start_form::StartForm;
pub use state::{App, Details};
pub use update::update;

#[cfg(test)]
mod tests;
