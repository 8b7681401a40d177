//! The JSON inside an HTML report: written so that no string in it can end
//! the `<script>` element early, and read back so that `crm-ready report
//! FILE.html` works like a JSON report.

use serde::Serialize;

use super::json::to_json;

/// The id of the element that holds the data.
pub const DATA_ID: &str = "crm-ready-data";

/// How the data element starts, exactly as the templates write it.
pub const DATA_OPEN: &str = r#"<script type="application/json" id="crm-ready-data">"#;

/// `value` as JSON that is safe inside `<script type="application/json">`:
/// `<`, `>` and `&` are written as `\u` escapes. They only occur inside
/// strings, so the JSON means the same, and `</script>` or `<!--` in a
/// question's text cannot break out of the element.
pub fn script_json<T: Serialize + ?Sized>(value: &T) -> String {
    to_json(value).replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// The embedded JSON of an HTML report, if it has the element.
pub fn extract_json(html: &str) -> Option<&str> {
    let start = html.find(DATA_OPEN)? + DATA_OPEN.len();
    // The JSON holds no `<` (see `script_json`), so the first one ends it.
    let end = html[start..].find("</script>")?;
    Some(&html[start..start + end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_strings_stay_inside_the_element_and_round_trip() {
        let hostile =
            vec!["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "\"><img src=x onerror=alert(1)>"];
        let json = script_json(&hostile);
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'), "{json}");
        let page = format!("<p>before</p>{DATA_OPEN}{json}</script><p>after</p>");
        let back: Vec<String> = serde_json::from_str(extract_json(&page).unwrap()).unwrap();
        assert_eq!(back, hostile);
        assert_eq!(extract_json("<p>no data</p>"), None);
    }
}
