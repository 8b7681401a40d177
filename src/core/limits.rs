//! Caps on input sizes. Questionnaires come from third parties: a file that
//! is too large or too deep is refused with a clear message rather than
//! exhausting memory or the screen.

/// Largest questionnaire or answers file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Most areas in one questionnaire.
pub const MAX_AREAS: usize = 500;
/// Most questions in one questionnaire.
pub const MAX_QUESTIONS: usize = 20_000;
/// Most choices or bands on one question.
pub const MAX_OPTIONS: usize = 100;
/// Most conditions on one question.
pub const MAX_CONDITIONS: usize = 20;
/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;
/// Longest title, label or one-line field, in characters.
pub const MAX_LABEL_CHARS: usize = 300;
/// Longest help, why, recommendation or answer text, in characters.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// Largest weight of an area or a question: beyond it one item would drown
/// all the others.
pub const MAX_WEIGHT: f64 = 1000.0;
/// Smallest weight of an area or a question: below it an item counts for
/// nothing, and sums of tiny weights lose their precision (1e-300 would
/// give another verdict than the same weights scaled up).
pub const MIN_WEIGHT: f64 = 0.01;
/// Largest number, of either sign, a scale or number question takes as a
/// bound, a band's end or an answer (a number question without `min` or
/// `max` takes answers within it): no count in a CRM project comes near a
/// billion, and beyond it numbers only lose precision and fill the screen.
pub const MAX_NUMBER: f64 = 1e9;
/// Most costly hints worked out per file (a "did you mean" that compares
/// with every id, a search for a cycle of conditions): a hostile file could
/// otherwise ask for millions. Past it, problems get the plain message.
pub const MAX_COSTLY_HINTS: usize = 16;
/// Most problems printed per file, then a count of the rest: a file with
/// thousands of mistakes is fixed from the top, and printing them all would
/// bury the first ones.
pub const MAX_PROBLEMS_SHOWN: usize = 100;
/// Most answers or notes in one answers file.
pub const MAX_ANSWERS: usize = MAX_QUESTIONS;
