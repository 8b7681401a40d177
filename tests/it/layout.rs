//! The test tree holds together: with `autotests = false`, a file that is
//! not a module of one of the two test binaries would never run, and a
//! snapshot whose test is gone would never be checked.

use std::path::Path;

use crate::support::ROOT;

fn names(dir: &str, extension: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(extension))
        .collect();
    names.sort();
    names
}

#[test]
fn every_test_file_is_a_module_of_a_test_binary() {
    assert_eq!(names("tests", ".rs"), Vec::<String>::new(), "tests/*.rs are not built: move them into tests/it/");
    for binary in ["it", "pty"] {
        let dir = format!("tests/{binary}");
        let main = std::fs::read_to_string(Path::new(ROOT).join(&dir).join("main.rs")).unwrap();
        for file in names(&dir, ".rs").iter().filter(|name| *name != "main.rs") {
            let module = format!("mod {};", file.trim_end_matches(".rs"));
            assert!(main.lines().any(|line| line == module), "{dir}/{file} is not declared in {dir}/main.rs");
        }
    }
}

/// insta names a snapshot `it__MODULE__TEST.snap` (`-2` and so on for a
/// test's later snapshots).
#[test]
fn every_snapshot_belongs_to_a_test() {
    let old_place = Path::new(ROOT).join("tests/snapshots");
    assert!(
        !old_place.exists(),
        "tests/snapshots/MODULE__TEST.snap belong in tests/it/snapshots/it__MODULE__TEST.snap"
    );
    let snapshots = names("tests/it/snapshots", ".snap");
    assert!(!snapshots.is_empty());
    for snapshot in snapshots {
        let stem = snapshot.trim_end_matches(".snap");
        let mut parts = stem.splitn(3, "__");
        let (Some("it"), Some(module), Some(test)) = (parts.next(), parts.next(), parts.next()) else {
            panic!("tests/it/snapshots/{snapshot} is not named it__MODULE__TEST.snap");
        };
        let test = test.rsplit_once('-').filter(|(_, n)| n.parse::<u32>().is_ok()).map_or(test, |(name, _)| name);
        let source = std::fs::read_to_string(Path::new(ROOT).join(format!("tests/it/{module}.rs"))).unwrap_or_default();
        assert!(
            source.contains(&format!("fn {test}(")),
            "tests/it/snapshots/{snapshot}: no test `{test}` in tests/it/{module}.rs"
        );
    }
}
