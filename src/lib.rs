//! cup-pathway: a clinician's guide to "Pakkeforløb for metastaser uden
//! organspecifik kræfttype".
//!
//! [`pathway`] is the model (pure Rust, tested natively); [`worklist`] is the
//! pure data of the patient list; [`storage`] is the only module that touches
//! localStorage; [`i18n`] holds all UI text; [`app`] and [`components`]
//! render what the model decides.

// No unwrap or expect where user data or storage can reach: failures are values.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod components;
pub mod csv_export;
pub mod free_text;
pub mod strength;
pub mod i18n;
pub mod ics;
pub mod journal;
pub mod lang;
pub mod lock;
pub mod nav;
pub mod panic_panel;
pub mod registration_queue;
pub mod pathway;
pub mod share;
pub mod sort;
pub mod state;
pub mod stats;
pub mod stats_svg;
pub mod storage;
pub mod tabs;
pub mod worklist;
