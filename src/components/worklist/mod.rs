//! Forløbsoversigt: the first screen.
pub mod add_patient;
pub mod archived_notice;
pub mod backup;
pub mod patient_row;
pub mod row_actions;
pub mod row_details;
pub mod screen;
pub mod folder_before;
pub mod folder_panel;
pub mod folder_section;
