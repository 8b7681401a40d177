//! `[[phase]]`: when actions fall due. A questionnaire for the reviews
//! after go-live has no "before signing"; it declares its own phases, most
//! urgent first. Without any, the phases of a project before signing.

use toml::Spanned;

use super::checks::{UniqueIds, read_id, read_label};
use super::model::{PhaseDef, default_phases};
use crate::core::diagnostic::{Diagnostic, Diagnostics, Span};
use crate::core::toml_fields::{Context, Fields, Table};

const PHASE_KEYS: &[&str] = &["id", "title"];

/// Most phases one questionnaire may declare.
const MAX_PHASES: usize = 10;

/// Reads the `[[phase]]` tables; the default phases when there are none.
pub(super) fn read_phases(source: &str, tables: Vec<(&Table<'_>, Span)>, errs: &mut Diagnostics) -> Vec<PhaseDef> {
    if tables.is_empty() {
        return default_phases();
    }
    if tables.len() > MAX_PHASES {
        errs.push(Diagnostic::at(
            tables[MAX_PHASES].1.clone(),
            format!("too many phases: {} (at most {MAX_PHASES})", tables.len()),
        ));
    }
    let mut ids = UniqueIds::new(source, "phase");
    let mut phases = Vec::new();
    for (n, (table, span)) in tables.into_iter().take(MAX_PHASES).enumerate() {
        let f = Fields::new(table, span, Context::Numbered("phase", n + 1), PHASE_KEYS, errs);
        let id = read_id(&f, "phase", errs);
        if let Some(id) = &id {
            ids.check(id, errs);
        }
        let title = read_label(&f, "title", true, errs);
        if let (Some(id), Some(title)) = (id, title) {
            phases.push(PhaseDef { id: Spanned::into_inner(id), title });
        }
    }
    if phases.is_empty() { default_phases() } else { phases }
}
