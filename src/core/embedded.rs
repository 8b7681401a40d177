//! The JSON inside an HTML report, read back so that `crm-ready report
//! FILE.html` works like a JSON report (it is written by
//! `core::json::to_script_json`, so no string in it can end the element).

/// The id of the element that holds the data.
pub const DATA_ID: &str = "crm-ready-data";

/// How the data element starts, exactly as the templates write it.
pub const DATA_OPEN: &str = r#"<script type="application/json" id="crm-ready-data">"#;

/// The embedded JSON of an HTML report, if it has the element.
pub fn extract_json(html: &str) -> Option<&str> {
    let start = html.find(DATA_OPEN)? + DATA_OPEN.len();
    // The JSON holds no `<` (see `to_script_json`), so the first one ends it.
    let end = html[start..].find("</script>")?;
    Some(&html[start..start + end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::to_script_json;

    #[test]
    fn hostile_strings_stay_inside_the_element_and_round_trip() {
        let hostile =
            vec!["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "\"><img src=x onerror=alert(1)>"];
        let json = to_script_json(&hostile);
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'), "{json}");
        let page = format!("<p>before</p>{DATA_OPEN}{json}</script><p>after</p>");
        let back: Vec<String> = serde_json::from_str(extract_json(&page).unwrap()).unwrap();
        assert_eq!(back, hostile);
        assert_eq!(extract_json("<p>no data</p>"), None);
    }
}
