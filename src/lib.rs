//! cup-pathway: a clinician's guide to "Pakkeforløb for metastaser uden
//! organspecifik kræfttype".
//!
//! [`pathway`] is the model (pure Rust, tested natively); [`worklist`] is the
//! pure data of the patient list; [`storage`] is the only module that touches
//! localStorage; [`app`] and [`components`] render what the model decides.

pub mod app;
pub mod components;
pub mod pathway;
pub mod state;
pub mod storage;
pub mod worklist;
