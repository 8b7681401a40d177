//! The JSON Schema of the report that `--format json` writes: the contract
//! for scripts and dashboards, generated from the types that produce it.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

use super::json::to_json;
use crate::core::assessment::Assessment;
use crate::core::round::Round;

/// The report's JSON Schema (draft 2020-12), pretty-printed. It describes
/// what is written, so it follows the serialising side of the types.
pub fn report_schema() -> String {
    schema_of::<Assessment>()
}

/// The JSON Schema of `round --format json`.
pub fn round_schema() -> String {
    schema_of::<Round>()
}

fn schema_of<T: JsonSchema>() -> String {
    let generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    to_json(&generator.into_root_schema_for::<T>())
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
