//! One list of exit codes (`crm_ready::exit::MEANINGS`): `--help` and the
//! man pages print it, and the README's table has a row for each code,
//! opening with the words `--help` uses.

use crm_ready::exit::MEANINGS;

use crate::support::Test;

/// The README's exit-code table: each row's code and its meaning, without
/// the Markdown backticks.
fn readme_table() -> Vec<(u8, String)> {
    let readme = include_str!("../../README.md");
    let section = &readme[readme.find("## Exit codes").expect("README has no Exit codes section")..];
    section
        .lines()
        .skip_while(|l| !l.starts_with("| ---:"))
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .map(|row| {
            let cells: Vec<&str> = row.split(" | ").collect();
            let code = cells[0].trim_start_matches('|').trim().parse().unwrap_or_else(|_| panic!("row {row:?}"));
            (code, cells[1..].join(" | ").trim_end_matches(" |").replace('`', ""))
        })
        .collect()
}

#[test]
fn the_readme_lists_every_exit_code_and_opens_with_the_same_words() {
    let table = readme_table();
    let codes: Vec<u8> = table.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, MEANINGS.iter().map(|m| m.code).collect::<Vec<_>>(), "README's exit codes");
    for ((code, meaning), m) in table.iter().zip(MEANINGS) {
        assert!(meaning.starts_with(m.summary), "README's row {code} {meaning:?} does not open {:?}", m.summary);
    }
    let lint = table.iter().find(|(_, meaning)| meaning.contains("lint found something"));
    assert_eq!(lint.map(|(code, _)| *code), Some(1), "README says what lint exits with");
}

#[test]
fn help_lists_every_exit_code_the_readme_lists() {
    let help = Test::new().arg("--help").run().exits(0).stdout().split_whitespace().collect::<Vec<_>>().join(" ");
    let listed = &help[help.find("Exit codes: ").expect("--help lists the exit codes")..];
    for (code, meaning) in readme_table() {
        let m = MEANINGS.iter().find(|m| m.code == code).unwrap();
        assert!(
            listed.contains(&format!(" {code} {};", m.summary)) || listed.ends_with(&format!(" {code} {}.", m.summary)),
            "--help does not say {code} {:?} (README: {meaning:?}):\n{listed}",
            m.summary
        );
    }
    assert!(listed.contains("1 a --fail-on gate tripped, or lint found something;"), "{listed}");
}

#[test]
fn every_man_page_gives_every_exit_code() {
    let page = Test::new().args(["man", "lint"]).run().exits(0).stdout().replace("\\-", "-");
    let status = &page[page.find(".SH \"EXIT STATUS\"").unwrap()..page.find(".SH ENVIRONMENT").unwrap()];
    for m in MEANINGS {
        assert!(status.contains(&format!("\\fB{}\\fR\n{}", m.code, m.detail)), "{status}");
    }
    assert!(status.contains("lint found something"), "{status}");
}
