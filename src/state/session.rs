//! The session's decisions on what another tab did, as plain functions of
//! plain values (no leptos, no `js_sys`), tested natively (`tests/session.rs`).
//! `AppState` reads the browser and applies what these decide.

use crate::storage::Generation;

/// What this tab finds under the store's key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    /// Nothing stored.
    Nothing,
    /// A store (plain or locked) of this generation (`None`: written before generations).
    Store(Option<Generation>),
}

/// What a tab does about what it found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The store this tab knows, or nothing where it knew none: go on (merge as usual).
    Same,
    /// A store, and this tab has no generation yet (it began on an empty or an
    /// older store): take the store's generation, and merge as usual.
    Join(Generation),
    /// Everything this tab held was deleted elsewhere (*Slet alle data*):
    /// empty this tab, adopt what is stored now, and merge nothing of the old.
    Deleted,
}

/// Judge what was found against what this tab holds: its generation, and
/// whether it has seen a store exist (read or written).
pub fn judge(ours: Option<Generation>, seen_store: bool, found: Found) -> Verdict {
    match found {
        Found::Nothing if seen_store => Verdict::Deleted,
        Found::Nothing => Verdict::Same,
        // A store from before generations (or an older version's write): merged as before.
        Found::Store(None) => Verdict::Same,
        Found::Store(Some(g)) => match ours {
            Some(o) if o == g => Verdict::Same,
            None => Verdict::Join(g),
            Some(_) => Verdict::Deleted,
        },
    }
}

/// Another tab said it deleted the store of generation `deleted`: does that
/// end what this tab holds? (A late signal about a generation this tab never
/// held, or already left, changes nothing.)
pub fn deletion_ends(ours: Option<Generation>, deleted: Generation) -> bool {
    ours == Some(deleted)
}
