//! Colour on a real terminal: `--color auto` (the default) honours
//! `NO_COLOR`, and a `--color always` given on the command line wins over
//! it (no-color.org). Every run here has `NO_COLOR=1` (see `tty`).

use crate::support::Test;
use crate::tty::Tty;

/// Whether the output styles anything: a report printed plainly holds no
/// escape sequence at all.
fn coloured(raw: &[u8]) -> bool {
    String::from_utf8_lossy(raw).contains("\x1b[")
}

fn report_on_a_terminal(color: &str) -> Vec<u8> {
    let test =
        Test::new().args(["assess", "--answers", "examples/answers-pitfalls.toml", "--no-save", "--color", color]);
    let mut tty = Tty::spawn_test(test);
    assert_eq!(tty.wait_exit(), 0, "{}", tty.screen());
    tty.raw.clone()
}

#[test]
fn no_color_turns_auto_off_but_not_always() {
    assert!(!coloured(&report_on_a_terminal("auto")), "auto on a terminal with NO_COLOR set");
    assert!(coloured(&report_on_a_terminal("always")), "--color always with NO_COLOR set");
    assert!(!coloured(&report_on_a_terminal("never")));
}
