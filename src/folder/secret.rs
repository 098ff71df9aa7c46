//! The department secret (issue 25, point 2) and the crypto seam.
//!
//! The secret is made by the app: 100 random bits shown as a 24-character
//! code in Crockford's base32, `K7Q2-9MXD-R4TB-H1ZC-8WNA-3FJP`: 20
//! characters of secret and 4 of check (a CRC-20 over the 100 bits).
//! A code, not six words: six words reach 80 bits only with a list of more
//! than 10,000 words (2^(80/6) ≈ 10,200), which would cost the first load
//! far more than the 15 KB the issue allows, and would need spelling rules
//! for æ/ø/å and two languages. The code needs no list, is the same in
//! Danish and English, has no letters that look alike (no I, L, O, U;
//! typed ones are read as 1, 1, 0) and the check catches every single
//! mistyped character and every swap of two neighbours (a CRC of degree 20
//! detects every error burst of up to 20 bits; a wrong character is a burst
//! of at most 5 bits, a swap of at most 10).
//!
//! The crypto itself (PBKDF2-SHA-256, 600,000 iterations → AES-GCM 256,
//! random 96-bit IV) is behind [`FolderCrypto`]: WebCrypto in the browser,
//! a test double natively ([`super::sim::FakeCrypto`]).

use std::future::Future;

/// Characters of Crockford's base32, by value.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random bits in a secret.
pub const SECRET_BITS: u32 = 100;
/// Characters carrying the secret.
const DATA_CHARS: usize = 20;
/// Characters carrying the check.
const CHECK_CHARS: usize = 4;
/// Characters of a whole code.
pub const CODE_CHARS: usize = DATA_CHARS + CHECK_CHARS;
/// The CRC-20 generator, x^20 + x^3 + 1 written without its top bit (any
/// degree-20 generator with a constant term detects bursts up to 20 bits).
const CRC_POLY: u32 = 0x0_0009;

/// The source of random bytes: `crypto.getRandomValues` in the browser,
/// a seeded generator in tests.
pub trait Random {
    /// Never fills with anything but random bytes: a failure is an error
    /// (an IV of zeros would repeat).
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), CryptoError>;
}

/// A department secret, canonical: 24 characters of the alphabet, the
/// check correct.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Why a typed code was refused, said so the person can find the mistake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecretError {
    /// Fewer or more than 24 characters (the count typed, separators aside).
    Length(usize),
    /// A character that is not in the code (1-based position among the
    /// code's characters, and the character).
    Character { position: usize, found: char },
    /// All characters valid but the check fails: a typo somewhere.
    Check,
}

fn crc20(values: &[u8]) -> u32 {
    // Over the 5-bit values, most significant bit first.
    let mut crc: u32 = 0;
    for v in values {
        for bit in (0..5).rev() {
            let inb = u32::from((v >> bit) & 1);
            let top = (crc >> 19) & 1;
            crc = (crc << 1) & 0xF_FFFF;
            if (top ^ inb) == 1 {
                crc ^= CRC_POLY;
            }
        }
    }
    crc
}

fn check_values(data: &[u8]) -> [u8; CHECK_CHARS] {
    let crc = crc20(data);
    let mut out = [0u8; CHECK_CHARS];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = ((crc >> (5 * (CHECK_CHARS - 1 - i))) & 31) as u8;
    }
    out
}

fn value_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        c => c,
    };
    ALPHABET.iter().position(|&a| char::from(a) == c).map(|p| p as u8)
}

impl Secret {
    /// A new secret of [`SECRET_BITS`] bits from `random`.
    pub fn generate(random: &mut dyn Random) -> Result<Secret, CryptoError> {
        let mut bytes = [0u8; DATA_CHARS];
        random.fill(&mut bytes)?;
        let data: Vec<u8> = bytes.iter().map(|b| b & 31).collect();
        Ok(Secret::from_values(&data))
    }

    fn from_values(data: &[u8]) -> Secret {
        let check = check_values(data);
        let text = data.iter().chain(check.iter()).map(|&v| char::from(ALPHABET[usize::from(v & 31)])).collect();
        Secret(text)
    }

    /// Reads a typed code: spaces, hyphens and dots are ignored, case too;
    /// I and L read as 1, O as 0. Anything else, a wrong length or a
    /// failing check is refused.
    pub fn parse(typed: &str) -> Result<Secret, SecretError> {
        let mut values = Vec::with_capacity(CODE_CHARS);
        for c in typed.chars() {
            if c.is_whitespace() || matches!(c, '-' | '.' | '\u{2010}'..='\u{2015}') {
                continue;
            }
            match value_of(c) {
                Some(v) => values.push(v),
                None => return Err(SecretError::Character { position: values.len() + 1, found: c }),
            }
        }
        if values.len() != CODE_CHARS {
            return Err(SecretError::Length(values.len()));
        }
        if check_values(&values[..DATA_CHARS]) != values[DATA_CHARS..] {
            return Err(SecretError::Check);
        }
        Ok(Secret::from_values(&values[..DATA_CHARS]))
    }

    /// The code as shown and printed: six groups of four.
    pub fn display(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
    }

    /// The bytes given to PBKDF2: the canonical code, ASCII, no separators.
    pub fn kdf_input(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The canonical code as text (kept sealed in the PC's seat).
    pub fn kdf_text(&self) -> String {
        self.0.clone()
    }
}

/// Why a crypto call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The tag check failed: wrong key, or the file or its bound data changed.
    Refused,
    /// The crypto is not there or failed (the browser's message).
    Unavailable(String),
}

/// The crypto seam. Async because WebCrypto is; the native double is
/// ready at once. Not `Send`: the browser is single-threaded.
#[allow(async_fn_in_trait)]
pub trait FolderCrypto {
    type Key;
    /// PBKDF2-SHA-256 with `iterations` over `secret` and the epoch's salt,
    /// to an AES-GCM 256 key that is not extractable.
    fn derive(
        &self,
        secret: &[u8],
        salt: &[u8],
        iterations: u32,
    ) -> impl Future<Output = Result<Self::Key, CryptoError>>;
    /// AES-GCM with a 96-bit IV and `aad`: ciphertext and tag.
    fn seal(
        &self,
        key: &Self::Key,
        iv: &[u8],
        aad: &[u8],
        plain: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CryptoError>>;
    /// The inverse of `seal`; [`CryptoError::Refused`] when the tag fails.
    fn open(
        &self,
        key: &Self::Key,
        iv: &[u8],
        aad: &[u8],
        sealed: &[u8],
    ) -> impl Future<Output = Result<Vec<u8>, CryptoError>>;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CRC-20 sees every error burst of up to 20 bits over the 100 data
    /// bits and 20 check bits: all bursts up to 12 bits exhaustively, longer
    /// ones sampled (the typo test in tests/folder.rs covers characters).
    #[test]
    fn folder_crc_detects_every_short_burst() {
        let data: Vec<u8> = (0..DATA_CHARS as u8).map(|i| (i * 7 + 3) & 31).collect();
        let mut values = data.clone();
        values.extend(check_values(&data));
        let bits: Vec<u8> = values.iter().flat_map(|v| (0..5).rev().map(move |b| (v >> b) & 1)).collect();
        let to_values =
            |bits: &[u8]| -> Vec<u8> { bits.chunks(5).map(|c| c.iter().fold(0, |a, b| a << 1 | b)).collect() };
        let ok = |v: &[u8]| check_values(&v[..DATA_CHARS]) == v[DATA_CHARS..];
        assert!(ok(&values));
        for len in 1..=20usize {
            // A burst: first and last bit flipped, the middle any pattern.
            let middles: Vec<u32> = if len <= 12 {
                (0..1u32 << len.saturating_sub(2)).collect()
            } else {
                (0..64u64).map(|i| (i.wrapping_mul(2_654_435_761) % (1 << (len - 2))) as u32).collect()
            };
            for start in 0..=bits.len() - len {
                for &mid in &middles {
                    let mut b = bits.clone();
                    b[start] ^= 1;
                    if len > 1 {
                        b[start + len - 1] ^= 1;
                        for k in 1..len - 1 {
                            b[start + k] ^= ((mid >> (k - 1)) & 1) as u8;
                        }
                    }
                    assert!(!ok(&to_values(&b)), "burst of {len} at {start} not seen");
                }
            }
        }
    }
}
