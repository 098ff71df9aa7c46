//! cup-pathway: a clinician's guide to "Pakkeforløb for metastaser uden
//! organspecifik kræfttype".
//!
//! [`pathway`] is the model (pure Rust, tested natively); [`app`] renders it.

pub mod pathway;
