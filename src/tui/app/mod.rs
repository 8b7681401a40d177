//! The interview app: its state and `update(&mut App, Action)`, the only
//! writer of that state, with no terminal, clock or file involved. The
//! edge performs the returned [`Effects`] (saving the draft, scoring,
//! suspending, leaving) and feeds each outcome back as an [`Action`].
//!
//! Modules depend one way: `action` and `screen` (the types) ← `state`
//! (the app, its read accessors and shared steps) ← `question_keys` and
//! `screen_keys` (what a key does in each mode) ← `update`.

mod action;
mod question_keys;
mod screen;
mod screen_keys;
mod state;
mod update;

pub use action::{Action, Effects, Exit};
pub use screen::{MIN_HEIGHT, MIN_WIDTH, Message, Mode, Overlay, ReviewItem, Screen};
pub use state::{App, Details, Offer, shell_quote};
pub use update::update;

#[cfg(test)]
mod tests;
