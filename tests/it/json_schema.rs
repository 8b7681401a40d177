//! A small JSON Schema validator: the subset of draft 2020-12 that
//! `crm-ready schema` uses, and no more. Any keyword it does not know is
//! itself reported, so the schema cannot outgrow the check unnoticed.
//!
//! Written rather than taken from the `jsonschema` crate, whose dependency
//! tree (regex engines, URL and IDNA handling, HTTP resolving) would cost
//! more build time than the whole of crm-ready.

use serde_json::Value;

/// Keywords that only annotate: nothing to check.
const ANNOTATIONS: &[&str] = &["$schema", "title", "description"];

pub struct Validator<'s> {
    root: &'s Value,
    /// Treat every object schema with `properties` as closed: a key the
    /// schema does not describe is an error. Catches output drifting from
    /// the schema, which JSON Schema itself would allow.
    pub closed_objects: bool,
}

impl<'s> Validator<'s> {
    pub fn new(root: &'s Value) -> Self {
        Validator { root, closed_objects: false }
    }

    /// Every way `value` breaks the schema, as `path: problem`.
    pub fn errors(&self, value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(self.root, value, "$", &mut errors);
        errors
    }

    fn check(&self, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
        let Some(schema) = schema.as_object() else {
            match schema {
                Value::Bool(true) => {}
                Value::Bool(false) => errors.push(format!("{path}: nothing is allowed here")),
                other => errors.push(format!("{path}: schema is not an object: {other}")),
            }
            return;
        };
        for (keyword, rule) in schema {
            match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "$defs" => {}
                // An annotation too, but one a reader of the schema trusts:
                // the default must itself be valid where it stands.
                "default" => {
                    let mut without = schema.clone();
                    without.remove("default");
                    self.check(&Value::Object(without), rule, &format!("{path} (default)"), errors);
                }
                "$ref" => match self.resolve(rule) {
                    Some(target) => self.check(target, value, path, errors),
                    None => errors.push(format!("{path}: cannot resolve $ref {rule}")),
                },
                "type" => {
                    let allowed: Vec<&str> = match rule {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                        _ => vec![],
                    };
                    if !allowed.iter().any(|t| has_type(value, t)) {
                        errors.push(format!("{path}: expected {}, found {value}", allowed.join(" or ")));
                    }
                }
                "enum" => {
                    if !rule.as_array().is_some_and(|options| options.contains(value)) {
                        errors.push(format!("{path}: {value} is not one of {rule}"));
                    }
                }
                "const" => {
                    if rule != value {
                        errors.push(format!("{path}: expected {rule}, found {value}"));
                    }
                }
                "format" => {
                    if rule == "date-time" && value.as_str().is_some_and(|s| s.parse::<jiff::Timestamp>().is_err()) {
                        errors.push(format!("{path}: {value} is not an RFC 3339 date-time"));
                    }
                }
                "minimum" | "maximum" => {
                    if let (Some(bound), Some(n)) = (rule.as_f64(), value.as_f64()) {
                        let ok = if keyword == "minimum" { n >= bound } else { n <= bound };
                        if !ok {
                            errors.push(format!("{path}: {n} is beyond the {keyword} {bound}"));
                        }
                    }
                }
                "required" => {
                    if let Some(object) = value.as_object() {
                        for key in rule.as_array().into_iter().flatten().filter_map(Value::as_str) {
                            if !object.contains_key(key) {
                                errors.push(format!("{path}: missing required `{key}`"));
                            }
                        }
                    }
                }
                "properties" => {
                    if let (Some(object), Some(properties)) = (value.as_object(), rule.as_object()) {
                        for (key, item) in object {
                            match properties.get(key) {
                                Some(sub) => self.check(sub, item, &format!("{path}.{key}"), errors),
                                None if self.closed_objects && !schema.contains_key("additionalProperties") => {
                                    errors.push(format!("{path}: `{key}` is not in the schema"));
                                }
                                None => {}
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Some(object) = value.as_object() {
                        let known = schema.get("properties").and_then(Value::as_object);
                        for (key, item) in object {
                            if !known.is_some_and(|k| k.contains_key(key)) {
                                self.check(rule, item, &format!("{path}.{key}"), errors);
                            }
                        }
                    }
                }
                "items" => {
                    for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                        self.check(rule, item, &format!("{path}[{i}]"), errors);
                    }
                }
                "anyOf" | "oneOf" | "allOf" => {
                    let branches = rule.as_array().map_or(&[][..], Vec::as_slice);
                    let passing = branches
                        .iter()
                        .filter(|b| {
                            let mut sub = Vec::new();
                            self.check(b, value, path, &mut sub);
                            sub.is_empty()
                        })
                        .count();
                    let ok = match keyword.as_str() {
                        "anyOf" => passing >= 1,
                        "oneOf" => passing == 1,
                        _ => passing == branches.len(),
                    };
                    if !ok {
                        errors.push(format!("{path}: {value} matches {passing} of the {keyword} branches"));
                    }
                }
                unknown => errors.push(format!("{path}: the validator does not know the keyword `{unknown}`")),
            }
        }
    }

    /// A `#/$defs/Name` reference.
    fn resolve(&self, reference: &Value) -> Option<&'s Value> {
        let name = reference.as_str()?.strip_prefix("#/$defs/")?;
        self.root.get("$defs")?.get(name)
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "string" => value.is_string(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|n| n.fract() == 0.0),
        _ => false,
    }
}
