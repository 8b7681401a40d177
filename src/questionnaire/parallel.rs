//! Reading a large questionnaire in parts at once, one thread per part.
//!
//! A file of thousands of questions is cut before `[[area]]` lines; each
//! part is read into a tree and its areas are checked on a thread of its
//! own, and the parts are then joined in file order. This path only ever
//! *accepts*: a part the quick reader declines, any problem in any part,
//! anything that ties the parts together in a way the join does not handle
//! (a table after the areas, an id used in two parts), and the caller reads
//! the whole file the ordinary way, which finds and words every problem. So
//! a valid file gives the same questionnaire either way, and an invalid one
//! the same messages.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;
use std::thread::{Scope, ScopedJoinHandle};

use super::load::{AreasRead, Loader, TOP_KEYS, content_hash};
use super::model::{Header, QuestionIndex, Questionnaire, Thresholds, index_questions};
use super::when::check_references;
use crate::diagnostic::Diagnostics;
use crate::limits::{MAX_AREAS, MAX_QUESTIONS};
use crate::toml_tree::{self, Fields, Table, Value};

/// Smaller files are read on one thread: starting threads would cost more
/// than it saves.
const PARALLEL_FROM: usize = 256 * 1024;

/// Each part is at least this large.
const MIN_PART: usize = 128 * 1024;

/// Beyond this, more threads add little: the join is done on one.
const MAX_PARTS: usize = 8;

/// Reads `source` in parts on several threads when it is large enough and
/// the machine has the cores; `None` when it is not, or whenever the
/// ordinary path must read it (see the module's comment).
pub(super) fn parse(source: &str) -> Option<Questionnaire> {
    if source.len() < PARALLEL_FROM {
        return None;
    }
    let parts = cores().min(source.len() / MIN_PART).min(MAX_PARTS);
    parse_in_parts(source, parts)
}

/// How many threads can run at once; asked once per process.
fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

/// Reads `source` in up to `parts` parts, whatever its size: `parse`
/// calls it for large files, and tests with other part counts, to compare
/// the result with the one-pass reader's.
#[doc(hidden)]
pub fn parse_in_parts(source: &str, parts: usize) -> Option<Questionnaire> {
    let ranges = part_ranges(source, parts);
    if ranges.len() < 2 {
        return None;
    }
    std::thread::scope(|scope| {
        let hash = start(scope, || content_hash(source));
        let rest: Vec<_> =
            ranges[1..].iter().map(|range| start(scope, || read_later_part(source, range.clone()))).collect();
        // The first part too is read on a thread of its own: measured with
        // glibc's allocator, freeing its tree here, where the join makes
        // large blocks, cost more than the thread.
        let first = start(scope, || read_first_part(source, ranges[0].clone()));
        // Every started thread is joined before the answer is known.
        let first = first.and_then(finish);
        let rest: Vec<Option<Part>> = rest.into_iter().map(|part| part.and_then(finish)).collect();
        let hash = hash.map(finish)?;
        let (header, scoring, first) = first?;
        join(header, scoring, first, rest.into_iter().collect::<Option<_>>()?, hash)
    })
}

/// Starts `work` on a thread of the scope; `None` when the system will not
/// start one (a process limit in a container, say), and the file then goes
/// to the one-pass reader.
fn start<'scope, T: Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Option<ScopedJoinHandle<'scope, T>> {
    std::thread::Builder::new().spawn_scoped(scope, work).ok()
}

/// A thread's result; its panic is passed on, as the one-pass reader's
/// would be, rather than hidden behind a quiet fallback.
fn finish<T>(thread: ScopedJoinHandle<'_, T>) -> T {
    thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Where the parts start and end: cut at the first `[[area]]` line at or
/// after each even share of the text.
fn part_ranges(source: &str, parts: usize) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    for k in 1..parts {
        let mut from = (source.len() / parts * k).max(starts[starts.len() - 1] + 1);
        // An even share may end inside a character: search from the next.
        while from < source.len() && !source.is_char_boundary(from) {
            from += 1;
        }
        let Some(cut) = source.get(from..).and_then(next_area_line) else { break };
        starts.push(from + cut);
    }
    let mut ends: Vec<usize> = starts[1..].to_vec();
    ends.push(source.len());
    starts.into_iter().zip(ends).map(|(start, end)| start..end).collect()
}

/// Where the next line that is exactly an `[[area]]` header starts.
fn next_area_line(text: &str) -> Option<usize> {
    const HEADER: &str = "\n[[area]]";
    let mut from = 0;
    loop {
        let at = from + text.get(from..)?.find(HEADER)?;
        let after = text.as_bytes().get(at + HEADER.len());
        if matches!(after, None | Some(b'\n' | b'\r' | b' ' | b'\t' | b'#')) {
            return Some(at + 1);
        }
        from = at + HEADER.len();
    }
}

/// The first part: the questionnaire's header and thresholds, and its
/// first areas.
fn read_first_part(source: &str, range: Range<usize>) -> Option<(Header, Thresholds, Part)> {
    let doc = toml_tree::parse_part(source, range)?;
    // Later parts add to `area` with `[[area]]`, which needs an array of
    // tables to add to.
    if !matches!(doc.get("area").map(|node| node.get_ref()), Some(Value::Array(a)) if a.of_tables) {
        return None;
    }
    let mut errs = Diagnostics::new();
    let mut loader = Loader::new(source, &mut errs);
    let top = loader.top(&doc, 0..0)?;
    let mut read = AreasRead::default();
    loader.areas(top.area_tables, &mut read)?;
    let header = top.header?;
    errs.is_empty().then(|| (header, top.scoring, Part::indexed(read)))
}

/// A later part: areas only, starting with an `[[area]]` line.
fn read_later_part(source: &str, range: Range<usize>) -> Option<Part> {
    let doc = toml_tree::parse_part(source, range)?;
    // Anything but areas (a `[scoring]` after them, say) is left to the
    // ordinary path, which knows what else the file holds.
    if doc.len() != 1 {
        return None;
    }
    let mut errs = Diagnostics::new();
    let area_tables = area_tables(&doc, &mut errs);
    let mut read = AreasRead::default();
    Loader::new(source, &mut errs).areas(area_tables, &mut read)?;
    errs.is_empty().then(|| Part::indexed(read))
}

/// One part's areas and questions, with its question ids indexed on its
/// own thread.
struct Part {
    read: AreasRead,
    index: QuestionIndex,
}

impl Part {
    fn indexed(read: AreasRead) -> Self {
        let index = index_questions(&read.questions);
        Part { read, index }
    }
}

/// The `[[area]]` tables of a part's root.
fn area_tables<'t, 'i>(doc: &'t Table<'i>, errs: &mut Diagnostics) -> Vec<(&'t Table<'i>, crate::diagnostic::Span)> {
    Fields::new(doc, 0..0, "the questionnaire file", TOP_KEYS, errs).tables("area", errs)
}

/// Joins the parts in file order and checks what spans them: the limits,
/// unique ids, and conditions, which may name a question of an earlier part.
fn join(header: Header, scoring: Thresholds, first: Part, rest: Vec<Part>, hash: String) -> Option<Questionnaire> {
    let Part { read: mut all, mut index } = first;
    // Room for everything at once: growing step by step would copy the
    // questions read so far again.
    all.areas.reserve(rest.iter().map(|part| part.read.areas.len()).sum());
    all.questions.reserve(rest.iter().map(|part| part.read.questions.len()).sum());
    all.conditions.reserve(rest.iter().map(|part| part.read.conditions.len()).sum());
    index.reserve(rest.iter().map(|part| part.index.len()).sum());
    for Part { read: part, index: part_index } in rest {
        let (areas_before, questions_before) = (all.areas.len(), all.questions.len());
        all.areas.extend(part.areas.into_iter().map(|mut area| {
            area.questions = area.questions.start + questions_before..area.questions.end + questions_before;
            area
        }));
        all.questions.extend(part.questions.into_iter().map(|mut question| {
            question.area += areas_before;
            question
        }));
        all.conditions.extend(part.conditions.into_iter().map(|(at, raw)| (at + questions_before, raw)));
        for (id, at) in part_index {
            // The same question id in two parts.
            if index.insert(id, at + questions_before).is_some() {
                return None;
            }
        }
    }
    if all.areas.len() > MAX_AREAS || all.questions.len() > MAX_QUESTIONS {
        return None;
    }
    let mut area_ids = HashSet::with_capacity(all.areas.len());
    if !all.areas.iter().all(|area| area_ids.insert(area.id.as_str())) {
        return None;
    }
    let mut errs = Diagnostics::new();
    check_references(&mut all.questions, &index, all.conditions, &mut errs);
    errs.is_empty().then(|| Questionnaire::assemble(header, scoring, all.areas, all.questions, index, hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_only_before_whole_area_header_lines() {
        let text = "[questionnaire]\n[[area]]\nid = 1\n[[area.question]]\n[[area]] # next\nid = 2\n[[area]]x\n[[area]]";
        let ranges = part_ranges(text, 8);
        let starts: Vec<&str> = ranges.iter().map(|r| text[r.clone()].lines().next().unwrap_or("")).collect();
        assert_eq!(starts, ["[questionnaire]", "[[area]]", "[[area]] # next", "[[area]]"]);
        assert_eq!(ranges.last().map(|r| r.end), Some(text.len()));
        assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn a_share_ending_inside_a_character_still_cuts() {
        // Each even share ends inside a three-byte character.
        let area = "[[area]]\nwhy = \"€€€€€€€€€€\"\n";
        let text = format!("##\n{}", area.repeat(4));
        let ranges = part_ranges(&text, 4);
        assert_eq!(ranges.len(), 4, "{ranges:?}");
        assert!(ranges[1..].iter().all(|r| text[r.clone()].starts_with("[[area]]")));
    }

    #[test]
    fn a_text_without_area_lines_is_one_part() {
        assert_eq!(part_ranges("[questionnaire]\nid = \"x\"\n", 4), vec![0..25]);
    }
}
