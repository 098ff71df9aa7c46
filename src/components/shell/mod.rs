//! The frame around every screen.
pub mod about;
pub mod department_role_select;
pub mod footer;
pub mod header;
pub mod idle_select;
pub mod lock_panel;
pub mod lock_screen;
pub mod passphrase_input;
pub mod patient_name;
pub mod plain_copies;
pub mod storage_banner;
pub mod update_banner;
