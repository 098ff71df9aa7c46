//! The optional passphrase lock for shared PCs: the worklist encrypted at
//! rest with WebCrypto (PBKDF2-SHA-256 → AES-GCM 256) through web-sys
//! `SubtleCrypto`. The key is derived with a random salt, never leaves
//! WebCrypto (not extractable), and is held in memory only while unlocked.
//! Every write gets a fresh random IV.
//!
//! [`LockBox`] is plain data (tested natively); the async functions need a
//! browser. A second, tiny ciphertext (`check`) tells a wrong passphrase
//! from damaged data: both fail AES-GCM's tag check, but only a wrong
//! passphrase fails on `check`.

use crate::share::{base64url, from_base64url};
use js_sys::{Array, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The key-derivation function, as written in the box.
pub const KDF: &str = "PBKDF2-SHA-256/NFC";
/// The key derivation of locks made before the passphrase was read in NFC
/// (the passphrase's bytes as typed): still opened, never written anew.
pub const KDF_AS_TYPED: &str = "PBKDF2-SHA-256";
/// Iterations used for a new lock (OWASP 2023 for PBKDF2-HMAC-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// Fewer is refused: a box edited down to a weak setting is not read.
pub const MIN_ITERATIONS: u32 = 600_000;
/// More is refused too: it would freeze the unlock for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
const SALT_BYTES: usize = 16;
const IV_BYTES: usize = 12;
const TAG_BYTES: usize = 16;
/// What `check` encrypts.
const CHECK: &[u8] = b"cup-pathway";
/// Shortest passphrase accepted when the lock is turned on: 600,000
/// iterations only slow down guessing a passphrase worth guessing.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// The encrypted form of the data, as stored (all bytes base64url).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockBox {
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub check_iv: String,
    pub check: String,
    pub iv: String,
    pub data: String,
}

/// A box's bytes, checked.
struct Parts {
    salt: Vec<u8>,
    check_iv: Vec<u8>,
    check: Vec<u8>,
    iv: Vec<u8>,
    data: Vec<u8>,
}

impl LockBox {
    /// Is the box well formed? Checked before any passphrase is tried.
    pub fn validate(&self) -> Result<(), BoxFault> {
        self.parts().map(|_| ())
    }

    fn parts(&self) -> Result<Parts, BoxFault> {
        if self.kdf != KDF && self.kdf != KDF_AS_TYPED {
            return Err(BoxFault::Kdf(self.kdf.clone()));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(BoxFault::Iterations(self.iterations));
        }
        let bytes = |name: &'static str, text: &str, ok: &dyn Fn(usize) -> bool| {
            from_base64url(text).filter(|b| ok(b.len())).ok_or(BoxFault::Bytes(name))
        };
        Ok(Parts {
            salt: bytes("salt", &self.salt, &|n| n == SALT_BYTES)?,
            check_iv: bytes("check_iv", &self.check_iv, &|n| n == IV_BYTES)?,
            check: bytes("check", &self.check, &|n| n == CHECK.len() + TAG_BYTES)?,
            iv: bytes("iv", &self.iv, &|n| n == IV_BYTES)?,
            data: bytes("data", &self.data, &|n| n >= TAG_BYTES)?,
        })
    }
}

/// Why a locked box is refused before any passphrase is tried. Values only:
/// the words are in `i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BoxFault {
    /// Another key derivation than PBKDF2-SHA-256 (the stored name).
    Kdf(String),
    /// Iterations outside what this app accepts (a weakened box).
    Iterations(u32),
    /// A field's bytes are not base64url of the right length (the field's name).
    Bytes(&'static str),
}

/// How the data behind a right passphrase is damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The box itself is malformed.
    Box(BoxFault),
    /// The data does not authenticate under the key (changed).
    Authentication,
    /// The data opens but is not text.
    NotText,
    /// The data opens as text but is not a store this app can read.
    Contents,
}

/// Why the lock could not open, close or seal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockError {
    /// The passphrase does not open the box. Nothing was changed.
    WrongPassphrase,
    /// The passphrase is right, but the data was changed or damaged.
    Damaged(Damage),
    /// What is stored could not be read (a newer version wrote it, or it is damaged).
    Unreadable(String),
    /// WebCrypto is missing: the page is not served over https (or localhost).
    Unavailable,
    /// WebCrypto refused (out of memory, or similar).
    Crypto(Option<String>),
    /// Turning the lock on: the passphrase is too short or not repeated exactly.
    TooShort,
    Mismatch,
    /// Guessed too soon: common words, repeats, sequences, keyboard runs, dates (see `strength`).
    TooCommon,
    /// The store is no longer locked (turned off in another tab, replaced or
    /// unreadable): nothing was opened; the clinician must confirm first.
    Removed,
    /// Copies of unreadable data lie in the clear (see `storage::unreadable_keys`):
    /// the lock would promise what it cannot keep until they are gone.
    PlainCopies(usize),
    /// The lock could not be turned on: the data was not written (the
    /// storage message says why), or storage cannot be read here.
    NotSaved,
}

/// Would a new lock accept this passphrase? At least 12 characters, not
/// counting spaces around it (in NFC, so an accent typed apart counts once),
/// and at least 10^10 guesses by the estimate of `strength` (common words,
/// repeats, sequences, keyboard runs, dates).
pub fn check_strength(passphrase: &str) -> Result<(), LockError> {
    if crate::free_text::nfc(passphrase.trim()).chars().count() < MIN_PASSPHRASE_CHARS {
        Err(LockError::TooShort)
    } else if crate::strength::guesses_log10(passphrase.trim()) < crate::strength::MIN_GUESSES_LOG10 {
        Err(LockError::TooCommon)
    } else {
        Ok(())
    }
}

/// A new passphrase, typed twice, is acceptable.
pub fn check_new_passphrase(passphrase: &str, repeated: &str) -> Result<(), LockError> {
    check_strength(passphrase)?;
    if passphrase != repeated {
        Err(LockError::Mismatch)
    } else {
        Ok(())
    }
}

/// The derived key, held while unlocked. It cannot be exported from WebCrypto.
#[derive(Clone)]
pub struct Key {
    key: web_sys::CryptoKey,
    /// How the passphrase was read ([`KDF`], or [`KDF_AS_TYPED`] for an old lock).
    kdf: &'static str,
    iterations: u32,
    salt: String,
    check_iv: String,
    check: String,
}

impl Key {
    /// Does this key belong to the box (same salt and check)?
    pub fn fits(&self, b: &LockBox) -> bool {
        b.salt == self.salt && b.check == self.check && b.iterations == self.iterations && b.kdf == self.kdf
    }
}

fn js_error(e: JsValue) -> LockError {
    let name = Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    LockError::Crypto((!name.is_empty()).then_some(name))
}

fn crypto() -> Result<web_sys::Crypto, LockError> {
    web_sys::window().ok_or(LockError::Unavailable)?.crypto().map_err(|_| LockError::Unavailable)
}

/// `crypto.subtle` exists only in a secure context (https, localhost).
fn subtle() -> Result<web_sys::SubtleCrypto, LockError> {
    let c: JsValue = crypto()?.into();
    let s = Reflect::get(&c, &"subtle".into()).map_err(|_| LockError::Unavailable)?;
    if s.is_undefined() || s.is_null() {
        return Err(LockError::Unavailable);
    }
    Ok(s.unchecked_into())
}

/// Can the lock be used in this browser, on this address?
pub fn available() -> bool {
    subtle().is_ok()
}

/// A random 64-bit id from `crypto.getRandomValues` (writers, uids,
/// generations: issue 24.1); `None` where the page has no `crypto`.
pub fn random_u64() -> Option<u64> {
    let b = random(8).ok()?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b.get(..8)?);
    Some(u64::from_le_bytes(a))
}

fn random(n: usize) -> Result<Vec<u8>, LockError> {
    let mut bytes = vec![0u8; n];
    crypto()?.get_random_values_with_u8_array(&mut bytes).map_err(js_error)?;
    Ok(bytes)
}

/// The bytes the key is derived from: the passphrase in NFC (so `é` typed as
/// one sign or as `e` and an accent is one passphrase), or as typed for a
/// lock made before that rule.
pub fn passphrase_bytes(passphrase: &str, kdf: &str) -> Vec<u8> {
    if kdf == KDF_AS_TYPED {
        passphrase.as_bytes().to_vec()
    } else {
        crate::free_text::nfc(passphrase).into_bytes()
    }
}

async fn derive(passphrase: &str, kdf: &str, salt: &[u8], iterations: u32) -> Result<web_sys::CryptoKey, LockError> {
    let s = subtle()?;
    let raw = Uint8Array::from(passphrase_bytes(passphrase, kdf).as_slice());
    let usage = Array::of1(&"deriveKey".into());
    let base = JsFuture::from(s.import_key_with_str("raw", &raw, "PBKDF2", false, &usage).map_err(js_error)?)
        .await
        .map_err(js_error)?;
    let params = web_sys::Pbkdf2Params::new("PBKDF2", &"SHA-256".into(), iterations, &Uint8Array::from(salt));
    let aes = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = JsFuture::from(
        s.derive_key_with_object_and_object(&params, &base.unchecked_into(), &aes, false, &usages).map_err(js_error)?,
    )
    .await
    .map_err(js_error)?;
    Ok(key.unchecked_into())
}

async fn encrypt(key: &web_sys::CryptoKey, iv: &[u8], plain: &[u8]) -> Result<Vec<u8>, LockError> {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    let out = JsFuture::from(subtle()?.encrypt_with_object_and_u8_array(&params, key, plain).map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// `None` when the tag does not match (wrong key, or changed bytes).
async fn decrypt(key: &web_sys::CryptoKey, iv: &[u8], sealed: &[u8]) -> Result<Option<Vec<u8>>, LockError> {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    match JsFuture::from(subtle()?.decrypt_with_object_and_u8_array(&params, key, sealed).map_err(js_error)?).await {
        Ok(out) => Ok(Some(Uint8Array::new(&out).to_vec())),
        Err(e) => {
            let name = Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string());
            if name.as_deref() == Some("OperationError") {
                Ok(None)
            } else {
                Err(js_error(e))
            }
        }
    }
}

/// A new key from a passphrase: random salt, and the check sealed with it.
pub async fn new_key(passphrase: &str) -> Result<Key, LockError> {
    let salt = random(SALT_BYTES)?;
    let key = derive(passphrase, KDF, &salt, ITERATIONS).await?;
    let check_iv = random(IV_BYTES)?;
    let check = encrypt(&key, &check_iv, CHECK).await?;
    Ok(Key {
        key,
        kdf: KDF,
        iterations: ITERATIONS,
        salt: base64url(&salt),
        check_iv: base64url(&check_iv),
        check: base64url(&check),
    })
}

/// Seal text under the key with a fresh IV.
pub async fn seal(key: &Key, plain: &str) -> Result<LockBox, LockError> {
    let iv = random(IV_BYTES)?;
    let data = encrypt(&key.key, &iv, plain.as_bytes()).await?;
    Ok(LockBox {
        kdf: key.kdf.into(),
        iterations: key.iterations,
        salt: key.salt.clone(),
        check_iv: key.check_iv.clone(),
        check: key.check.clone(),
        iv: base64url(&iv),
        data: base64url(&data),
    })
}

/// Open a box with a passphrase: the key (to keep while unlocked) and the text.
pub async fn open(passphrase: &str, b: &LockBox) -> Result<(Key, String), LockError> {
    let parts = b.parts().map_err(|f| LockError::Damaged(Damage::Box(f)))?;
    let kdf = if b.kdf == KDF_AS_TYPED { KDF_AS_TYPED } else { KDF };
    let key = derive(passphrase, kdf, &parts.salt, b.iterations).await?;
    match decrypt(&key, &parts.check_iv, &parts.check).await? {
        Some(check) if check == CHECK => {}
        _ => return Err(LockError::WrongPassphrase),
    }
    let key = Key {
        key,
        kdf,
        iterations: b.iterations,
        salt: b.salt.clone(),
        check_iv: b.check_iv.clone(),
        check: b.check.clone(),
    };
    let text = open_data(&key, &parts).await?;
    Ok((key, text))
}

/// Open a box with the key already held (another tab's write, or a backup
/// locked with the same passphrase and salt).
pub async fn open_with(key: &Key, b: &LockBox) -> Result<String, LockError> {
    if !key.fits(b) {
        return Err(LockError::WrongPassphrase);
    }
    let parts = b.parts().map_err(|f| LockError::Damaged(Damage::Box(f)))?;
    open_data(key, &parts).await
}

async fn open_data(key: &Key, parts: &Parts) -> Result<String, LockError> {
    let plain = decrypt(&key.key, &parts.iv, &parts.data).await?.ok_or(LockError::Damaged(Damage::Authentication))?;
    String::from_utf8(plain).map_err(|_| LockError::Damaged(Damage::NotText))
}
