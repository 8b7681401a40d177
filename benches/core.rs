//! Load + validate + score: the built-in full questionnaire and a generated
//! 10,000-question one. Targets: built-in under 1 ms, 10,000 under 50 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use crm_ready::core::answers::Answers;
use crm_ready::core::answers_file::{Syntax, parse_answers};
use crm_ready::core::assessment::Assessment;
use crm_ready::core::questionnaire::{Questionnaire, builtin, parse};
use crm_ready::core::scoring::score;
use crm_ready::core::toml_fields;

#[path = "support/generate.rs"]
mod generate;

/// Load, validate and score. The results are handed back and freed inside
/// the measurement: keeping them alive instead (`iter_with_large_drop`)
/// measured slower, as every run then starts on memory never touched.
fn pipeline(source: &str, answers: &str) -> (Questionnaire, Answers, Assessment) {
    let q = parse(source, "q.toml").expect("valid questionnaire");
    let a = parse_answers(answers, "a.toml", Syntax::Toml, &q).expect("valid answers").answers;
    let assessment = score(&q, &a, jiff::Timestamp::UNIX_EPOCH);
    (q, a, assessment)
}

fn bench(c: &mut Criterion) {
    let full = builtin::find("crm-readiness").expect("built-in").source;
    let ready = include_str!("../examples/answers-ready.toml");
    c.bench_function("load+validate+score crm-readiness", |b| b.iter(|| pipeline(black_box(full), black_box(ready))));

    let big = generate::questionnaire(10_000);
    let big_answers = generate::answers(10_000);
    let mut group = c.benchmark_group("generated 10k");
    group.sample_size(20);
    group.bench_function("load+validate", |b| b.iter(|| parse(black_box(&big), "q.toml").expect("valid")));
    // The stages on their own, to see where the time goes. The tree is
    // read here in one piece on one thread, and freed: both are part of
    // loading.
    group.bench_function("stage: TOML tree", |b| b.iter(|| toml_fields::parse(black_box(&big)).expect("valid").span()));
    let q = parse(&big, "q.toml").expect("valid");
    group.bench_function("stage: answers", |b| {
        b.iter(|| parse_answers(black_box(&big_answers), "a.toml", Syntax::Toml, &q).expect("valid"))
    });
    let a = parse_answers(&big_answers, "a.toml", Syntax::Toml, &q).expect("valid").answers;
    group.bench_function("stage: score", |b| b.iter(|| score(&q, black_box(&a), jiff::Timestamp::UNIX_EPOCH)));
    group.bench_function("load+validate+score", |b| b.iter(|| pipeline(black_box(&big), black_box(&big_answers))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
