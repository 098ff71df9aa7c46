//! The secretary's *Registrering* queue (issue 26.2): what
//! `crate::registration_queue` lists, with *Kopiér* and a mark with undo.
pub mod link;
pub mod screen;
