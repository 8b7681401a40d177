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
        self.check(self.root, value, "$", &mut errors, &[]);
        errors
    }

    /// `outer` holds the keys the enclosing object schema describes, for a
    /// schema applied to the same object through `$ref` or a combinator
    /// (as serde's `flatten` of an enum comes out): closed objects allow
    /// them too.
    fn check(&self, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>, outer: &[&str]) {
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
                    self.check(&Value::Object(without), rule, &format!("{path} (default)"), errors, &[]);
                }
                "$ref" => match self.resolve(rule) {
                    Some(target) => self.check(target, value, path, errors, outer),
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
                                Some(sub) => self.check(sub, item, &format!("{path}.{key}"), errors, &[]),
                                None if self.closed_objects
                                    && !schema.contains_key("additionalProperties")
                                    && !outer.contains(&key.as_str())
                                    && !self.combined_keys(schema).contains(&key.as_str()) =>
                                {
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
                                self.check(rule, item, &format!("{path}.{key}"), errors, &[]);
                            }
                        }
                    }
                }
                "items" => {
                    for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                        self.check(rule, item, &format!("{path}[{i}]"), errors, &[]);
                    }
                }
                "anyOf" | "oneOf" | "allOf" => {
                    let branches = rule.as_array().map_or(&[][..], Vec::as_slice);
                    let mut keys: Vec<&str> = outer.to_vec();
                    keys.extend(own_keys(schema));
                    let passing = branches
                        .iter()
                        .filter(|b| {
                            let mut sub = Vec::new();
                            self.check(b, value, path, &mut sub, &keys);
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

    /// The keys described by the branches of `schema`'s combinators.
    fn combined_keys<'a>(&'a self, schema: &'a serde_json::Map<String, Value>) -> Vec<&'a str> {
        let mut keys = Vec::new();
        for combinator in ["anyOf", "oneOf", "allOf"] {
            for branch in schema.get(combinator).and_then(Value::as_array).into_iter().flatten() {
                let branch = branch.get("$ref").and_then(|r| self.resolve(r)).unwrap_or(branch);
                keys.extend(branch.as_object().map(own_keys).unwrap_or_default());
            }
        }
        keys
    }

    /// A `#/$defs/Name` reference.
    pub fn resolve(&self, reference: &Value) -> Option<&'s Value> {
        let name = reference.as_str()?.strip_prefix("#/$defs/")?;
        self.root.get("$defs")?.get(name)
    }
}

/// The keys an object schema's own `properties` describe.
fn own_keys(schema: &serde_json::Map<String, Value>) -> Vec<&str> {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .map_or_else(Vec::new, |p| p.keys().map(String::as_str).collect())
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

/// The URI of the draft every schema must declare.
pub const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// The keywords of JSON Schema draft 2020-12 (core, applicator, validation,
/// unevaluated, format, content and meta-data vocabularies).
const DRAFT_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$vocabulary",
    "$comment",
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "dependentSchemas",
    "prefixItems",
    "items",
    "contains",
    "properties",
    "patternProperties",
    "additionalProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "type",
    "const",
    "enum",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxContains",
    "minContains",
    "maxProperties",
    "minProperties",
    "required",
    "dependentRequired",
    "format",
    "contentEncoding",
    "contentMediaType",
    "contentSchema",
    "title",
    "description",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "examples",
];

/// Keywords whose value is one schema.
const SCHEMA_VALUED: &[&str] =
    &["not", "if", "then", "else", "items", "contains", "additionalProperties", "propertyNames", "contentSchema"];
/// Keywords whose value is an array of schemas.
const SCHEMA_ARRAYS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems"];
/// Keywords whose value is an object of schemas.
const SCHEMA_MAPS: &[&str] = &["$defs", "properties", "patternProperties", "dependentSchemas"];
const TYPES: &[&str] = &["null", "boolean", "object", "array", "number", "string", "integer"];

/// Every way `root` fails to be a well-formed draft 2020-12 schema: the
/// draft declared, only the draft's keywords, each with a value of the
/// right shape, every `$ref` resolving, every required key described.
/// (The meta-schema itself is not at hand offline; these are the rules of
/// it that generated schemas could break.)
pub fn schema_problems(root: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if root.get("$schema").and_then(Value::as_str) != Some(DRAFT_2020_12) {
        problems.push(format!("$: `$schema` is not {DRAFT_2020_12}"));
    }
    let validator = Validator::new(root);
    walk(&validator, root, "$", &mut problems);
    problems
}

fn walk(validator: &Validator<'_>, schema: &Value, path: &str, problems: &mut Vec<String>) {
    let Some(object) = schema.as_object() else {
        if !schema.is_boolean() {
            problems.push(format!("{path}: a schema is an object or a boolean, not {schema}"));
        }
        return;
    };
    for (keyword, value) in object {
        let at = format!("{path}.{keyword}");
        if !DRAFT_KEYWORDS.contains(&keyword.as_str()) {
            problems.push(format!("{at}: not a draft 2020-12 keyword"));
        } else if SCHEMA_VALUED.contains(&keyword.as_str()) {
            walk(validator, value, &at, problems);
        } else if SCHEMA_ARRAYS.contains(&keyword.as_str()) {
            match value.as_array() {
                Some(list) if !list.is_empty() => {
                    list.iter().enumerate().for_each(|(i, s)| walk(validator, s, &format!("{at}[{i}]"), problems))
                }
                _ => problems.push(format!("{at}: must be a non-empty array of schemas")),
            }
        } else if SCHEMA_MAPS.contains(&keyword.as_str()) {
            match value.as_object() {
                Some(map) => map.iter().for_each(|(k, s)| walk(validator, s, &format!("{at}.{k}"), problems)),
                None => problems.push(format!("{at}: must be an object of schemas")),
            }
        } else {
            check_value(validator, object, keyword, value, &at, problems);
        }
    }
}

/// The keywords whose value is not a schema.
fn check_value(
    validator: &Validator<'_>,
    object: &serde_json::Map<String, Value>,
    keyword: &str,
    value: &Value,
    at: &str,
    problems: &mut Vec<String>,
) {
    let ok = match keyword {
        "$ref" => validator.resolve(value).is_some(),
        "type" => match value {
            Value::String(t) => TYPES.contains(&t.as_str()),
            Value::Array(ts) => !ts.is_empty() && ts.iter().all(|t| t.as_str().is_some_and(|t| TYPES.contains(&t))),
            _ => false,
        },
        "required" => value.as_array().is_some_and(|keys| {
            let described = object.get("properties").and_then(Value::as_object);
            keys.iter().all(|k| k.as_str().is_some_and(|k| described.is_some_and(|d| d.contains_key(k))))
        }),
        "enum" => value.as_array().is_some_and(|v| !v.is_empty()),
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => value.is_number(),
        "minItems" | "maxItems" | "minLength" | "maxLength" => value.as_u64().is_some(),
        "$schema" | "$id" | "$comment" | "title" | "description" | "format" | "pattern" => value.is_string(),
        _ => true,
    };
    if !ok {
        problems.push(format!("{at}: {value} is not a valid value for `{keyword}`"));
    }
}
