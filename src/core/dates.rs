//! When an assessment was held: a day (`2026-03-10`, meaning the start of
//! that day in UTC) or an RFC 3339 time, as answers files and `--date`
//! give it. The core reads no clock, so "not in the future" is judged
//! against a `now` the caller passes in.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// What the accepted forms are, for help lines.
pub const DATE_FORMS: &str =
    "write the day it was held as YYYY-MM-DD, e.g. 2026-03-10 (or an RFC 3339 time such as 2026-03-10T09:30:00Z)";

/// Why a text is not a usable assessment date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not in either accepted form.
    NotADate,
    /// In the form of a day, but no such day exists (2026-02-30).
    NoSuchDay,
    /// A date and time without an offset: which moment it is depends on
    /// where it was written.
    NoOffset,
    /// Later than now.
    InFuture,
}

impl DateProblem {
    /// The problem with `text`, given as `subject` (e.g. "`assessed_at`").
    pub fn message(self, subject: &str, text: &str) -> String {
        match self {
            DateProblem::NotADate => format!("{subject} must be a date, found \"{text}\""),
            DateProblem::NoSuchDay => format!("{subject} names a day that does not exist: {text}"),
            DateProblem::NoOffset => format!("{subject} has a time but no UTC offset: {text}"),
            DateProblem::InFuture => format!("{subject} is in the future: {text}"),
        }
    }

    /// How to put it right.
    pub fn help(self) -> &'static str {
        match self {
            DateProblem::NotADate | DateProblem::NoSuchDay => DATE_FORMS,
            DateProblem::NoOffset => "add Z for UTC (e.g. 2026-03-10T09:30:00Z), or give the day alone (2026-03-10)",
            DateProblem::InFuture => "give the day the interview was held: today or earlier",
        }
    }
}

/// Reads `text` as an assessment date: `YYYY-MM-DD` (the start of that day
/// in UTC) or an RFC 3339 timestamp with an offset.
pub fn parse_date(text: &str) -> Result<Timestamp, DateProblem> {
    let (y, m, d) = text.get(..10).and_then(day_parts).ok_or(DateProblem::NotADate)?;
    let day = Date::new(y, m, d).map_err(|_| DateProblem::NoSuchDay)?;
    let rest = &text[10..];
    if rest.is_empty() {
        return TimeZone::UTC
            .to_timestamp(day.to_datetime(jiff::civil::Time::midnight()))
            .map_err(|_| DateProblem::NoSuchDay);
    }
    if !rest.starts_with(['T', 't', ' ']) {
        return Err(DateProblem::NotADate);
    }
    match text.parse::<Timestamp>() {
        Ok(at) => Ok(at),
        Err(_) if text.parse::<DateTime>().is_ok() => Err(DateProblem::NoOffset),
        Err(_) => Err(DateProblem::NotADate),
    }
}

/// Like [`parse_date`], and not later than `now`.
pub fn parse_past_date(text: &str, now: Timestamp) -> Result<Timestamp, DateProblem> {
    parse_date(text).and_then(|at| not_after(at, now))
}

/// `at`, unless it is later than `now`.
pub fn not_after(at: Timestamp, now: Timestamp) -> Result<Timestamp, DateProblem> {
    if at > now { Err(DateProblem::InFuture) } else { Ok(at) }
}

/// `at` as `--date` and answers files take it back: the day alone when it
/// is the start of a day in UTC (as a day given alone is read), else the
/// RFC 3339 time in UTC.
pub fn date_text(at: Timestamp) -> String {
    let time = TimeZone::UTC.to_datetime(at).time();
    if time == jiff::civil::Time::midnight() { at.strftime("%Y-%m-%d").to_string() } else { at.to_string() }
}

/// Year, month and day of text shaped exactly `YYYY-MM-DD`.
fn day_parts(text: &str) -> Option<(i16, i8, i8)> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return None;
    }
    Some((text[..4].parse().ok()?, text[5..7].parse().ok()?, text[8..10].parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn a_day_is_its_start_in_utc_and_a_timestamp_is_itself() {
        assert_eq!(parse_date("2026-03-10"), Ok(at("2026-03-10T00:00:00Z")));
        assert_eq!(parse_date("2026-03-10T09:30:00Z"), Ok(at("2026-03-10T09:30:00Z")));
        assert_eq!(parse_date("2026-03-10T09:30:00+02:00"), Ok(at("2026-03-10T07:30:00Z")));
        assert_eq!(parse_date("2026-03-10 09:30:00Z"), Ok(at("2026-03-10T09:30:00Z")));
        assert_eq!(parse_date("2024-02-29"), Ok(at("2024-02-29T00:00:00Z")), "a leap day");
    }

    #[test]
    fn a_date_is_written_back_in_the_form_that_reads_as_the_same_moment() {
        for (moment, text) in [("2026-03-10T00:00:00Z", "2026-03-10"), ("2026-03-10T09:30:00Z", "2026-03-10T09:30:00Z")]
        {
            assert_eq!(date_text(at(moment)), text);
            assert_eq!(parse_date(text), Ok(at(moment)));
        }
    }

    #[test]
    fn other_texts_say_what_is_wrong() {
        assert_eq!(parse_date("2026-02-30"), Err(DateProblem::NoSuchDay));
        assert_eq!(parse_date("2026-13-01"), Err(DateProblem::NoSuchDay));
        assert_eq!(parse_date("2026-02-30T10:00:00Z"), Err(DateProblem::NoSuchDay));
        assert_eq!(parse_date("last tuesday"), Err(DateProblem::NotADate));
        assert_eq!(parse_date(""), Err(DateProblem::NotADate));
        assert_eq!(parse_date("10/03/2026"), Err(DateProblem::NotADate));
        assert_eq!(parse_date("2026-3-10"), Err(DateProblem::NotADate));
        assert_eq!(parse_date("20260310"), Err(DateProblem::NotADate));
        assert_eq!(parse_date("2026-03-10x"), Err(DateProblem::NotADate));
        assert_eq!(parse_date("2026-03-10T25:00:00Z"), Err(DateProblem::NotADate));
        assert_eq!(parse_date("2026-03-10T09:30:00"), Err(DateProblem::NoOffset));
        assert_eq!(parse_date("２０２６-03-10"), Err(DateProblem::NotADate), "digits are ASCII");
    }

    #[test]
    fn the_future_is_judged_against_the_now_given() {
        let now = at("2026-03-10T12:00:00Z");
        assert_eq!(parse_past_date("2026-03-10", now), Ok(at("2026-03-10T00:00:00Z")), "today is not the future");
        assert_eq!(parse_past_date("2026-03-11", now), Err(DateProblem::InFuture));
        assert_eq!(parse_past_date("2026-03-10T12:00:01Z", now), Err(DateProblem::InFuture));
        assert_eq!(parse_past_date("2026-02-30", now), Err(DateProblem::NoSuchDay), "shape before the clock");
    }

    #[test]
    fn messages_name_the_subject_and_the_forms() {
        let m = DateProblem::NotADate.message("`assessed_at`", "last tuesday");
        assert_eq!(m, "`assessed_at` must be a date, found \"last tuesday\"");
        assert!(DateProblem::NoSuchDay.help().contains("YYYY-MM-DD"));
        assert!(DateProblem::InFuture.message("--date", "2999-01-01").contains("in the future: 2999-01-01"));
    }
}
