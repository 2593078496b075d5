//! What every YAML copy gives back: the lints it records, as the lints they were.

use crate::diagnostic::Diagnostic;
use crate::lint::{self, Found};
use crate::model::LintRecord;
use crate::source::Source;

/// A copy's lint records as the lints they were, each pointing at its record
/// and saying where in the docs it was found. The copy's reader has checked
/// every name.
pub(crate) fn recorded_lints<'r>(
    records: impl Iterator<Item = &'r LintRecord>,
    copy: &Source,
) -> Vec<Found> {
    records
        .filter_map(|record| {
            let diagnostic =
                Diagnostic::defect(record.span.clone(), &record.message, &record.outcome)
                    .label(format!("found at {} when the copy was exported", record.at));
            Some(Found {
                lint: lint::find(&record.lint)?,
                source: copy.clone(),
                diagnostic,
            })
        })
        .collect()
}
