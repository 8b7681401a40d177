//! `--fail-on` may be given more than once: the gate trips if any bar is
//! reached, and stderr explains each one that tripped.

use crate::support::{Finished, Test};

fn assess(answers: &str, gates: &[&str]) -> Finished {
    let mut args = vec!["assess", "--answers", answers, "--no-save", "-f", "json"];
    for gate in gates {
        args.extend(["--fail-on", gate]);
    }
    Test::new().args(args).run()
}

fn tripped(out: &Finished) -> Vec<&str> {
    out.stderr().lines().filter(|l| l.starts_with("gate tripped")).collect()
}

#[test]
fn every_bar_reached_is_explained_and_any_trips_the_gate() {
    let out = assess("examples/answers-pitfalls.toml", &["high", "not-ready", "conditions"]).exits(1);
    let lines = tripped(&out);
    assert_eq!(lines.len(), 3, "{}", out.stderr());
    assert!(lines[0].starts_with("gate tripped (--fail-on high): high-risk areas: "), "{}", lines[0]);
    assert_eq!(lines[1], "gate tripped (--fail-on not-ready): the verdict is not-ready");
    assert_eq!(lines[2], "gate tripped (--fail-on conditions): the verdict is not-ready");
}

#[test]
fn only_the_bars_reached_are_explained() {
    // The pitfalls example: not ready, with high-risk areas.
    let out = assess("examples/answers-pitfalls.toml", &["high", "not-ready"]).exits(1);
    assert_eq!(tripped(&out).len(), 2, "{}", out.stderr());
    // A ready company trips none of them.
    let out = assess("examples/answers-ready.toml", &["high", "not-ready", "conditions"]).exits(0);
    assert_eq!(tripped(&out), Vec::<&str>::new(), "{}", out.stderr());
}

#[test]
fn the_same_bar_twice_is_one_gate() {
    let out = assess("examples/answers-pitfalls.toml", &["not-ready", "not-ready"]).exits(1);
    assert_eq!(tripped(&out), ["gate tripped (--fail-on not-ready): the verdict is not-ready"]);
}
