//! The wall clock, for the edges: the core is handed times, never reads one.

/// The current time, to the second.
pub fn now() -> jiff::Timestamp {
    let t = jiff::Timestamp::now();
    jiff::Timestamp::from_second(t.as_second()).unwrap_or(t)
}
