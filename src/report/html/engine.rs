//! The template engine: minijinja with our templates compiled in, HTML
//! auto-escaping for every `.html` template, and every string from a file
//! cleaned of control and invisible characters before it is escaped.

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, Error, Output, State, UndefinedBehavior, escape_formatter};
use serde::Serialize;

use super::page::css_string;
use crate::core::text::sanitize;

/// Every template, by name; an `.html` name turns HTML escaping on.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("style.css", include_str!("templates/style.css")),
    ("charts.html", include_str!("templates/charts.html")),
    ("sections.html", include_str!("templates/sections.html")),
    ("assessment.html", include_str!("templates/assessment.html")),
    ("trend.html", include_str!("templates/trend.html")),
    ("comparison.html", include_str!("templates/comparison.html")),
    ("round.html", include_str!("templates/round.html")),
];

/// Renders template `name` with `view` as its context.
pub fn render<V: Serialize>(name: &str, view: &V) -> Result<String, Error> {
    environment()?.get_template(name)?.render(Value::from(Serde(view)))
}

fn environment() -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| if name.ends_with(".html") { AutoEscape::Html } else { AutoEscape::None });
    // A field the template names but the view lacks is a bug to catch in
    // the tests, not a blank in a client's report.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()?,
    );
    env.set_formatter(clean_then_escape);
    env.add_filter("css_string", |text: String| css_string(&text));
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// Strings are sanitised (escape sequences, bidi and invisible characters
/// dropped) and then escaped; strings marked safe, which only our own code
/// makes, are written as they are.
fn clean_then_escape(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    match value.as_str() {
        Some(text) if !value.is_safe() => escape_formatter(out, state, &Value::from(sanitize(text).into_owned())),
        _ => escape_formatter(out, state, value),
    }
}
