//! Taking over the terminal and always giving it back: on a normal exit, an
//! error (the guard's `Drop`), a panic (a panic hook) and SIGTERM, SIGHUP or
//! SIGINT (a flag the event loop checks; the loop then leaves through the
//! normal path, so the guard restores the terminal).

use std::io::{self, Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};

/// Whether the terminal is in the app's state and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The exit status when a second signal arrives before the app has left.
const SIGNAL_EXIT: i32 = 130;

/// Holds the terminal in raw mode on the alternate screen until dropped.
pub struct TerminalGuard {
    interrupted: Arc<AtomicBool>,
    #[cfg(unix)]
    signals: Vec<signal_hook::SigId>,
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen, hides the cursor, turns on
    /// bracketed paste, and installs the panic hook and signal handlers.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        let interrupted = Arc::new(AtomicBool::new(false));
        let mut guard = TerminalGuard {
            interrupted,
            #[cfg(unix)]
            signals: Vec::new(),
        };
        #[cfg(unix)]
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP, signal_hook::consts::SIGINT] {
            // A second signal while the first is being handled exits at once.
            let flag = Arc::clone(&guard.interrupted);
            guard.signals.push(signal_hook::flag::register_conditional_shutdown(signal, SIGNAL_EXIT, flag)?);
            guard.signals.push(signal_hook::flag::register(signal, Arc::clone(&guard.interrupted))?);
        }
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, cursor::Hide)?;
        Ok(guard)
    }

    /// True once SIGTERM, SIGHUP or SIGINT has arrived.
    pub fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// Restores the terminal, reporting failure.
    pub fn restore(self) -> io::Result<()> {
        restore()
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = restore();
        #[cfg(unix)]
        for id in self.signals.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Leaves raw mode and the alternate screen and shows the cursor, once.
pub fn restore() -> io::Result<()> {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    let raw = disable_raw_mode();
    let mut out = stdout();
    let screen = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
    raw.and(screen)
}

/// Restores the terminal before the panic message is printed, so the
/// message is readable and the shell usable.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = restore();
            previous(info);
        }));
    });
}
