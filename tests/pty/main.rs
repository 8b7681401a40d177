//! End to end in a terminal: the real binary in a pseudo-terminal, driven by
//! keystrokes and read through a terminal emulator (`tty`), and in a private
//! tmux server. Unix only.

#![cfg(unix)]

#[path = "../support/mod.rs"]
mod support;

mod tty;

mod closed_terminal;
mod colour_pty;
mod drafts_pty;
mod empty_draft_pty;
mod interview_pty;
mod respondents_pty;
mod resume_command_pty;
mod terminal_pty;
