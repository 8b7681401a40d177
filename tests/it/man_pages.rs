//! The man pages: `crm-ready man` prints the main page, `crm-ready man
//! SUBCOMMAND` that subcommand's, and `crm-ready man --dir DIR` writes them
//! all. Every page another page names exists.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::Test;

/// The subcommands `crm-ready --help` lists (without `help`).
fn subcommands() -> Vec<String> {
    let help = Test::new().arg("--help").run().exits(0);
    let text = help.stdout();
    let listed = &text[text.find("Commands:").expect("a Commands: section")..text.find("Options:").unwrap()];
    listed
        .lines()
        .skip(1)
        // A command's line is indented by two; a wrapped description by more.
        .filter_map(|l| l.strip_prefix("  ").filter(|rest| !rest.starts_with(' ')))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(String::from)
        .collect()
}

/// The pages `man --dir` writes: file name → roff.
fn written_pages() -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let out = Test::new().args(["man", "--dir"]).arg(dir.path()).run().exits(0);
    assert_eq!(out.stdout(), "", "the pages go to files");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (path.file_name().unwrap().to_str().unwrap().to_string(), std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    pages.sort();
    assert!(out.stderr().contains(&format!("wrote {} man pages to", pages.len())), "{}", out.stderr());
    pages
}

/// The pages a page refers to, as `name(1)`, with roff's escapes and fonts
/// taken off: `\fBcrm\-ready\fR(1)` is `crm-ready`.
fn references(roff: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in roff.match_indices("(1)") {
        let before = roff[..at].trim_end_matches("\\fR");
        let start = before
            .rfind(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '\\'))
            .map_or(0, |i| i + 1);
        found.insert(before[start..].replace("\\-", "-"));
    }
    found
}

#[test]
fn every_page_referenced_exists_and_each_opens_with_its_title() {
    let pages = written_pages();
    let names: BTreeSet<String> = pages.iter().map(|(file, _)| file.trim_end_matches(".1").to_string()).collect();
    let mut expected: BTreeSet<String> = subcommands().iter().map(|s| format!("crm-ready-{s}")).collect();
    expected.insert("crm-ready".to_string());
    assert_eq!(names, expected, "a page per subcommand, and the main one");
    let mut referenced = BTreeSet::new();
    for (file, roff) in &pages {
        let name = file.trim_end_matches(".1");
        assert!(roff.starts_with(&format!(".TH {name} 1 ")), "{file} does not open with its title:\n{roff}");
        for section in [".SH NAME", ".SH SYNOPSIS", ".SH \"EXIT STATUS\"", ".SH ENVIRONMENT"] {
            assert!(roff.contains(section), "{file} has no {section}");
        }
        referenced.extend(references(roff));
    }
    assert!(referenced.len() == names.len(), "the main page names every subcommand's, each names the main one");
    for name in &referenced {
        assert!(names.contains(name), "{name}(1) is referenced but no such page is written");
    }
    assert!(!referenced.contains("crm-ready-help"), "no page for the help subcommand is promised");
}

#[test]
fn the_reference_reader_finds_names_in_fonts_and_escapes() {
    let found = references(".TP\ncrm\\-ready\\-assess(1)\n.SH \"SEE ALSO\"\n\\fBcrm\\-ready\\fR(1)\nnot(2)");
    assert_eq!(found, BTreeSet::from(["crm-ready".to_string(), "crm-ready-assess".to_string()]));
}

#[test]
fn man_prints_the_main_page_and_man_subcommand_its_own() {
    let pages = written_pages();
    let page = |file: &str| pages.iter().find(|(f, _)| f == file).map(|(_, roff)| roff.clone()).unwrap();
    assert_eq!(Test::new().arg("man").run().exits(0).stdout(), page("crm-ready.1"));
    for sub in ["assess", "validate", "man"] {
        let printed = Test::new().args(["man", sub]).run().exits(0);
        assert_eq!(printed.stdout(), page(&format!("crm-ready-{sub}.1")), "man {sub}");
        assert!(printed.stdout().contains(&format!("crm\\-ready {sub}")), "the synopsis of {sub}");
    }
}

#[test]
fn an_unknown_page_or_a_missing_directory_is_a_usage_error() {
    let out = Test::new().args(["man", "asses"]).run().exits(2);
    assert!(
        out.stderr().contains("no man page for `asses`; did you mean `assess`? Pages exist for assess, "),
        "{}",
        out.stderr()
    );
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-yet");
    let out = Test::new().args(["man", "--dir"]).arg(&missing).run().exits(2);
    assert!(out.stderr().contains("no such directory"), "{}", out.stderr());
    assert!(!Path::new(&missing).exists());
    Test::new().args(["man", "assess", "--dir"]).arg(dir.path()).run().exits(2);
}

#[test]
fn writing_the_pages_again_replaces_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("crm-ready.1"), "old").unwrap();
    Test::new().args(["man", "--dir"]).arg(dir.path()).run().exits(0);
    let main = std::fs::read_to_string(dir.path().join("crm-ready.1")).unwrap();
    assert!(main.starts_with(".TH crm-ready 1 "), "{main}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".1"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn the_exit_status_says_an_interview_left_unfinished_is_130() {
    let page = Test::new().args(["man", "assess"]).run().exits(0).stdout().replace("\\-", "-");
    let status = &page[page.find(".SH \"EXIT STATUS\"").unwrap()..];
    let after = &status[status.find("\\fB130\\fR").unwrap()..];
    assert!(after.contains("left before it was submitted (q or Esc)"), "{status}");
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("| 130 | did not finish: the interview was left before it was submitted"), "README");
}
