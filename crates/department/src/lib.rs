//! The department's data, in plain Rust on the pathway model (issue 27):
//! [`patients`] (the worklist's patients and their rows), [`records`] and
//! [`merge`] (the stored form, stamped so merges lose nothing), and what is
//! made of them: [`course_times`] and [`course_times_svg`] (the department's
//! pathway times), [`csv_export`], [`ics`], [`share`] (a case as a link),
//! [`registration_queue`] and [`journal`] (the text for the patient record).
//! [`free_text`] and [`strength`] check what a person types; [`lang`] is the
//! clinician's language, a value every layer may hold.
//!
//! No web, UI or storage crate is a dependency: Cargo keeps it so (the wasm's
//! one exception is js-sys, for the browser's own Unicode normalisation in
//! [`free_text`]).

// No unwrap or expect where user data or storage can reach: failures are values.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

/// The pathway model, under the path the app uses too.
pub use ::pathway;
/// One sort for the app and the model.
pub use ::pathway::sort;

pub mod course_times;
pub mod course_times_svg;
pub mod csv_export;
pub mod free_text;
pub mod ics;
pub mod journal;
pub mod lang;
pub mod merge;
pub mod patients;
pub mod records;
pub mod registration_queue;
pub mod share;
pub mod strength;
