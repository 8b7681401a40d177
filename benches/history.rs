//! Listing and trend over a store of 10,000 assessments. A listing reads
//! and checks every record in full (a damaged or forged one is skipped), so
//! both take a few seconds here: a store that size is far past real use
//! (hundreds of records), and this measures how the cost grows. The store
//! is built once, with realistic records (the three quarterly examples,
//! fully scored), all of one organisation so the trend covers every file.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use crm_ready::core::answers_file::{Syntax, parse_answers};
use crm_ready::core::history::{RoundScores, StoredAssessment, Summary, trend};
use crm_ready::core::round::rounds;
use crm_ready::core::scoring::score;
use crm_ready::io::input::load_questionnaire;
use crm_ready::io::store::Store;
use crm_ready::io::store::reference::of_organization;
use crm_ready::report::history_tables::{render_history, render_trend};
use crm_ready::report::{TableStyle, to_json};

const RECORDS: usize = 10_000;
const ORG: &str = "Adventure Works Cycles";

/// Writes `RECORDS` records into `dir`, one saved per hour. Plain writes:
/// the store's own save syncs every file, which would make setup take
/// minutes without changing what is measured.
fn fill(dir: &Path) {
    let q = load_questionnaire(None).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scored: Vec<_> = ["q1", "q2", "q3"]
        .iter()
        .map(|quarter| {
            let path = root.join(format!("examples/quarterly-2026-{quarter}.toml"));
            let text = std::fs::read_to_string(&path).unwrap();
            let answers = parse_answers(&text, "bench", Syntax::Toml, &q).unwrap().answers;
            let at: jiff::Timestamp = "2020-01-01T00:00:00Z".parse().unwrap();
            (answers.clone(), score(&q, &answers, at))
        })
        .collect();
    let start: jiff::Timestamp = "2020-01-01T00:00:00Z".parse().unwrap();
    for i in 0..RECORDS {
        let (mut answers, mut assessment) = scored[i % scored.len()].clone();
        let at = start + jiff::SignedDuration::from_hours(i as i64);
        // One round per assessment: a trend of 10,000 points. Answers and
        // assessment agree, as in every record crm-ready writes.
        answers.assessed_at = Some(at);
        answers.label = Some(format!("R{i:05}"));
        assessment.assessed_at = at;
        assessment.label = answers.label.clone();
        let record = StoredAssessment::new(answers, assessment, at, i as u64);
        std::fs::write(dir.join(record.file_name()), to_json(&record)).unwrap();
    }
}

fn history(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    fill(dir.path());
    let store = Store::at(dir.path());
    assert_eq!(store.list().unwrap().entries.len(), RECORDS);

    let mut group = c.benchmark_group("history of 10,000 assessments");
    group.sample_size(10);
    group.bench_function("list (read and check every record)", |b| b.iter(|| black_box(store.list().unwrap())));
    group.bench_function("history table (list and render)", |b| {
        b.iter(|| {
            let listing = store.list().unwrap();
            let entries: Vec<_> = listing.entries.iter().collect();
            black_box(render_history(&entries, TableStyle::default()))
        })
    });
    group.bench_function("trend (list, filter, compute and render)", |b| {
        b.iter(|| {
            let listing = store.list().unwrap();
            let summaries: Vec<&Summary> =
                of_organization(&listing, ORG).unwrap().into_iter().map(|e| &e.summary).collect();
            // Every round here is one assessment, listed from its summary.
            let points = rounds(&summaries)
                .iter()
                .filter_map(|r| r.members.first().map(|s| RoundScores::of_assessment(s, &Default::default())))
                .collect();
            let t = trend(ORG, points);
            black_box(render_trend(&t, TableStyle::default()))
        })
    });
    group.finish();
}

criterion_group!(benches, history);
criterion_main!(benches);
