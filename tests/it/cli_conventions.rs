//! The conventions a command-line user expects: shell completions, a man
//! page, quiet exit on a closed pipe, and colour only when wanted.

use std::io::{BufRead, BufReader};

use crate::support::{Finished, Test};

fn run(args: &[&str]) -> Finished {
    Test::new().args(args).run()
}

const SUBCOMMANDS: &[&str] = &[
    "assess",
    "questionnaires",
    "show",
    "validate",
    "history",
    "compare",
    "trend",
    "round",
    "report",
    "schema",
    "completions",
    "man",
];

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completions", shell]).exits(0);
        let script = out.stdout();
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completions do not mention `{sub}`");
        }
    }
}

/// What bash offers after `line` (ending in the word being completed), with
/// the script `crm-ready completions bash` prints loaded.
fn bash_completes(line: &str) -> String {
    let out = run(&["completions", "bash"]).exits(0);
    let script = out.stdout();
    let program = format!(
        "{script}\nCOMP_LINE='{line}'; read -ra COMP_WORDS <<< \"$COMP_LINE\"; \
         [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
         _crm__ready crm-ready \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
         echo \"${{COMPREPLY[*]}}\""
    );
    Test::program("bash").args(["--norc", "-c", &program]).run().exits(0).stdout().trim().to_string()
}

#[test]
fn bash_completes_subcommands_their_options_and_values() {
    assert_eq!(bash_completes("crm-ready as"), "assess");
    assert_eq!(bash_completes("crm-ready assess --fail"), "--fail-on");
    assert_eq!(bash_completes("crm-ready assess --fail-on "), "not-ready conditions high");
    assert_eq!(bash_completes("crm-ready completions p"), "powershell");
}

#[test]
fn completions_for_an_unknown_shell_is_a_usage_error() {
    let out = run(&["completions", "tcsh"]).exits(2);
    assert!(out.stderr().contains("tcsh"), "{}", out.stderr());
}

#[test]
fn man_page_is_roff_with_exit_status_and_environment() {
    let out = run(&["man"]).exits(0);
    let page = out.stdout();
    // clap_mangen opens with two lines defining the apostrophe string; the
    // title comes before any section.
    let title = page.lines().position(|l| l.starts_with(".TH crm-ready 1")).expect("a .TH line");
    assert!(title < 3, "{page}");
    let first_section = page.lines().position(|l| l.starts_with(".SH")).unwrap();
    assert!(title < first_section);
    for heading in [".SH NAME", ".SH SYNOPSIS", ".SH SUBCOMMANDS", ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT"] {
        assert!(page.contains(heading), "no {heading}");
    }
    let exit_status = &page[page.find(".SH \"EXIT STATUS\"").unwrap()..page.find(".SH ENVIRONMENT").unwrap()];
    for code in [0, 1, 2, 3, 130] {
        assert!(exit_status.contains(&format!("\\fB{code}\\fR\n")), "exit code {code} missing:\n{exit_status}");
    }
    assert!(exit_status.contains("\\-\\-fail\\-on"), "hyphens are escaped for roff");
    assert!(page.contains("NO_COLOR"));
    assert!(page.contains("CRM_READY_STORE"));
}

/// Runs the command, reads one line of its output, closes the pipe and
/// waits: what `crm-ready ... | head -1` does.
fn read_one_line_then_close(args: &[&str]) -> (String, Finished) {
    let mut child = Test::new().args(args).spawn();
    let mut line = String::new();
    {
        let mut reader = BufReader::new(child.take_stdout());
        reader.read_line(&mut line).unwrap();
        // Dropping the reader closes our end of the pipe.
    }
    (line, child.finish())
}

#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    for args in [
        // Larger than a pipe's buffer: the writer is still writing when the
        // reader goes, so the write fails with a broken pipe.
        &["show", "crm-readiness", "--format", "json"][..],
        // Not saved: a report that fits the pipe's buffer would otherwise
        // be followed by the "saved to the history" note on stderr.
        &["assess", "--answers", "examples/answers-pitfalls.toml", "--format", "json", "--no-save"],
        &["show", "crm-readiness"],
        &["validate", "questionnaires/crm-quick.toml", "questionnaires/crm-readiness.toml"],
    ] {
        let (line, out) = read_one_line_then_close(args);
        assert!(!line.is_empty(), "{args:?}: no output");
        assert_eq!(out.exits(0).stderr(), "", "{args:?}");
    }
}

fn assess_pitfalls(color: Option<&str>, no_color: bool) -> String {
    let mut args = vec!["assess", "--answers", "examples/answers-pitfalls.toml"];
    if let Some(c) = color {
        args.extend(["--color", c]);
    }
    let mut test = Test::new().args(args);
    if no_color {
        test = test.env("NO_COLOR", "1");
    }
    test.run().exits(0).stdout().to_string()
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    const ESC: char = '\u{1b}';
    let always = assess_pitfalls(Some("always"), false);
    assert!(always.contains(ESC), "--color always colours even into a pipe");
    assert!(!assess_pitfalls(None, false).contains(ESC), "no colour into a pipe by default");
    assert!(!assess_pitfalls(Some("auto"), false).contains(ESC), "auto: no colour into a pipe");
    assert!(!assess_pitfalls(Some("never"), false).contains(ESC));
    assert!(assess_pitfalls(Some("always"), true).contains(ESC), "--color always wins over NO_COLOR");
    assert!(!assess_pitfalls(Some("never"), true).contains(ESC));
    // The words are the same either way: colour only decorates.
    let strip = |s: &str| {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == ESC {
                chars.by_ref().find(|c| c.is_ascii_alphabetic());
            } else {
                out.push(c);
            }
        }
        out
    };
    let plain = assess_pitfalls(Some("never"), false);
    let mask_time = |s: &str| s.lines().filter(|l| !l.contains("assessed")).collect::<Vec<_>>().join("\n");
    assert_eq!(mask_time(&strip(&always)), mask_time(&plain));
}
