//! The shared folder's crypto in the browser (issue 25, point 2): WebCrypto
//! behind [`FolderCrypto`] and `crypto.getRandomValues` behind [`Random`],
//! as `src/lock.rs` calls them. NOT WIRED IN YET and not yet run in a
//! browser test: nothing in the app uses it, so the release build leaves it
//! out. The pure side is `src/folder/`.

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
