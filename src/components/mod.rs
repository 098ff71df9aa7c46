pub mod add_patient;
pub mod footer;
pub mod header;
pub mod patient_row;
pub mod storage_banner;
pub mod worklist;
