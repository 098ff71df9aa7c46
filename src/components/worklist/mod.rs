//! Forløbsoversigt: the first screen.
pub mod add_patient;
pub mod patient_row;
pub mod screen;
