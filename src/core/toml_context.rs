//! How a table is named in messages ("question `vision.goal`", "a choice of
//! question `vision.goal`"), put into words only when a message needs it:
//! a valid file of thousands of questions then costs no text at all.

use std::fmt;

#[derive(Debug, Clone, Copy)]
pub enum Context<'a> {
    /// A name of its own: "the questionnaire file", "`[scoring]`".
    Fixed(&'static str),
    /// A kind and an id: "question `vision.goal`".
    Named(&'static str, &'a str),
    /// A kind and its place, for a table without a usable id: "area 3".
    Numbered(&'static str, usize),
    /// A table inside another: "a choice of question `vision.goal`".
    Within(&'static str, &'a Context<'a>),
    /// A named table inside another: "choice `yes` of question `x`".
    NamedWithin(&'static str, &'a str, &'a Context<'a>),
}

impl fmt::Display for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Context::Fixed(name) => f.write_str(name),
            Context::Named(what, id) => write!(f, "{what} `{id}`"),
            Context::Numbered(what, n) => write!(f, "{what} {n}"),
            Context::Within(what, parent) => write!(f, "{what} of {parent}"),
            Context::NamedWithin(what, id, parent) => write!(f, "{what} `{id}` of {parent}"),
        }
    }
}

impl From<&'static str> for Context<'_> {
    fn from(name: &'static str) -> Self {
        Context::Fixed(name)
    }
}

#[cfg(test)]
mod tests {
    use super::Context;

    #[test]
    fn reads_as_before() {
        let q = Context::Named("question", "vision.goal");
        assert_eq!(q.to_string(), "question `vision.goal`");
        assert_eq!(Context::Within("a choice", &q).to_string(), "a choice of question `vision.goal`");
        assert_eq!(Context::NamedWithin("choice", "yes", &q).to_string(), "choice `yes` of question `vision.goal`");
        assert_eq!(Context::Numbered("area", 3).to_string(), "area 3");
        assert_eq!(Context::from("`[scoring]`").to_string(), "`[scoring]`");
    }
}
