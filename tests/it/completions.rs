//! Completions offer the built-in questionnaires for `-q` and `latest` /
//! `previous` for assessment references, besides file names: the bash
//! script is run in bash and its candidates read; the zsh and fish scripts
//! are checked for the same offer.

use std::path::Path;

use crate::support::Test;

/// A directory with a custom questionnaire, another file and a folder.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("acme-check.toml"), "").unwrap();
    std::fs::write(dir.path().join("crm-notes.txt"), "").unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    dir
}

/// What bash offers for the last word of `line`, sorted, with the script
/// `crm-ready completions bash` prints loaded, in `dir`.
fn bash_offers(dir: &Path, line: &str) -> Vec<String> {
    let script = Test::new().args(["completions", "bash"]).run().exits(0).stdout().to_string();
    let program = format!(
        "{script}\ncomplete -p crm-ready\nCOMP_LINE='{line}'; read -ra COMP_WORDS <<< \"$COMP_LINE\"; \
         [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
         _crm__ready crm-ready \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let out = Test::program("bash").args(["--norc", "-c", &program]).current_dir(dir).run().exits(0);
    let mut lines = out.stdout().lines();
    let registered = lines.next().unwrap_or_default();
    assert!(registered.contains("-F _crm__ready") && registered.ends_with(" crm-ready"), "{registered}");
    let mut offered: Vec<String> = lines.filter(|l| !l.starts_with('-')).map(String::from).collect();
    offered.sort();
    offered
}

fn words(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn bash_offers_the_built_in_questionnaires_and_files_for_q() {
    let dir = workdir();
    let all = words(&["crm-readiness", "crm-quick", "crm-review", "acme-check.toml", "crm-notes.txt", "archive"]);
    assert_eq!(bash_offers(dir.path(), "crm-ready assess -q "), all);
    assert_eq!(bash_offers(dir.path(), "crm-ready assess --questionnaire "), all);
    assert_eq!(
        bash_offers(dir.path(), "crm-ready assess -q crm-"),
        words(&["crm-readiness", "crm-quick", "crm-review", "crm-notes.txt"])
    );
    assert_eq!(bash_offers(dir.path(), "crm-ready assess -q ac"), words(&["acme-check.toml"]));
    assert_eq!(bash_offers(dir.path(), "crm-ready show crm-qu"), words(&["crm-quick"]));
    assert_eq!(bash_offers(dir.path(), "crm-ready show a"), words(&["acme-check.toml", "archive"]));
}

#[test]
fn every_argument_that_names_a_questionnaire_offers_the_built_ins_and_files() {
    let dir = workdir();
    let all = words(&["crm-readiness", "crm-quick", "crm-review", "acme-check.toml", "crm-notes.txt", "archive"]);
    for line in [
        "crm-ready assess -q ",
        "crm-ready show ",
        "crm-ready trend --org acme -q ",
        "crm-ready round -q ",
        "crm-ready round --org acme --questionnaire ",
        "crm-ready compare -q ",
        "crm-ready lint ",
        "crm-ready lint crm-quick ",
        "crm-ready lint --format text ",
    ] {
        assert_eq!(bash_offers(dir.path(), line), all, "{line}");
    }
    assert_eq!(bash_offers(dir.path(), "crm-ready lint crm-re"), words(&["crm-readiness", "crm-review"]));
    // Every argument of every subcommand that takes a name or a file is
    // offered both in zsh: one line per option spelling, one per positional.
    let cmd = <crm_ready::cli::Cli as clap::CommandFactory>::command();
    let mut lines = 0;
    let mut subcommands = Vec::new();
    for sub in cmd.get_subcommands() {
        for arg in sub.get_arguments() {
            let named = arg.get_value_names().is_some_and(|v| v[0].contains("NAME|PATH") || v[0].contains("FILE|NAME"));
            if named {
                lines += if arg.is_positional() { 1 } else { usize::from(arg.get_short().is_some()) + 1 };
                subcommands.push(sub.get_name());
            }
        }
    }
    assert_eq!(subcommands, ["assess", "show", "lint", "compare", "trend", "round"]);
    let zsh = script("zsh");
    let offered = r#"_alternative "values\:value\:(crm-readiness crm-quick crm-review)" "files\:file\:_files"'"#;
    assert_eq!(zsh.matches(offered).count(), lines, "{zsh}");
}

#[test]
fn man_offers_the_subcommands_pages() {
    let dir = workdir();
    let pages = bash_offers(dir.path(), "crm-ready man ");
    for page in ["assess", "round", "trend", "compare", "lint", "man", "completions"] {
        assert!(pages.contains(&page.to_string()), "{page} missing: {pages:?}");
    }
    assert!(!pages.contains(&"acme-check.toml".to_string()), "a page is not a file: {pages:?}");
    assert_eq!(bash_offers(dir.path(), "crm-ready man ro"), words(&["round"]));
}

#[test]
fn bash_offers_latest_previous_and_files_for_assessments() {
    let dir = workdir();
    let all = words(&["latest", "previous", "acme-check.toml", "crm-notes.txt", "archive"]);
    assert_eq!(bash_offers(dir.path(), "crm-ready report "), all);
    assert_eq!(bash_offers(dir.path(), "crm-ready report l"), words(&["latest"]));
    assert_eq!(bash_offers(dir.path(), "crm-ready compare "), all);
    assert_eq!(bash_offers(dir.path(), "crm-ready compare latest "), all, "each side, once each");
    assert_eq!(bash_offers(dir.path(), "crm-ready compare latest p"), words(&["previous"]));
    assert_eq!(
        bash_offers(dir.path(), "crm-ready compare --org acme previous a"),
        words(&["acme-check.toml", "archive"])
    );
}

#[test]
fn bash_still_offers_only_the_values_of_closed_options() {
    let dir = workdir();
    assert_eq!(bash_offers(dir.path(), "crm-ready report --format "), words(&["table", "json", "markdown", "html"]));
    assert_eq!(
        bash_offers(dir.path(), "crm-ready schema "),
        words(&["report", "history", "round", "compare", "trend", "show", "validate", "lint"])
    );
    assert_eq!(bash_offers(dir.path(), "crm-ready assess --answers ac"), words(&["acme-check.toml"]));
}

fn script(shell: &str) -> String {
    Test::new().args(["completions", shell]).run().exits(0).stdout().to_string()
}

#[test]
fn zsh_offers_values_and_files_together() {
    let zsh = script("zsh");
    let questionnaires =
        r#": _alternative "values\:value\:(crm-readiness crm-quick crm-review)" "files\:file\:_files"'"#;
    let references = r#": _alternative "values\:value\:(latest previous)" "files\:file\:_files"'"#;
    assert_eq!(
        zsh.matches(questionnaires).count(),
        10,
        "-q and --questionnaire of assess, trend, round, compare; show's and lint's argument"
    );
    assert_eq!(zsh.matches(references).count(), 3, "report's argument and compare's two");
    assert!(!zsh.contains(":(crm-readiness crm-quick crm-review)'"), "no bare list of names is left");
}

#[test]
fn fish_offers_values_and_files_together() {
    let fish = script("fish");
    let q: Vec<&str> = fish.lines().filter(|l| l.contains(" -l questionnaire ")).collect();
    assert_eq!(q.len(), 4, "assess, trend, round, compare");
    for line in q {
        assert!(line.contains(" -r -F -a \"crm-readiness"), "{line}");
    }
    for (sub, values) in [
        ("show", "crm-readiness crm-quick crm-review"),
        ("lint", "crm-readiness crm-quick crm-review"),
        ("report", "latest previous"),
        ("compare", "latest previous"),
    ] {
        let line = format!("complete -c crm-ready -n \"__fish_crm_ready_using_subcommand {sub}\" -F -a \"{values}\"");
        assert!(fish.lines().any(|l| l == line), "no line {line}");
    }
}

#[test]
fn help_does_not_claim_the_offered_names_are_the_only_values() {
    let help = Test::new().args(["assess", "--help"]).run().exits(0);
    assert!(!help.stdout().contains("possible values: crm-readiness"), "{}", help.stdout());
    let help = Test::new().args(["report", "--help"]).run().exits(0);
    assert!(!help.stdout().contains("possible values: latest"), "{}", help.stdout());
}
