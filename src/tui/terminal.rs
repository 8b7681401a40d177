//! Taking over the terminal and always giving it back: on a normal exit, an
//! error (the guard's `Drop`), a panic (a panic hook) and SIGTERM, SIGHUP or
//! SIGINT (a flag the event loop checks; the loop then leaves through the
//! normal path, so the guard restores the terminal). Ctrl-Z and SIGTSTP
//! suspend: the terminal is handed back to the shell until `fg`.

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
    suspend_asked: Arc<AtomicBool>,
    #[cfg(unix)]
    signals: Vec<signal_hook::SigId>,
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen, hides the cursor, turns on
    /// bracketed paste, and installs the panic hook and signal handlers.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        let mut guard = TerminalGuard {
            interrupted: Arc::new(AtomicBool::new(false)),
            suspend_asked: Arc::new(AtomicBool::new(false)),
            #[cfg(unix)]
            signals: Vec::new(),
        };
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
            for signal in [SIGTERM, SIGHUP, SIGINT] {
                // A second signal while the first is being handled exits at once.
                let flag = Arc::clone(&guard.interrupted);
                guard.signals.push(signal_hook::flag::register_conditional_shutdown(signal, SIGNAL_EXIT, flag)?);
                guard.signals.push(signal_hook::flag::register(signal, Arc::clone(&guard.interrupted))?);
            }
            // `kill -TSTP` is caught so the terminal is restored before stopping.
            guard.signals.push(signal_hook::flag::register(SIGTSTP, Arc::clone(&guard.suspend_asked))?);
        }
        take_over()?;
        Ok(guard)
    }

    /// True once SIGTERM, SIGHUP or SIGINT has arrived.
    pub fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// True once SIGTSTP has arrived (and not yet acted on).
    pub fn suspend_asked(&self) -> bool {
        self.suspend_asked.swap(false, Ordering::SeqCst)
    }

    /// Gives the terminal back, stops the process until the shell continues
    /// it (`fg`), then takes the terminal over again; the caller must redraw
    /// the whole screen. Returns false, doing nothing, when no shell with job
    /// control could continue the process: stopping would freeze it for good.
    pub fn suspend(&self) -> io::Result<bool> {
        self.suspend_asked.store(false, Ordering::SeqCst);
        if !job_control::can_be_continued() {
            return Ok(false);
        }
        restore()?;
        job_control::stop()?;
        take_over()?;
        Ok(true)
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

/// Enters raw mode and the alternate screen, with the cursor hidden and
/// bracketed paste on.
fn take_over() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, cursor::Hide)
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

/// Whether the terminal has hung up: its window closed or its connection
/// dropped, so nobody is left to answer.
#[cfg(unix)]
pub fn hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let now = Timespec { tv_sec: 0, tv_nsec: 0 };
    match poll(&mut fds, Some(&now)) {
        Ok(_) => fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => false,
    }
}

#[cfg(not(unix))]
pub fn hung_up() -> bool {
    false
}

/// Stopping the process the way a shell expects, and only when a shell can
/// continue it.
#[cfg(unix)]
mod job_control {
    use std::io;

    /// Whether a job-control shell is waiting on this process: its parent
    /// is in the same session but another process group. Otherwise the
    /// process group is orphaned (started straight by a terminal emulator,
    /// `ssh host cmd`, a multiplexer) and the kernel would discard a real
    /// SIGTSTP; a stop would never be continued. An id of 0 means the
    /// process lies outside our PID namespace, so no shell of ours.
    pub fn can_be_continued() -> bool {
        // SAFETY: these calls only read process ids; any pid is a valid
        // argument, and failures come back as -1.
        let (parent, own_session, own_group) = unsafe { (libc::getppid(), libc::getsid(0), libc::getpgrp()) };
        if parent <= 0 || own_session <= 0 {
            return false;
        }
        // SAFETY: as above.
        let (session, group) = unsafe { (libc::getsid(parent), libc::getpgid(parent)) };
        session > 0 && group > 0 && session == own_session && group != own_group
    }

    /// Stops the process until SIGCONT. SIGTSTP is caught (to restore the
    /// terminal first), so its default action is emulated with SIGSTOP.
    pub fn stop() -> io::Result<()> {
        signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)
    }
}

#[cfg(not(unix))]
mod job_control {
    pub fn can_be_continued() -> bool {
        false
    }

    pub fn stop() -> std::io::Result<()> {
        Ok(())
    }
}
