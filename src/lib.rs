//! cup-pathway: a clinician's guide to "Pakkeforløb for metastaser uden
//! organspecifik kræfttype".
//!
//! [`pathway`] is the model, a crate of its own (`crates/pathway`: pure
//! Rust, tested natively, re-exported here so its paths read the same); [`patients`] is the
//! pure data of the patient list (the worklist); [`storage`] is the only module that touches
//! localStorage; [`i18n`] holds all UI text; [`app`] and [`components`]
//! render what the model decides.

// No unwrap or expect where user data or storage can reach: failures are values.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

/// The pathway model (`crates/pathway`).
pub use ::pathway;
/// One sort for the app and the model (`crates/pathway/src/sort.rs`).
pub use ::pathway::sort;

pub mod app;
pub mod components;
pub mod course_times;
pub mod course_times_svg;
pub mod csv_export;
pub mod folder;
pub mod folder_list;
pub mod folder_web;
pub mod free_text;
pub mod i18n;
pub mod ics;
pub mod journal;
pub mod lang;
pub mod lockbox;
pub mod merge;
pub mod nav;
pub mod panic_panel;
pub mod patients;
pub mod records;
pub mod registration_queue;
pub mod share;
pub mod state;
pub mod storage;
pub mod strength;
pub mod tabs;
