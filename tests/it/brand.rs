//! `--brand FILE`: checked like every input file (every problem at once,
//! each at its place, exit 2), and applied to the HTML and Markdown reports.

use crate::support::Test;

const QUICK: [&str; 5] = ["assess", "-q", "crm-quick", "--answers", "examples/answers-quick.toml"];

#[test]
fn every_problem_in_a_brand_file_is_reported_at_its_place() {
    let out = Test::new()
        .args(QUICK)
        .args(["--no-save", "-f", "html", "--brand", "tests/fixtures/brand/every-problem.toml"])
        .run()
        .exits(2);
    assert_eq!(out.stdout(), "", "nothing is rendered with a broken brand");
    let expected = "\
error: tests/fixtures/brand/every-problem.toml:1:1: unknown key `nmae` in the brand file
  |
1 | nmae = \"Hartley\"
  | ^^^^
  = help: did you mean `name`?

tests/fixtures/brand/every-problem.toml:2:10: `accent` must be a colour like \"#1f6f8b\", found \"teal\"
  |
2 | accent = \"teal\"
  |          ^^^^^^
  = help: write the colour as # and six (or three) hexadecimal digits

tests/fixtures/brand/every-problem.toml:3:8: the logo `tests/fixtures/brand/missing.png` does not exist
  |
3 | logo = \"missing.png\"
  |        ^^^^^^^^^^^^^
  = help: the path is relative to the brand file; check it, or remove `logo`

tests/fixtures/brand/every-problem.toml:4:10: `footer` in the brand file must be a string, found an integer
  |
4 | footer = 3
  |          ^
4 problems in tests/fixtures/brand/every-problem.toml
";
    assert_eq!(out.stderr(), expected);
}

#[test]
fn a_logo_is_known_by_its_bytes_not_its_name() {
    for command in [&["report", "tests/fixtures/brand/nothing.json"][..], &QUICK[..]] {
        let out = Test::new().args(command).args(["--brand", "tests/fixtures/brand/wrong-logo.toml"]).run().exits(2);
        let stderr = out.stderr();
        assert!(
            stderr.starts_with(
                "error: tests/fixtures/brand/wrong-logo.toml:2:8: the logo `tests/fixtures/brand/not-an-image.png` is not a PNG, JPEG or SVG image\n"
            ),
            "{stderr}"
        );
        assert!(stderr.contains("wrong-logo.toml:3:10: `accent` must be a colour"), "{stderr}");
        assert!(stderr.ends_with("2 problems in tests/fixtures/brand/wrong-logo.toml\n"), "{stderr}");
    }
}

#[test]
fn the_brand_shows_on_the_html_and_markdown_reports() {
    let html =
        Test::new().args(QUICK).args(["--no-save", "-f", "html", "--brand", "examples/brand.toml"]).run().exits(0);
    let html = html.stdout();
    assert!(html.contains(":root { --accent: #1f6f8b; }"), "the accent colour");
    assert!(html.contains("<span class=\"brand-name\">Hartley &amp; Moss Advisory</span>"));
    assert!(html.contains("<img class=\"logo\" src=\"data:image&#x2f;svg+xml;base64,"));
    assert!(html.contains("<p class=\"brand-footer\">Prepared by Hartley &amp; Moss Advisory"));
    assert!(html.contains("@page { @bottom-left { content: \"Prepared\\000020by"), "the footer on every printed page");

    let md =
        Test::new().args(QUICK).args(["--no-save", "-f", "markdown", "--brand", "examples/brand.toml"]).run().exits(0);
    let md = md.stdout();
    assert!(md.contains("- **Prepared by:** Hartley & Moss Advisory\n"), "{md}");
    assert!(md.contains("\nPrepared by Hartley & Moss Advisory for the client's board. Confidential.\n"), "{md}");
}

#[cfg(unix)]
#[test]
fn a_logo_that_is_no_regular_file_is_refused_at_its_place_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.svg");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    std::fs::create_dir(dir.path().join("folder.svg")).unwrap();
    std::os::unix::fs::symlink("/dev/null", dir.path().join("device.svg")).unwrap();
    for (logo, problem) in [
        ("fifo.svg", "is a named pipe (FIFO), not a regular file"),
        ("device.svg", "is a device, not a regular file"),
        ("folder.svg", "is a directory, not a file"),
    ] {
        let brand = dir.path().join(format!("brand-{logo}.toml"));
        std::fs::write(&brand, format!("logo = \"{logo}\"\n")).unwrap();
        let out = Test::new()
            .args(QUICK)
            .args(["--no-save", "-f", "html", "--brand", brand.to_str().unwrap()])
            .run_within(std::time::Duration::from_secs(20))
            .exits(2);
        let expected = format!("{}:1:8: the logo `{}` {problem}", brand.display(), dir.path().join(logo).display());
        assert!(out.stderr().starts_with(&format!("error: {expected}")), "{}", out.stderr());
        assert_eq!(out.stdout(), "");
    }
}
