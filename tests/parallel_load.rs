//! Large questionnaires are read in parts on several threads. Whatever the
//! parts, the result must be the questionnaire the one-pass reader builds,
//! and for a file with problems, the same messages.

mod support;

use crm_ready::questionnaire::{builtin, parse, parse_in_parts, parse_whole};
use crm_ready::toml_tree::parse_quickly;
use proptest::prelude::*;
use support::generate;

#[allow(dead_code)]
#[path = "../benches/support/generate.rs"]
mod large;

/// Large enough to be read in parts by `parse` (over 256 KiB).
fn large_text() -> String {
    let text = large::questionnaire(1_000);
    assert!(text.len() > 256 * 1024);
    text
}

#[test]
fn every_cut_gives_the_same_questionnaire() {
    let text = large::questionnaire(1_000);
    let whole = parse_whole(&text, "q.toml").unwrap();
    for parts in 2..=8 {
        let joined = parse_in_parts(&text, parts).unwrap_or_else(|| panic!("{parts} parts declined"));
        assert_eq!(joined, whole, "{parts} parts");
    }
    assert_eq!(parse(&text, "q.toml").unwrap(), whole);
}

#[test]
fn the_built_ins_read_in_parts_are_the_same() {
    for b in builtin::BUILTINS {
        let whole = parse_whole(b.source, b.name).unwrap();
        for parts in 2..=4 {
            let joined = parse_in_parts(b.source, parts).unwrap_or_else(|| panic!("{} in {parts} parts", b.name));
            assert_eq!(joined, whole, "{} in {parts} parts", b.name);
        }
    }
}

/// A change to the large text, and whether the file stays valid.
fn edited(from: &str, to: &str) -> String {
    let text = large_text();
    assert!(text.contains(from), "{from:?}");
    text.replacen(from, to, 1)
}

/// An area of one valid question, with ids numbered by `n`.
fn valid_area(n: usize) -> String {
    format!(
        "[[area]]\nid = \"extra{n}\"\ntitle = \"Extra\"\nweight = 1\nwhy = \"Extra.\"\n\
         [[area.question]]\nid = \"x{n}\"\ntext = \"Extra?\"\nhelp = \"Extra.\"\nkind = \"scale\"\nmin = 1\nmax = 5\n\
         [[area.question.band]]\nfrom = 1\nto = 5\nscore = 100\n\n"
    )
}

#[test]
fn problems_spanning_the_parts_are_reported_as_in_one_pass() {
    let cases = [
        // The same question id in the first and the last part.
        edited("id = \"q990\"", "id = \"q5\""),
        // The same area id in two parts.
        edited("id = \"area9\"", "id = \"area0\""),
        // A condition on a question of a later part.
        edited("question = \"q4\"", "question = \"q996\""),
        // An unknown key and a syntax error late in the file.
        edited("id = \"q950\"", "id = \"q950\"\nwieght = 2"),
        edited("text = \"Question 960?\"", "text = \"Question 960?"),
        // Too many areas, once the parts are added up: each part alone
        // is within the limit, so only the join can find it.
        format!("{}{}", large_text(), (0..491).map(valid_area).collect::<String>()),
    ];
    for text in cases {
        let whole = parse_whole(&text, "q.toml").unwrap_err().to_string();
        assert!(parse_in_parts(&text, 4).is_none());
        assert_eq!(parse(&text, "q.toml").unwrap_err().to_string(), whole);
    }
}

#[test]
fn files_the_parts_cannot_join_are_read_in_one_pass() {
    let cases = [
        // Thresholds after the areas.
        format!("{}[scoring]\nready_at = 80\n", large_text()),
        // An `[[area]]` line inside a multi-line string.
        edited("help = \"Why question 700 matters.\"", "help = \"\"\"Why\n[[area]]\nmatters.\"\"\""),
    ];
    for text in cases {
        let whole = parse_whole(&text, "q.toml").unwrap();
        assert!(parse_in_parts(&text, 4).is_none());
        assert_eq!(parse(&text, "q.toml").unwrap(), whole);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Generated questionnaires, with conditions on questions of earlier
    /// areas, read in any number of parts.
    #[test]
    fn generated_questionnaires_read_in_parts_are_the_same(q in generate::questionnaire(), parts in 2usize..6) {
        let text = q.to_toml();
        let whole = parse_whole(&text, "q.toml").unwrap();
        match parse_in_parts(&text, parts) {
            Some(joined) => prop_assert_eq!(joined, whole),
            // Declining is right only for a text not cut in two parts that
            // both hold areas, or one the quick reader leaves to the full
            // parser.
            None => {
                let (head, tail) = text.split_at(text.len() / parts);
                let area = "\n[[area]]\n";
                prop_assert!(!head.contains(area) || !tail.contains(area) || parse_quickly(&text).is_none());
            }
        }
    }
}
