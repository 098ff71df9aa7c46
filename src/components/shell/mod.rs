//! The frame around every screen.
pub mod about;
pub mod footer;
pub mod header;
pub mod storage_banner;
pub mod update_banner;
