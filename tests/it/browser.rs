//! The HTML reports in a real browser: headless Chromium builds the page,
//! we read the DOM it built, print it to PDF and count the pages.
//!
//! Console errors: the page runs no script and may load nothing (its
//! Content-Security-Policy allows inline styles and `data:` images only),
//! so a healthy page makes the console say nothing at all. Chromium is run
//! with `--enable-logging=stderr --v=0`, which writes every console message
//! (a blocked load, a script that tried to run, an uncaught error) to
//! stderr as a line with `:CONSOLE`; any such line fails the test. A control
//! page that breaks the policy proves, on the Chromium at hand, that such
//! messages are seen.
//!
//! Skipped, saying so, without Chromium; under `CRM_READY_REQUIRE_TOOLS`
//! (as `.ci/run` sets) a missing Chromium fails instead.

use std::ops::RangeInclusive;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::tool_available;

const CHROMIUM: &str = "chromium";
const INSTALL: &str = "apt-get install chromium";

/// What the browser made of a page.
pub struct Rendered {
    /// The DOM as the browser built it.
    pub dom: String,
    /// Console messages, one a line.
    pub console: Vec<String>,
}

/// Runs headless Chromium on `page` with `mode` (`--dump-dom` or
/// `--print-to-pdf=FILE`) and returns its stdout and stderr.
fn chromium(page: &Path, mode: &str) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args([mode, &url])
        .env("HOME", profile.path())
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {CHROMIUM}: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{CHROMIUM} {mode} failed on {}:\n{stderr}", page.display());
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// The page as the browser built it, and what its console said.
pub fn render(page: &Path) -> Rendered {
    let (dom, stderr) = chromium(page, "--dump-dom");
    let console =
        stderr.lines().filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught")).map(String::from).collect();
    Rendered { dom, console }
}

/// How many pages `page` prints to.
pub fn printed_pages(page: &Path) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    chromium(page, &format!("--print-to-pdf={}", pdf.display()));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    // Each page is an object `/Type /Page`; the page tree is `/Type /Pages`.
    let mut pages = 0;
    for marker in [&b"/Type /Page"[..], &b"/Type/Page"[..]] {
        pages += bytes.windows(marker.len() + 1).filter(|w| w.starts_with(marker) && w[marker.len()] != b's').count();
    }
    pages
}

/// Opens an HTML report in the browser and checks it: no console message,
/// every text of `shows` in the DOM, and a page count in `pages` when
/// printed. The round page's test calls this with its own texts. False when
/// Chromium is missing (the test is then skipped, and has said so).
pub fn check_in_browser(page: &Path, shows: &[&str], pages: RangeInclusive<usize>) -> bool {
    if !tool_available(CHROMIUM, INSTALL) {
        return false;
    }
    let rendered = render(page);
    assert!(rendered.console.is_empty(), "the console spoke:\n{}", rendered.console.join("\n"));
    for text in shows {
        assert!(rendered.dom.contains(text), "{text:?} is not in the page the browser built");
    }
    let printed = printed_pages(page);
    assert!(pages.contains(&printed), "printed to {printed} pages, expected {pages:?}");
    true
}

/// An assessment's report, saved by the binary into `dir`.
fn assessment_page(dir: &Path, questionnaire: &str, answers: &str) -> std::path::PathBuf {
    let page = dir.join(format!("{questionnaire}.html"));
    crate::support::Test::new()
        .args(["assess", "-q", questionnaire, "--answers", answers, "--no-save", "-o", page.to_str().unwrap()])
        .run()
        .exits(0);
    page
}

#[test]
fn the_console_check_sees_a_page_that_breaks_the_rules() {
    if !tool_available(CHROMIUM, INSTALL) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("control.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\
         </head><body><img src=\"https://example.invalid/logo.png\"><script>undefinedFunction()</script></body></html>",
    )
    .unwrap();
    let rendered = render(&page);
    assert!(
        rendered.console.len() >= 2,
        "a blocked image and a blocked script, yet the console said: {:?}",
        rendered.console
    );
}

#[test]
fn the_full_assessment_reads_and_prints_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let page = assessment_page(dir.path(), "crm-readiness", "examples/answers-ready.toml");
    check_in_browser(&page, &["Northwind Traders", "Ready", "Executive summary", "Appendix: every question"], 2..=8);
}

#[test]
fn the_quick_check_reads_and_prints_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let page = assessment_page(dir.path(), "crm-quick", "examples/answers-quick.toml");
    check_in_browser(&page, &["Fabrikam Garden Centres", "Ready with conditions", "capped: 2 major red flags"], 2..=8);
}

#[test]
fn hostile_text_stays_text_in_a_browser() {
    if !tool_available(CHROMIUM, INSTALL) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = super::html_report::hostile_html(dir.path());
    let rendered = render(&page);
    assert!(rendered.console.is_empty(), "something tried to load or run:\n{}", rendered.console.join("\n"));
    assert_eq!(rendered.dom.matches("<script").count(), 1, "only the data element");
    for injected in ["<img src=\"x\"", "<svg onload", "<iframe", "<style>body", "<a href=\"javascript"] {
        assert!(!rendered.dom.contains(injected), "{injected} became an element");
    }
    assert!(rendered.dom.contains("&lt;script&gt;alert(3)&lt;/script&gt; Who owns it?"), "shown as text");
}

#[test]
fn the_round_reads_and_prints_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    for who in ["management", "it", "users", "owners"] {
        crate::support::Test::new()
            .env("CRM_READY_STORE", &store)
            .args(["assess", "--answers", &format!("examples/round/{who}.toml")])
            .run()
            .exits(0);
    }
    let page = dir.path().join("round.html");
    crate::support::Test::new()
        .env("CRM_READY_STORE", &store)
        .args(["round", "--org", "Wide World Importers", "-o", page.to_str().unwrap()])
        .run()
        .exits(0);
    // Four respondents' 92 merged actions and 65 questions answered four
    // times each: the summary and the chart take three pages, the plan and
    // the appendix most of the rest (about 22 in all).
    check_in_browser(
        &page,
        &["Wide World Importers", "Not ready", "Groups disagree (7)", "Areas by stakeholder group", "Everyone asked"],
        12..=30,
    );
}
