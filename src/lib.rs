//! cup-pathway: a clinician's guide to "Pakkeforløb for metastaser uden
//! organspecifik kræfttype".
//!
//! [`pathway`] is the model, a crate of its own (`crates/pathway`: pure
//! Rust, tested natively, re-exported here so its paths read the same); [`patients`] and the
//! other pure modules are the department's data (`crates/department`, likewise); [`storage`] is the only module that touches
//! localStorage; [`i18n`] holds all UI text; [`app`] and [`components`]
//! render what the model decides.

// No unwrap or expect where user data or storage can reach: failures are values.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

/// The pathway model (`crates/pathway`).
pub use ::pathway;
/// One sort for the app and the model (`crates/pathway/src/sort.rs`).
pub use ::pathway::sort;
/// The department's data (`crates/department`), re-exported so its paths read the same.
pub use ::department::{
    course_times, course_times_svg, csv_export, free_text, ics, journal, lang, merge, patients, records,
    registration_queue, share, strength,
};

pub mod app;
pub mod components;
pub mod folder;
pub mod folder_list;
pub mod folder_web;
pub mod i18n;
pub mod lockbox;
pub mod nav;
pub mod panic_panel;
pub mod state;
pub mod storage;
pub mod tabs;
