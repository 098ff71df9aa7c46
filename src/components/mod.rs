//! One component per file, grouped by screen.
pub mod case;
pub mod shell;
pub mod worklist;
