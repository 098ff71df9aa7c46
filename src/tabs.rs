//! Telling the app's other open tabs and windows: through a `BroadcastChannel`,
//! or where the browser has none, a storage event (a key written through
//! `storage`, read in `App`'s storage listener). What travels is a word,
//! never data: the lock closed, the clinician is at work, or everything was
//! deleted (with the generation that ended, see `storage::Generation`).

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The channel's name (the app's own, per origin).
pub const CHANNEL: &str = "cup-pathway";

/// What one tab tells the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// The lock closed here (on request or after the idle time): close it everywhere.
    Lock,
    /// The clinician used the app here: the idle clock starts again everywhere.
    Active,
    /// *Slet alle data* here: the store of this generation is gone.
    Deleted(crate::storage::Generation),
}

impl Signal {
    /// What travels: a word, and for a deletion the generation.
    pub fn word(self) -> String {
        match self {
            Signal::Lock => "lock".into(),
            Signal::Active => "active".into(),
            Signal::Deleted(g) => format!("deleted {}", g.text()),
        }
    }

    /// Read a word (a channel message, or the fallback key's value `word time`).
    pub fn parse(text: &str) -> Option<Signal> {
        let mut words = text.split(' ');
        match words.next() {
            Some("lock") => Some(Signal::Lock),
            Some("active") => Some(Signal::Active),
            Some("deleted") => words.next().and_then(crate::storage::Generation::parse).map(Signal::Deleted),
            _ => None,
        }
    }
}

/// The channel and its message handler, kept alive together.
type Port = (web_sys::BroadcastChannel, Closure<dyn FnMut(web_sys::MessageEvent)>);

thread_local! {
    /// One channel per page: it sends and listens, so a tab never hears itself.
    static PORT: RefCell<Option<Port>> = const { RefCell::new(None) };
}

/// Listen for other tabs' signals (replacing an earlier listener). Returns
/// false where the browser has no `BroadcastChannel`: the storage fallback is then used.
pub fn listen(on_signal: impl Fn(Signal) + 'static) -> bool {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return false };
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if let Some(signal) = ev.data().as_string().as_deref().and_then(Signal::parse) {
            on_signal(signal);
        }
    });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    PORT.with(|p| {
        if let Some((old, _)) = p.replace(Some((channel, handler))) {
            old.close();
        }
    });
    true
}

/// Tell every other tab. Without a channel, through the storage fallback.
pub fn send(signal: Signal) {
    let sent =
        PORT.with(|p| p.borrow().as_ref().map(|(c, _)| c.post_message(&JsValue::from_str(&signal.word())).is_ok()));
    if sent != Some(true) {
        crate::storage::write_signal(&signal.word());
    }
}
