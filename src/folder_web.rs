//! The shared folder in the browser (issue 25): WebCrypto behind
//! [`FolderCrypto`] (point 2), `crypto.getRandomValues` behind [`Random`],
//! and `web/folder.js` (the folder handle, its permission and IndexedDB)
//! behind [`Folder`], loaded on demand. The wasm sees names, sizes, times
//! and bytes; the pure side is `src/folder/`, the app's use `state::folder`.

use crate::folder::secret::{CryptoError, FolderCrypto, Random};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn name_of(e: &JsValue) -> String {
    Reflect::get(e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
}

fn unavailable(e: JsValue) -> CryptoError {
    CryptoError::Unavailable(name_of(&e))
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    let none = || CryptoError::Unavailable("crypto".into());
    web_sys::window().ok_or_else(none)?.crypto().map_err(|_| none())
}

/// `crypto.subtle` exists only in a secure context (https, localhost).
fn subtle() -> Result<web_sys::SubtleCrypto, CryptoError> {
    let c: JsValue = crypto()?.into();
    let s = Reflect::get(&c, &"subtle".into()).map_err(unavailable)?;
    if s.is_undefined() || s.is_null() {
        return Err(CryptoError::Unavailable("subtle".into()));
    }
    Ok(s.unchecked_into())
}

/// `crypto.getRandomValues`.
pub struct WebRandom;

impl Random for WebRandom {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), CryptoError> {
        crypto()?.get_random_values_with_u8_array(buf).map(|_| ()).map_err(unavailable)
    }
}

/// WebCrypto: PBKDF2-SHA-256 to a non-extractable AES-GCM-256 key.
pub struct WebCrypto;

fn gcm(iv: &[u8], aad: &[u8]) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(aad));
    params
}

impl FolderCrypto for WebCrypto {
    type Key = web_sys::CryptoKey;

    async fn derive(&self, secret: &[u8], salt: &[u8], iterations: u32) -> Result<Self::Key, CryptoError> {
        let s = subtle()?;
        let usage = Array::of1(&"deriveKey".into());
        let base = JsFuture::from(
            s.import_key_with_str("raw", &Uint8Array::from(secret), "PBKDF2", false, &usage).map_err(unavailable)?,
        )
        .await
        .map_err(unavailable)?;
        let params = web_sys::Pbkdf2Params::new("PBKDF2", &"SHA-256".into(), iterations, &Uint8Array::from(salt));
        let aes = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
        let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
        let key = JsFuture::from(
            s.derive_key_with_object_and_object(&params, &base.unchecked_into(), &aes, false, &usages)
                .map_err(unavailable)?,
        )
        .await
        .map_err(unavailable)?;
        Ok(key.unchecked_into())
    }

    async fn seal(&self, key: &Self::Key, iv: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let out =
            JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(&gcm(iv, aad), key, plain).map_err(unavailable)?)
                .await
                .map_err(unavailable)?;
        Ok(Uint8Array::new(&out).to_vec())
    }

    async fn open(&self, key: &Self::Key, iv: &[u8], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let p = subtle()?.decrypt_with_object_and_u8_array(&gcm(iv, aad), key, sealed).map_err(unavailable)?;
        match JsFuture::from(p).await {
            Ok(out) => Ok(Uint8Array::new(&out).to_vec()),
            // The tag check failed: another key, or changed bytes or AAD.
            Err(e) if name_of(&e) == "OperationError" => Err(CryptoError::Refused),
            Err(e) => Err(unavailable(e)),
        }
    }
}

// ---- The folder: `window.cupFolder` (web/folder.js) behind [`Folder`] ----

use crate::folder::format::MAX_FILE_BYTES;
use crate::folder::{Entry, Folder, FolderError, Listing};
use js_sys::{Function, Promise};

/// A failure of `web/folder.js`, by its kind (see the file's head).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsFailure {
    /// The API is not there (Safari, Firefox, tablets; not https).
    Missing,
    /// The picker was closed (also a folder Chromium deems too sensitive).
    Cancelled,
    /// The person said no to the permission.
    Refused,
    /// Refused without asking: a policy, or no click behind the call.
    Blocked,
    /// No folder is connected.
    NoFolder,
    /// A file operation's DOMException name.
    Io(String),
}

impl JsFailure {
    pub fn folder_error(&self) -> FolderError {
        match self {
            JsFailure::Io(n) if n == "NotReadableError" => FolderError::NotReadable,
            JsFailure::Io(n) if n == "NoModificationAllowedError" => FolderError::NoModificationAllowed,
            JsFailure::Io(n) if n == "NotFoundError" => FolderError::NotFound,
            JsFailure::Io(n) if n == "QuotaExceededError" => FolderError::QuotaExceeded,
            JsFailure::Refused | JsFailure::Blocked | JsFailure::NoFolder => FolderError::Permission,
            JsFailure::Io(n) => FolderError::Other(n.clone()),
            JsFailure::Missing => FolderError::Other("missing".into()),
            JsFailure::Cancelled => FolderError::Other("cancelled".into()),
        }
    }
}

fn field(v: &JsValue, name: &str) -> JsValue {
    Reflect::get(v, &name.into()).unwrap_or_default()
}

/// `window.cupFolder`, when `web/folder.js` has loaded.
fn api() -> Option<JsValue> {
    let w = web_sys::window()?;
    let a = Reflect::get(&w, &"cupFolder".into()).ok()?;
    (!a.is_undefined() && !a.is_null()).then_some(a)
}

/// Whether `web/folder.js` is loaded.
pub fn loaded() -> bool {
    api().is_some()
}

/// Starts a call at once (so a permission request runs inside the click
/// that made it) and gives the future of its answer.
pub fn start(method: &str, args: &[JsValue]) -> impl std::future::Future<Output = Result<JsValue, JsFailure>> {
    let promise = api().and_then(|a| {
        let f: Function = field(&a, method).dyn_into().ok()?;
        let r = f.apply(&a, &args.iter().collect::<Array>()).ok()?;
        Some(Promise::resolve(&r))
    });
    async move {
        let v = JsFuture::from(promise.ok_or(JsFailure::Missing)?).await.map_err(|e| JsFailure::Io(name_of(&e)))?;
        if field(&v, "ok").as_bool() == Some(true) {
            return Ok(v);
        }
        let name = field(&v, "name").as_string().unwrap_or_default();
        Err(match field(&v, "kind").as_string().as_deref() {
            Some("missing") => JsFailure::Missing,
            Some("cancelled") => JsFailure::Cancelled,
            Some("refused") => JsFailure::Refused,
            Some("blocked") => JsFailure::Blocked,
            Some("no-folder") => JsFailure::NoFolder,
            Some("too-large") => JsFailure::Io("TooLarge".into()),
            _ => JsFailure::Io(name),
        })
    }
}

/// Loads `web/folder.js` once (a `<script>` added on demand: never part of
/// the first load of a PC without a folder).
pub async fn load_script() -> bool {
    if loaded() {
        return true;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return false };
    let done = Promise::new(&mut |resolve, reject| {
        let Ok(s) = doc.create_element("script") else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let _ = s.set_attribute("src", "./folder.js");
        let _ = Reflect::set(&s, &"onload".into(), &resolve);
        let _ = Reflect::set(&s, &"onerror".into(), &reject);
        if let Some(head) = doc.head() {
            let _ = head.append_child(&s);
        }
    });
    JsFuture::from(done).await.is_ok() && loaded()
}

/// The folder as web/folder.js reaches it.
pub struct JsFolder;

thread_local! {
    /// Milliseconds spent waiting on the folder (list, read, write,
    /// remove) since [`take_io_ms`] was last called: the bench tells the
    /// folder's I/O from the app's own work with it.
    static IO_MS: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// The folder's I/O time since the last call, and starts again.
pub fn take_io_ms() -> f64 {
    IO_MS.with(|c| c.replace(0.0))
}

async fn timed_io<T>(f: impl std::future::Future<Output = T>) -> T {
    let t0 = js_sys::Date::now();
    let out = f.await;
    IO_MS.with(|c| c.set(c.get() + js_sys::Date::now() - t0));
    out
}

impl Folder for JsFolder {
    async fn list(&mut self, limit: usize) -> Result<Listing, FolderError> {
        let v = timed_io(start("list", &[JsValue::from(limit as f64)])).await.map_err(|f| f.folder_error())?;
        let entries = Array::from(&field(&v, "entries"))
            .iter()
            .map(|e| Entry {
                name: field(&e, "name").as_string().unwrap_or_default(),
                // -1: not ours (skipped by name), or ours but failing to give
                // its size (unreadable, vanished): then 1, so it is read and
                // the read's failure counted and, after 3, reported.
                size: match field(&e, "size").as_f64() {
                    Some(s) if s >= 0.0 => s as u64,
                    _ if field(&e, "error").is_string() => 1,
                    _ => 0,
                },
                modified_ms: field(&e, "modified").as_f64().unwrap_or(0.0) as i64,
            })
            .collect();
        Ok(Listing { entries, truncated: field(&v, "truncated").as_bool() == Some(true) })
    }

    async fn read(&mut self, name: &str) -> Result<Vec<u8>, FolderError> {
        let v = timed_io(start("read", &[name.into(), JsValue::from(MAX_FILE_BYTES as f64)]))
            .await
            .map_err(|f| f.folder_error())?;
        Ok(Uint8Array::new(&field(&v, "bytes")).to_vec())
    }

    async fn write(&mut self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        timed_io(start("write", &[name.into(), Uint8Array::from(bytes).into()]))
            .await
            .map(|_| ())
            .map_err(|f| f.folder_error())
    }

    async fn remove(&mut self, name: &str) -> Result<(), FolderError> {
        start("remove", &[name.into()]).await.map(|_| ()).map_err(|f| f.folder_error())
    }
}
