//! The department's shared folder (issue 25), its pure parts: the file
//! format ([`format`]), the department secret and the crypto seam
//! ([`secret`]), the [`Folder`] seam with a simulated folder ([`sim`]) and
//! the rules of a folder round as functions over plain data. The worklist as
//! the folder's list (issue 24's merge, the backup import's rules) is
//! `crate::folder_list`, outside this module, which stays free of app modules.
//!
//! Pure Rust (serde, std): no leptos, js_sys or web_sys, so it can move
//! into a crate of its own. The browser side is `web/folder.js` with
//! `crate::folder_web`, the app's use `state::folder`. The lossless merge of
//! issue 24 plugs in through [`Merge`].

pub mod format;
pub mod round;
pub mod seat;
pub mod secret;
pub mod sim;

use format::{Body, FileParts, FormatError, Header, WriteMark};
use secret::{CryptoError, FolderCrypto, Random};
use std::collections::BTreeMap;
use std::future::Future;

/// At most this many directory entries are listed per round (point 5).
pub const MAX_ENTRIES: usize = 200;
/// A file failing this often with the same size and last-modified is
/// reported by name (point 5).
pub const REPORT_AFTER_FAILURES: u32 = 3;
/// The safety valve: more patients than this removed or overwritten at
/// once asks first (point 5)...
pub const VALVE_PATIENTS: usize = 20;
/// ...or more than this percentage of the values...
pub const VALVE_PERCENT: usize = 10;
/// ...when that is more than this many values. Not in the words:
/// without a floor, a list of a few patients asks at nearly every round (one
/// clash resolved on a list of two patients replaces 2 of 14 values, 14 %);
/// a floor equal to the patient limit keeps the question for mass change.
pub const VALVE_MIN_VALUES: usize = 20;
/// An old file goes when unchanged this long (point 6).
pub const REMOVE_AFTER_DAYS: i64 = 30;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A directory entry as listed: name, `File.size`, `File.lastModified`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub size: u64,
    pub modified_ms: i64,
}

/// A listing: at most the limit asked for, and whether more were there.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Listing {
    pub entries: Vec<Entry>,
    pub truncated: bool,
}

/// The browser's failures, by the DOMException names the issue lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderError {
    NotReadable,
    NoModificationAllowed,
    NotFound,
    QuotaExceeded,
    /// The permission is not 'granted' (it is 'prompt' or 'denied').
    Permission,
    /// Anything else (the exception's name).
    Other(String),
}

impl FolderError {
    /// Failures worth retrying with backoff before anyone is told.
    pub fn transient(&self) -> bool {
        matches!(self, FolderError::NotReadable | FolderError::NoModificationAllowed | FolderError::NotFound)
    }
}

/// The folder: a directory handle in the browser, [`sim::SimFolder`] in
/// tests. Async because the File System Access API is.
#[allow(async_fn_in_trait)]
pub trait Folder {
    /// Name, size and last-modified of at most `limit` entries.
    fn list(&mut self, limit: usize) -> impl Future<Output = Result<Listing, FolderError>>;
    /// A file's bytes (the caller has checked the listed size).
    fn read(&mut self, name: &str) -> impl Future<Output = Result<Vec<u8>, FolderError>>;
    /// Writes the whole file (`createWritable`, write, `close`).
    fn write(&mut self, name: &str, bytes: &[u8]) -> impl Future<Output = Result<(), FolderError>>;
    /// Removes a file.
    fn remove(&mut self, name: &str) -> impl Future<Output = Result<(), FolderError>>;
}

/// What issue 24's lossless merge must provide. `List` is a worklist with
/// its stamps.
pub trait Merge {
    type List: Clone;
    /// Everything in both, nothing lost.
    fn merge(&self, a: &Self::List, b: &Self::List) -> Self::List;
    /// Whether everything in `part` (every patient, value and stamp) is in `whole`.
    fn contains(&self, whole: &Self::List, part: &Self::List) -> bool;
    /// What going from `before` to `after` removes or overwrites.
    fn impact(&self, before: &Self::List, after: &Self::List) -> Impact;
}

/// What a merge would remove or overwrite in the local list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Impact {
    /// Patients removed, or with any value overwritten.
    pub patients: usize,
    /// Values removed or overwritten.
    pub values: usize,
    /// Values in the list before.
    pub values_before: usize,
}

// ---- Point 5: listing ----

/// Why a listed entry is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    /// Not `cup-pathway.*.json` (another file, a `.crswap` leftover).
    NotOurs,
    /// Larger than [`format::MAX_FILE_BYTES`]: never read.
    TooLarge,
    /// Size 0: a write under way or failed; nothing to read.
    Empty,
}

/// The listing sorted into what may be read and what is skipped.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ListPlan {
    pub candidates: Vec<Entry>,
    pub skipped: Vec<(Entry, Skip)>,
    /// The folder had more than [`MAX_ENTRIES`] entries: said in the diagnosis.
    pub truncated: bool,
}

/// Whether a name is one of ours: `cup-pathway.` … `.json`, which takes in
/// sync-client duplicates (`cup-pathway.X (1).json`, `cup-pathway.X-PC7.json`)
/// but not `.crswap` leftovers or `.json.tmp`.
pub fn our_name(name: &str) -> bool {
    name.len() > format::NAME_PREFIX.len() + format::NAME_SUFFIX.len()
        && name.starts_with(format::NAME_PREFIX)
        && name.ends_with(format::NAME_SUFFIX)
        && !name.contains(['/', '\\'])
}

/// Sorts a listing (at most [`MAX_ENTRIES`] considered; the size checked
/// before anything is read).
pub fn plan_listing(listing: &Listing) -> ListPlan {
    let mut plan =
        ListPlan { truncated: listing.truncated || listing.entries.len() > MAX_ENTRIES, ..ListPlan::default() };
    for e in listing.entries.iter().take(MAX_ENTRIES) {
        let skip = if !our_name(&e.name) {
            Some(Skip::NotOurs)
        } else if e.size > format::MAX_FILE_BYTES {
            Some(Skip::TooLarge)
        } else if e.size == 0 {
            Some(Skip::Empty)
        } else {
            None
        };
        match skip {
            Some(s) => plan.skipped.push((e.clone(), s)),
            None => plan.candidates.push(e.clone()),
        }
    }
    plan
}

// ---- Point 4/5: which files to read ----

/// What the last rounds saw of each file: its size and last-modified when
/// last read successfully, and failures by (size, last-modified).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Seen {
    read_ok: BTreeMap<String, (u64, i64)>,
    failures: BTreeMap<String, Failures>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Failures {
    size: u64,
    modified_ms: i64,
    count: u32,
    last_kind: ReadFailure,
}

/// Why reading a file failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    Folder(FolderError),
    /// Larger than the listing said, or over the cap.
    TooLarge,
    Format(FormatError),
    /// The tag check failed (another key, folder, epoch or device).
    Decrypt,
    Body(format::BodyError),
    /// Decrypted, but the list breaks an input rule of the backup import.
    Refused,
}

/// What to do after a failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FailureVerdict {
    /// Try again in this many rounds (1, 2, 4: backoff).
    Retry { after_rounds: u32 },
    /// Tell: the file is named in the panel and never written or removed.
    Report,
}

impl Seen {
    /// The candidates that changed since they were last read well (new,
    /// another size or last-modified, or failing).
    pub fn to_read<'a>(&self, candidates: &'a [Entry]) -> Vec<&'a Entry> {
        candidates.iter().filter(|e| self.read_ok.get(&e.name) != Some(&(e.size, e.modified_ms))).collect()
    }

    pub fn read_ok(&mut self, e: &Entry) {
        self.failures.remove(&e.name);
        self.read_ok.insert(e.name.clone(), (e.size, e.modified_ms));
    }

    /// Forgets a file (a lagging listing left it out): read again when back.
    pub fn forget(&mut self, name: &str) {
        self.read_ok.remove(name);
    }

    /// Counts a failure; the count starts again when the file changes.
    pub fn failed(&mut self, e: &Entry, why: ReadFailure) -> FailureVerdict {
        self.read_ok.remove(&e.name);
        let f = self.failures.entry(e.name.clone()).or_insert(Failures {
            size: e.size,
            modified_ms: e.modified_ms,
            count: 0,
            last_kind: why.clone(),
        });
        if f.size != e.size || f.modified_ms != e.modified_ms {
            *f = Failures { size: e.size, modified_ms: e.modified_ms, count: 0, last_kind: why.clone() };
        }
        f.count = f.count.saturating_add(1);
        f.last_kind = why;
        if f.count >= REPORT_AFTER_FAILURES {
            FailureVerdict::Report
        } else {
            FailureVerdict::Retry { after_rounds: 1 << (f.count - 1).min(8) }
        }
    }

    /// The files reported (name and last failure), for the panel and the
    /// diagnosis. These are never overwritten or removed automatically.
    pub fn reported(&self) -> Vec<(&str, &ReadFailure)> {
        self.failures
            .iter()
            .filter(|(_, f)| f.count >= REPORT_AFTER_FAILURES)
            .map(|(n, f)| (n.as_str(), &f.last_kind))
            .collect()
    }

    /// A file deleted by the person (point 6): forgotten.
    pub fn drop_file(&mut self, name: &str) {
        self.read_ok.remove(name);
        self.failures.remove(name);
    }

    /// Whether a file is failing now (reported or not).
    pub fn failing(&self, name: &str) -> bool {
        self.failures.contains_key(name)
    }
}

// ---- Points 2, 3: opening a file, trusting only its authenticated content ----

/// Where this PC stands: its folder, epoch and device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub folder: String,
    pub epoch: u64,
    pub device: String,
}

/// A file opened and authenticated.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub header: Header,
    pub body: Body,
}

/// What a well-formed file means for this PC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Our folder and epoch: open it with our key.
    Ours,
    /// Another folder: refused.
    OtherFolder,
    /// A lower epoch: never accepted (its move record is read by [`moved_on`]).
    LowerEpoch,
    /// A higher epoch: the secret may have been rotated; ask for it (only
    /// an authenticated move record stops writing).
    HigherEpoch(u64),
}

/// A header judged against our membership, before decrypting.
pub fn standing(m: &Membership, h: &Header) -> Standing {
    if h.folder != m.folder {
        Standing::OtherFolder
    } else if h.epoch < m.epoch {
        Standing::LowerEpoch
    } else if h.epoch > m.epoch {
        Standing::HigherEpoch(h.epoch)
    } else {
        Standing::Ours
    }
}

/// Like [`open_file`], but a copy's worklist is not built (see
/// [`format::parse_body_mark`]): for our own file's checks.
pub async fn open_file_mark<C: FolderCrypto>(
    crypto: &C,
    key: &C::Key,
    m: &Membership,
    bytes: &[u8],
) -> Result<Opened, ReadFailure> {
    open_by(crypto, key, m, bytes, format::parse_body_mark).await
}

/// Opens a file of our folder and epoch with our key: the tag check covers
/// the header's folder, epoch and device, the body names the device again.
/// The device id is the authenticated one; the file name plays no part.
pub async fn open_file<C: FolderCrypto>(
    crypto: &C,
    key: &C::Key,
    m: &Membership,
    bytes: &[u8],
) -> Result<Opened, ReadFailure> {
    open_by(crypto, key, m, bytes, format::parse_body).await
}

async fn open_by<C: FolderCrypto>(
    crypto: &C,
    key: &C::Key,
    m: &Membership,
    bytes: &[u8],
    body_of: fn(&Header, &[u8]) -> Result<Body, format::BodyError>,
) -> Result<Opened, ReadFailure> {
    let parts = format::parse(bytes).map_err(ReadFailure::Format)?;
    open_parts(crypto, key, m, parts, body_of).await
}

/// [`open_file`] of a file already parsed (the round reads each header once).
pub async fn open_parts<C: FolderCrypto>(
    crypto: &C,
    key: &C::Key,
    m: &Membership,
    FileParts { header, sealed }: FileParts,
    body_of: fn(&Header, &[u8]) -> Result<Body, format::BodyError>,
) -> Result<Opened, ReadFailure> {
    if standing(m, &header) != Standing::Ours {
        return Err(ReadFailure::Decrypt);
    }
    let aad = format::aad(&header.folder, header.epoch, &header.device);
    let plain = crypto.open(key, &header.iv, &aad, &sealed).await.map_err(|e| match e {
        CryptoError::Refused => ReadFailure::Decrypt,
        CryptoError::Unavailable(s) => ReadFailure::Folder(FolderError::Other(s)),
    })?;
    let body = body_of(&header, &plain).map_err(ReadFailure::Body)?;
    Ok(Opened { header, body })
}

/// Seals a body into a file's bytes for our membership, with a fresh IV
/// and the epoch's salt. `extra` carries header fields of a later minor kept.
pub async fn seal_file<C: FolderCrypto>(
    crypto: &C,
    key: &C::Key,
    random: &mut dyn Random,
    m: &Membership,
    salt: &[u8],
    body: &Body,
) -> Result<Vec<u8>, CryptoError> {
    seal_plain(crypto, key, random, m, salt, &format::render_body(body)).await
}

/// Seals a body's bytes (see [`format::render_copy`]) into a file's bytes.
pub async fn seal_plain<C: FolderCrypto>(
    crypto: &C,
    key: &C::Key,
    random: &mut dyn Random,
    m: &Membership,
    salt: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let mut iv = vec![0u8; format::IV_BYTES];
    random.fill(&mut iv)?;
    let aad = format::aad(&m.folder, m.epoch, &m.device);
    let sealed = crypto.seal(key, &iv, &aad, plain).await?;
    let header = Header {
        minor: format::MINOR,
        folder: m.folder.clone(),
        epoch: m.epoch,
        device: m.device.clone(),
        salt: salt.to_vec(),
        iv,
        extra: serde_json::Map::new(),
    };
    Ok(format::render(&FileParts { header, sealed }))
}

/// Whether an opened file tells us the epoch moved on (point 2): a move
/// record of our epoch. Then this PC stops writing and asks for the secret.
pub fn moved_on(m: &Membership, o: &Opened) -> Option<u64> {
    match &o.body {
        Body::Moved { to_epoch, .. } if o.header.epoch == m.epoch => Some(*to_epoch),
        _ => None,
    }
}

// ---- Point 3: our own file, re-read before writing ----

/// What re-reading our own file before writing found.
#[derive(Clone, Debug, PartialEq)]
pub enum OwnFile {
    /// Not there (first write, or removed): write it.
    Missing,
    /// Unreadable (damaged, truncated, foreign key): never overwrite it;
    /// write under a new device id.
    Unreadable,
    /// Readable, and the last write was ours (or one this store knows).
    Ours,
    /// Readable, but written by a session this store does not know: a
    /// cloned profile or two PCs with one device id. Merge it, then write
    /// under a new device id.
    Clone,
}

/// Judges our own file. `known` is the marks this store wrote (its last
/// few, in case a write landed but the store did not save the mark).
pub fn own_file(read: Result<Option<&Opened>, ()>, known: &[WriteMark]) -> OwnFile {
    match read {
        Ok(None) => OwnFile::Missing,
        Err(()) => OwnFile::Unreadable,
        Ok(Some(o)) => match &o.body {
            Body::Copy { mark, .. } if known.contains(mark) => OwnFile::Ours,
            Body::Copy { .. } => OwnFile::Clone,
            // A move record in our name we did not write: not ours.
            Body::Moved { .. } => OwnFile::Clone,
        },
    }
}

/// After `close()`: the read-back must open and carry the mark just written.
pub fn read_back_ok(read: Option<&Opened>, written: &WriteMark) -> bool {
    matches!(read, Some(Opened { body: Body::Copy { mark, .. }, .. }) if mark == written)
}

// ---- Point 5: the safety valve ----

/// Whether a merge removes or overwrites so much at once that the app
/// asks first: more than 20 patients, or more than 10 % of the values when
/// that is more than 20 values.
pub fn valve_trips(i: &Impact) -> bool {
    i.patients > VALVE_PATIENTS
        || (i.values > VALVE_MIN_VALUES && i.values.saturating_mul(100) > i.values_before.saturating_mul(VALVE_PERCENT))
}

/// Merges the files read into the local list, stopping at the first file
/// whose merge would trip the valve: the caller keeps the snapshot and
/// names that file's PC. Files are merged in the given order. `accept`
/// names the file the person said yes to: it is applied without asking.
pub fn merge_round<M: Merge>(
    merge: &M,
    local: &M::List,
    files: &[(&str, &M::List)],
    accept: Option<&str>,
) -> RoundMerge<M::List> {
    let mut acc = local.clone();
    for (name, list) in files {
        // A file that holds nothing new (most files, most rounds) changes
        // nothing: neither merged nor weighed.
        if merge.contains(&acc, list) {
            continue;
        }
        let next = merge.merge(&acc, list);
        let impact = merge.impact(&acc, &next);
        if valve_trips(&impact) && accept != Some(*name) {
            return RoundMerge::Ask { merged_so_far: acc, file: (*name).to_owned(), impact };
        }
        acc = next;
    }
    RoundMerge::Merged(acc)
}

/// The outcome of [`merge_round`].
#[derive(Clone, Debug, PartialEq)]
pub enum RoundMerge<L> {
    Merged(L),
    /// Stopped before this file: ask before applying it.
    Ask {
        merged_so_far: L,
        file: String,
        impact: Impact,
    },
}

// ---- Point 6: old files go by themselves ----

/// A readable file of another device, as the round saw it.
pub struct Candidate<'a, L> {
    pub name: &'a str,
    pub device: &'a str,
    pub modified_ms: i64,
    pub list: &'a L,
}

/// Whether an old file may be removed: readable (only readable files are
/// candidates), not ours, unchanged for 30 days by its last-modified (a
/// date in the future never ages), everything in it in our freshly written
/// and re-read copy and in one other readable file of another device.
pub fn may_remove<M: Merge>(
    merge: &M,
    own_device: &str,
    own_fresh: &M::List,
    file: &Candidate<'_, M::List>,
    others: &[Candidate<'_, M::List>],
    now_ms: i64,
) -> bool {
    if file.device == own_device {
        return false;
    }
    let age = now_ms.saturating_sub(file.modified_ms);
    if file.modified_ms > now_ms || age < REMOVE_AFTER_DAYS * DAY_MS {
        return false;
    }
    merge.contains(own_fresh, file.list)
        && others.iter().any(|o| {
            o.name != file.name
                && o.device != file.device
                && o.device != own_device
                && merge.contains(o.list, file.list)
        })
}

// ---- Point 4: when ----

/// A change is written this long after the last change (debounce)...
pub const DEBOUNCE_MS: i64 = 5_000;
/// ...but writes are at least this far apart...
pub const MIN_WRITE_GAP_MS: i64 = 30_000;
/// ...and the folder is polled this often while the tab is visible.
pub const POLL_MS: i64 = 60_000;
/// A PC counts as active when its file changed within this many days.
pub const ACTIVE_DAYS: i64 = 7;

/// When the next folder round is due (point 4): with unwritten changes, 5 s
/// after the last change but no sooner than 30 s after the last write, at
/// once when the tab is hidden; without, the next poll while visible, none
/// while hidden. Times in ms of one clock (the page's monotonic one).
pub fn next_round_at(
    last_change_ms: Option<i64>,
    last_write_ms: Option<i64>,
    last_round_ms: Option<i64>,
    hidden: bool,
    now_ms: i64,
) -> Option<i64> {
    let unwritten = match (last_change_ms, last_write_ms) {
        (Some(c), Some(w)) => c > w,
        (Some(_), None) => true,
        _ => false,
    };
    if unwritten {
        if hidden {
            return Some(now_ms);
        }
        let debounced = last_change_ms.unwrap_or(now_ms).saturating_add(DEBOUNCE_MS);
        let gap = last_write_ms.map_or(i64::MIN, |w| w.saturating_add(MIN_WRITE_GAP_MS));
        return Some(debounced.max(gap));
    }
    if hidden {
        return None;
    }
    Some(last_round_ms.map_or(now_ms, |r| r.saturating_add(POLL_MS)))
}

/// The status line's count: distinct (authenticated) devices whose file
/// changed within the last 7 days, ours included.
pub fn active_devices<'a>(files: impl IntoIterator<Item = (&'a str, i64)>, now_ms: i64) -> usize {
    let since = now_ms.saturating_sub(ACTIVE_DAYS * DAY_MS);
    let set: std::collections::BTreeSet<&str> =
        files.into_iter().filter(|(_, m)| *m >= since && *m <= now_ms.saturating_add(DAY_MS)).map(|(d, _)| d).collect();
    set.len()
}
