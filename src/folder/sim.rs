//! A simulated folder with the faults a network drive or a sync client
//! shows (issue 25, point 9), a test double for the crypto, a seeded random
//! source and a one-poll executor for the async seams.
//!
//! [`FakeCrypto`] is NOT encryption: it only behaves like AES-GCM at the
//! seam (a changed key, IV, AAD or byte fails the tag check), so the rules
//! above it can be tested natively. The browser uses WebCrypto.

use super::secret::{CryptoError, FolderCrypto, Random};
use super::{Entry, Folder, FolderError, Listing};
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::hash::{Hash, Hasher};
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// Runs a future that is ready at once (the simulated seams): `None` if it
/// is not.
pub fn ready<F: Future>(f: F) -> Option<F::Output> {
    let mut f = pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

/// A seeded xorshift source (tests only: not for secrets).
pub struct SeededRandom(u64);

impl SeededRandom {
    pub fn new(seed: u64) -> Self {
        SeededRandom(seed | 1)
    }
}

impl Random for SeededRandom {
    fn fill(&mut self, buf: &mut [u8]) -> Result<(), CryptoError> {
        for b in buf {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            *b = (self.0 >> 24) as u8;
        }
        Ok(())
    }
}

fn h(parts: &[&[u8]]) -> u64 {
    let mut s = DefaultHasher::new();
    for p in parts {
        p.hash(&mut s);
    }
    s.finish()
}

/// The crypto's test double (see the module comment).
#[derive(Default)]
pub struct FakeCrypto;

/// A derived key of the double.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeKey(u64);

const FAKE_TAG: usize = 16;

impl FakeCrypto {
    fn stream(key: &FakeKey, iv: &[u8], n: usize) -> Vec<u8> {
        (0..n).map(|i| (h(&[&key.0.to_le_bytes(), iv, &(i / 8).to_le_bytes()]) >> (8 * (i % 8))) as u8).collect()
    }
    fn tag(key: &FakeKey, iv: &[u8], aad: &[u8], ct: &[u8]) -> [u8; FAKE_TAG] {
        let a = h(&[&key.0.to_le_bytes(), iv, aad, ct, b"1"]).to_le_bytes();
        let b = h(&[&key.0.to_le_bytes(), iv, aad, ct, b"2"]).to_le_bytes();
        let mut t = [0u8; FAKE_TAG];
        t[..8].copy_from_slice(&a);
        t[8..].copy_from_slice(&b);
        t
    }
}

impl FolderCrypto for FakeCrypto {
    type Key = FakeKey;
    async fn derive(&self, secret: &[u8], salt: &[u8], iterations: u32) -> Result<FakeKey, CryptoError> {
        Ok(FakeKey(h(&[secret, salt, &iterations.to_le_bytes()])))
    }
    async fn seal(&self, key: &FakeKey, iv: &[u8], aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let mut ct: Vec<u8> = plain.iter().zip(Self::stream(key, iv, plain.len())).map(|(p, k)| p ^ k).collect();
        let tag = Self::tag(key, iv, aad, &ct);
        ct.extend_from_slice(&tag);
        Ok(ct)
    }
    async fn open(&self, key: &FakeKey, iv: &[u8], aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if sealed.len() < FAKE_TAG {
            return Err(CryptoError::Refused);
        }
        let (ct, tag) = sealed.split_at(sealed.len() - FAKE_TAG);
        if Self::tag(key, iv, aad, ct) != tag {
            return Err(CryptoError::Refused);
        }
        Ok(ct.iter().zip(Self::stream(key, iv, ct.len())).map(|(c, k)| c ^ k).collect())
    }
}

/// One file of the simulated folder.
#[derive(Clone, Debug)]
struct SimFile {
    bytes: Vec<u8>,
    /// A size listed without bytes behind it (the 2 GB sparse file).
    size_only: Option<u64>,
    modified_ms: i64,
}

/// Faults to inject; each applies until cleared.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    /// Listings show the folder as it was this many writes/removals ago
    /// (a lagging sync client or SMB directory cache).
    pub listing_lag: usize,
    /// Names that vanish between listing and reading (read: NotFound).
    pub vanish_on_read: BTreeSet<String>,
    /// Reads return only the first this many bytes.
    pub truncate_reads_to: Option<usize>,
    /// Names whose reads fail with this error.
    pub read_error: BTreeMap<String, FolderError>,
    /// The next writes fail at `close()`: the old content stays and a
    /// `.crswap` is left behind.
    pub fail_write_at_close: usize,
    /// Listings come in reverse order.
    pub reorder: bool,
}

/// The simulated folder: files, a clock, faults and counts of what was read.
#[derive(Clone, Debug, Default)]
pub struct SimFolder {
    files: BTreeMap<String, SimFile>,
    history: Vec<BTreeMap<String, SimFile>>,
    pub now_ms: i64,
    pub faults: Faults,
    /// How often each name was read (a test asserts a file was never read).
    pub reads: BTreeMap<String, usize>,
}

impl SimFolder {
    pub fn new(now_ms: i64) -> Self {
        SimFolder { now_ms, ..SimFolder::default() }
    }

    fn snapshot(&mut self) {
        self.history.push(self.files.clone());
        if self.history.len() > 64 {
            self.history.remove(0);
        }
    }

    /// Puts a file as another writer (a sync client, a person) would.
    pub fn put(&mut self, name: &str, bytes: &[u8], modified_ms: i64) {
        self.snapshot();
        self.files.insert(name.into(), SimFile { bytes: bytes.to_vec(), size_only: None, modified_ms });
    }

    /// A listed entry of this size with no bytes behind it.
    pub fn put_size_only(&mut self, name: &str, size: u64) {
        self.snapshot();
        self.files.insert(name.into(), SimFile { bytes: Vec::new(), size_only: Some(size), modified_ms: self.now_ms });
    }

    /// A sync client's conflict copy: `cup-pathway.X.json` → `cup-pathway.X<suffix>.json`
    /// (`" (1)"`, `"-PCNAME"`), same bytes and time.
    pub fn duplicate(&mut self, name: &str, suffix: &str) -> Option<String> {
        let f = self.files.get(name)?.clone();
        let stem = name.strip_suffix(".json")?;
        let copy = format!("{stem}{suffix}.json");
        self.snapshot();
        self.files.insert(copy.clone(), f);
        Some(copy)
    }

    /// Many unrelated entries (a folder used for other things too).
    pub fn fill_with_other_files(&mut self, n: usize) {
        for i in 0..n {
            self.files.insert(
                format!("a-report-{i:05}.docx"),
                SimFile { bytes: Vec::new(), size_only: Some(1000), modified_ms: self.now_ms },
            );
        }
    }

    /// A file's bytes as stored, bypassing faults.
    pub fn bytes(&self, name: &str) -> Option<&[u8]> {
        self.files.get(name).map(|f| f.bytes.as_slice())
    }

    pub fn names(&self) -> Vec<String> {
        self.files.keys().cloned().collect()
    }

    fn entries(files: &BTreeMap<String, SimFile>) -> Vec<Entry> {
        files
            .iter()
            .map(|(n, f)| Entry {
                name: n.clone(),
                size: f.size_only.unwrap_or(f.bytes.len() as u64),
                modified_ms: f.modified_ms,
            })
            .collect()
    }
}

impl Folder for SimFolder {
    async fn list(&mut self, limit: usize) -> Result<Listing, FolderError> {
        let view = match self.faults.listing_lag {
            0 => &self.files,
            lag => self.history.len().checked_sub(lag).and_then(|i| self.history.get(i)).unwrap_or(&self.files),
        };
        let mut entries = Self::entries(view);
        if self.faults.reorder {
            entries.reverse();
        }
        let truncated = entries.len() > limit;
        entries.truncate(limit);
        Ok(Listing { entries, truncated })
    }

    async fn read(&mut self, name: &str) -> Result<Vec<u8>, FolderError> {
        *self.reads.entry(name.into()).or_default() += 1;
        if self.faults.vanish_on_read.contains(name) {
            return Err(FolderError::NotFound);
        }
        if let Some(e) = self.faults.read_error.get(name) {
            return Err(e.clone());
        }
        let f = self.files.get(name).ok_or(FolderError::NotFound)?;
        if f.size_only.is_some() {
            // A real read of the 2 GB entry would hang the tab.
            return Err(FolderError::Other("read a size-only entry".into()));
        }
        let mut b = f.bytes.clone();
        if let Some(n) = self.faults.truncate_reads_to {
            b.truncate(n);
        }
        Ok(b)
    }

    async fn write(&mut self, name: &str, bytes: &[u8]) -> Result<(), FolderError> {
        self.snapshot();
        if self.faults.fail_write_at_close > 0 {
            self.faults.fail_write_at_close -= 1;
            let swap = format!("{name}.crswap");
            self.files.insert(
                swap,
                SimFile { bytes: bytes[..bytes.len() / 2].to_vec(), size_only: None, modified_ms: self.now_ms },
            );
            return Err(FolderError::NoModificationAllowed);
        }
        // Every write gets a later last-modified, as a real file system's clock does.
        self.now_ms += 1;
        self.files.insert(name.into(), SimFile { bytes: bytes.to_vec(), size_only: None, modified_ms: self.now_ms });
        Ok(())
    }

    async fn remove(&mut self, name: &str) -> Result<(), FolderError> {
        self.snapshot();
        self.files.remove(name).map(|_| ()).ok_or(FolderError::NotFound)
    }
}
