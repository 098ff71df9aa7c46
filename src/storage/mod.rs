//! Storage: a pure codec ([`codec`]: the envelope, its versions and
//! migrations, the backup format, the incremental encoder) and the
//! localStorage I/O beside it ([`local`], the only code that touches it).
//! Errors are values; their messages live in `i18n`.

pub mod codec;
pub mod local;

pub use codec::*;
pub use local::*;
