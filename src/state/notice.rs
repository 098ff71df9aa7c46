//! What the banner under the header says (issue 27.2): a failure of the
//! browser's storage ([`StorageError`]), or a [`Notice`], something that
//! happened where nothing failed and nothing was lost. A write that must not
//! go ahead says why as a [`Refusal`]. Plain types, tested natively with the
//! session (`tests/session.rs`); their words are in `i18n::errors`.

use crate::storage::StorageError;

/// Something the clinician is told that is not a failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Patients that shared a uid with another were given one of their own
    /// (named); nothing was lost.
    Renumbered(Vec<String>),
    /// Another tab turned the lock on or changed its passphrase: this tab
    /// locked itself rather than write over it.
    LockedElsewhere,
    /// This tab held the lock, and the store became plain or unreadable
    /// without its own "turn off": it locked, and writes nothing in the clear
    /// until the clinician confirms it here.
    LockRemoved,
    /// Another tab deleted all data: this tab emptied its worklist and writes nothing back.
    DeletedElsewhere,
    /// *Slå lås fra* wrote nothing: something changed while it read the store
    /// (a lock, a write, another tab's store). The lock is still on.
    LockNotTurnedOff,
    /// The app stopped on an error with the lock on, and reloaded itself
    /// locked (nothing of the cases stays in memory).
    Restarted,
}

/// Why a write did not go ahead. Only [`Refusal::Failed`] is a failure of
/// storage; the others mean the store is not this tab's to write as it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Another tab turned the lock on or changed its passphrase: never write over it in the clear.
    LockedElsewhere,
    /// The store turned plain or unreadable where this tab holds the lock.
    LockRemoved,
    /// Everything was deleted in another tab (heard or not): never write the deleted cases back.
    DeletedElsewhere,
    /// What is stored cannot be written over (a newer version's data), or storage failed.
    Failed(StorageError),
}

impl From<StorageError> for Refusal {
    fn from(e: StorageError) -> Self {
        Refusal::Failed(e)
    }
}

/// What the banner shows: the latest failure or notice, one at a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Banner {
    Failed(StorageError),
    Notice(Notice),
}

impl Banner {
    /// Does it name patients? (It goes when the lock closes.)
    pub fn names_patients(&self) -> bool {
        matches!(self, Banner::Notice(Notice::Renumbered(_)))
    }
}

/// A refused write, as the banner says it.
impl From<Refusal> for Banner {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::LockedElsewhere => Banner::Notice(Notice::LockedElsewhere),
            Refusal::LockRemoved => Banner::Notice(Notice::LockRemoved),
            Refusal::DeletedElsewhere => Banner::Notice(Notice::DeletedElsewhere),
            Refusal::Failed(e) => Banner::Failed(e),
        }
    }
}
