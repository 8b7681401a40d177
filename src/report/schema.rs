//! JSON Schemas of the JSON this program writes: the contract for scripts
//! and dashboards, generated from the types that produce it.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

use crate::core::assessment::Assessment;
use crate::core::json::to_json;

/// The JSON Schema (draft 2020-12) of `T`'s JSON, pretty-printed. It
/// describes what is written, so it follows the serialising side of `T`.
pub fn schema_of<T: JsonSchema + ?Sized>() -> String {
    let generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    to_json(&generator.into_root_schema_for::<T>())
}

/// The schema of the report that `--format json` writes.
pub fn report_schema() -> String {
    schema_of::<Assessment>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_top_level_key_as_required() {
        let schema: serde_json::Value = serde_json::from_str(&report_schema()).unwrap();
        assert_eq!(schema["type"], "object");
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        for key in ["schema_version", "questionnaire", "assessed_at", "verdict", "score", "areas", "red_flags"] {
            assert!(required.contains(&key), "{key} not required: {required:?}");
        }
        assert_eq!(schema["properties"]["assessed_at"]["format"], "date-time");
    }
}
