//! The quick TOML reader against the full parser: whatever the quick reader
//! accepts, the full parser accepts too and reads into the same tree, keys,
//! values and positions alike; whatever the full parser rejects, the quick
//! reader declines, so every error message comes from the full parser.

use std::fmt::Write;
use std::path::Path;

use crm_ready::toml_tree::{Node, Table, Value, parse_fully, parse_part, parse_quickly};
use proptest::prelude::*;

#[path = "../benches/support/generate.rs"]
mod generate;

/// The tree written out with positions, keys sorted, for comparison.
fn dump(table: &Table<'_>) -> String {
    let mut out = String::new();
    dump_table(table, &mut out);
    out
}

fn dump_table(table: &Table<'_>, out: &mut String) {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by(|a, b| a.0.get_ref().cmp(b.0.get_ref()));
    out.push('{');
    for (key, node) in entries {
        let _ = write!(out, "{:?}@{:?}=", key.get_ref(), key.span());
        dump_node(node, out);
        out.push(',');
    }
    out.push('}');
}

fn dump_node(node: &Node<'_>, out: &mut String) {
    let _ = write!(out, "@{:?}:", node.span());
    match node.get_ref() {
        Value::String(s) => {
            let _ = write!(out, "s{s:?}");
        }
        Value::Integer(i) => {
            let _ = write!(out, "i{i}");
        }
        Value::BigInteger(f) => {
            let _ = write!(out, "I{f}");
        }
        Value::Float(f) => {
            let _ = write!(out, "f{:?}", f.to_bits());
        }
        Value::Boolean(b) => {
            let _ = write!(out, "b{b}");
        }
        Value::Datetime => out.push('d'),
        Value::Array(a) => {
            out.push('[');
            for item in &a.items {
                dump_node(item, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Table(t) => dump_table(t, out),
    }
}

/// The property: the quick reader never accepts what the full parser
/// rejects, nor reads anything differently.
fn agree(source: &str) -> Result<bool, String> {
    let full = parse_fully(source);
    match (parse_quickly(source), full) {
        (Some(quick), Ok(full)) => {
            let (q, f) = (dump(&quick), dump(&full));
            if q == f { Ok(true) } else { Err(format!("trees differ for {source:?}\nquick {q}\nfull  {f}")) }
        }
        (Some(_), Err(e)) => Err(format!("quick reader accepted what the full parser rejects: {source:?}: {e:?}")),
        (None, _) => Ok(false),
    }
}

fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn every_file_in_the_project_reads_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["questionnaires", "examples", "tests/fixtures"] {
        toml_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "{}", files.len());
    let mut quick = 0;
    for file in &files {
        let Ok(source) = std::fs::read_to_string(file) else { continue };
        match agree(&source) {
            Ok(read) => quick += usize::from(read),
            Err(e) => panic!("{}: {e}", file.display()),
        }
    }
    // Most fixtures are broken on purpose; the good ones read quickly.
    assert!(quick > 60, "{quick}");
}

#[test]
fn what_we_write_takes_the_quick_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["questionnaires", "examples"] {
        toml_files(&root.join(dir), &mut files);
    }
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        assert_eq!(agree(&source), Ok(true), "{}", file.display());
    }
    assert_eq!(agree(&generate::questionnaire(500)), Ok(true));
    assert_eq!(agree(&generate::answers(500)), Ok(true));
}

/// Lines that are valid, invalid, or beyond the quick reader, in every
/// corner the two could disagree on.
const LINES: &[&str] = &[
    "[a]",
    "[a.b]",
    "[ a . b ]",
    "[[a]]",
    "[[a.b]]",
    "[[ a.b ]]",
    "[\"a\".b]",
    "['a b']",
    "[a.b.c]",
    "[]",
    "[a",
    "[[a]",
    "x = 1",
    "x = -0",
    "x = +7",
    "x = 007",
    "x = 1_000",
    "x = 0x1f",
    "x = 99999999999999999999",
    "x = -9223372036854775808",
    "x = 1.5",
    "x = -2.5e3",
    "x = 1e5",
    "x = 1E+5",
    "x = 1.",
    "x = .5",
    "x = inf",
    "x = nan",
    "x = 1979-05-27",
    "x = 07:32:00",
    "x = true",
    "x = false",
    "x = truex",
    "x = \"plain\"",
    "x = \"\"",
    "x = ''",
    "x = 'lit\\eral'",
    "x = \"esc \\\" \\\\ \\n \\t \\u00e9 \\U0001F600\"",
    "x = \"bad \\q\"",
    "x = \"esc \\e\"",
    "x = \"hex \\x41\"",
    "x = \"surrogate \\uD800\"",
    "x = \"tab\tin\"",
    "x = \"bell\u{7}\"",
    "x = \"del\u{7f}\"",
    "x = \"unterminated",
    "x = \"\"\"multi\"\"\"",
    "x = '''multi'''",
    "x = \"é ünïcödé \u{202e}\"",
    "x = [1, 2, 3]",
    "x = [1, 2, 3,]",
    "x = []",
    "x = [ ]",
    "x = [,]",
    "x = [[1], ['a']]",
    "x = [1 2]",
    "x = [1, # comment",
    "x = [",
    "x = { a = 1, b = \"two\" }",
    "x = {}",
    "x = { a = 1, }",
    "x = { a = 1, a = 2 }",
    "x = { a.b = 1 }",
    "x = { a = { b = 1 } }",
    "x.y = 1",
    "\"x.y\" = 1",
    "'x y' = 1",
    "\"\" = 1",
    "y = 2",
    "y = 2 # trailing",
    "y = 2 junk",
    "= 3",
    "# a comment",
    "# a comment with \u{1} control",
    "#\ttab",
    "",
    "   ",
    "\tz = 3",
    "b = 1",
    "c = 1",
    "b.c = 1",
];

fn document() -> impl Strategy<Value = String> {
    let line = prop::sample::select(LINES);
    let newline = prop::sample::select(&["\n", "\r\n", "\r", "\n\n"][..]);
    prop::collection::vec((line, newline), 0..12).prop_map(|lines| {
        let mut s = String::new();
        for (line, newline) in lines {
            s.push_str(line);
            s.push_str(newline);
        }
        s
    })
}

#[test]
fn each_line_alone_agrees() {
    for line in LINES {
        for doc in [line.to_string(), format!("{line}\n"), format!("[t]\n{line}\n"), format!("\u{feff}{line}")] {
            if let Err(e) = agree(&doc) {
                panic!("{e}");
            }
        }
    }
}

/// Cases the property test found: a table made on the way to a deeper
/// header, then defined by its own header, is named where that header names
/// it.
#[test]
fn found_cases_agree() {
    for doc in ["[a.b.c]\n[a]\n", "[a.b.c]\n[\"a\".b]\n", "[a.b.c]\n[ a ]\nx = 1\n"] {
        assert_eq!(agree(doc), Ok(true), "{doc:?}");
    }
}

/// The same array header again goes straight to its array; whatever came
/// between must not have moved it.
#[test]
fn repeated_array_headers_agree() {
    for doc in [
        "[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n",
        "[[a.b]]\n[[a.b]]\n[a.c]\n[[a.b]]\n",
        "[[a.b]]\nx = { y = 1 }\n[[a.b]]\n[[a]]\n[[a.b]]\n",
        "[[a]]\n[[a]]\n[[a.b]]\n[[a.b]]\n[[a]]\n[[a.b]]\n",
        "[a]\n[[a.b]]\n[[a.b]]\n[a]\n[[a.b]]\n",
        "[[a]]\nb = 1\n[[a.b]]\n[[a.b]]\n",
        "[[a]]\n[a]\n[[a]]\n",
        "[[ a ]]\n[[a]]\n[[ a ]]\n",
    ] {
        assert!(agree(doc).is_ok(), "{doc:?}: {:?}", agree(doc));
    }
    assert_eq!(agree("[[a]]\nx = 1\n[[a]]\nx = 2\n[[a]]\n"), Ok(true));
}

/// A part of a larger text reads as that text's lines alone would, with
/// positions in the whole text.
#[test]
fn parts_read_with_positions_in_the_whole() {
    let source = generate::questionnaire(300);
    let areas: Vec<usize> = source.match_indices("[[area]]\n").map(|(at, _)| at).collect();
    for (start, end) in [(areas[1], areas[2]), (areas[2], source.len()), (0, areas[1])] {
        let part = parse_part(&source, start..end).expect("a plain part");
        // The same lines after a comment as long as what comes before them.
        let mut alone = String::new();
        if start > 0 {
            alone.push('#');
            alone.push_str(&" ".repeat(start - 2));
            alone.push('\n');
        }
        alone.push_str(&source[start..end]);
        assert_eq!(dump(&part), dump(&parse_quickly(&alone).expect("plain")));
    }
    let e_acute = "x = \"\u{e9}\"\n";
    assert!(parse_part(e_acute, 6..e_acute.len()).is_none());
    assert!(parse_part(e_acute, 0..100).is_none());
    #[allow(clippy::reversed_empty_ranges)]
    let backwards = 5..2;
    assert!(parse_part(e_acute, backwards).is_none());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_documents_agree(doc in document()) {
        if let Err(e) = agree(&doc) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn cut_off_files_agree(cut in 0usize..2000) {
        let source = generate::questionnaire(3);
        let mut at = cut.min(source.len());
        while !source.is_char_boundary(at) {
            at -= 1;
        }
        if let Err(e) = agree(&source[..at]) {
            prop_assert!(false, "{}", e);
        }
    }
}
