//! One folder round (issue 25, point 3): list, read what changed, merge,
//! re-read our own file, write, read it back, remove old files. Generic
//! over the folder, the crypto and the merge, so it runs natively over
//! [`super::sim::SimFolder`] and in the browser over `web/folder.js`
//! (`crate::folder_web::JsFolder`) with issue 24's merge. The caller holds the Web Lock (one round per PC)
//! and decides when (point 4).

use super::format::{self, Body, FormatError, WriteMark};
use super::secret::{FolderCrypto, Random};
use super::{
    may_remove, merge_round, moved_on, open_file, open_file_mark, open_parts, own_file, plan_listing, read_back_ok,
    seal_file, seal_plain, standing, Candidate, FailureVerdict, Folder, FolderError, Impact, Membership, Merge, Opened,
    OwnFile, ReadFailure, RoundMerge, Seen, Standing, MAX_ENTRIES,
};
use serde_json::Value;
use std::collections::BTreeMap;

/// The worklist's encoding in a file, and its input rules: what the merge
/// side provides besides [`Merge`]. `decode` applies every rule of the
/// backup import (labels, CPR-like text, caps) and refuses with `None`.
pub trait Codec: Merge {
    /// Takes the file's list (parsed once, never printed and parsed again).
    fn decode(&self, v: Value) -> Option<Self::List>;
    /// [`Codec::decode`], where the rules may skip what `trusted` lists
    /// (already read by them) hold unchanged.
    fn decode_beside(&self, v: Value, _trusted: &[&Self::List]) -> Option<Self::List> {
        self.decode(v)
    }
    /// The list as JSON text (written as it is inside the body).
    fn encode(&self, l: &Self::List) -> String;
    /// Before a round: store in `l` what every copy would derive alike from
    /// it (the worklist's legacy stamps), so that no reader of this PC's
    /// file derives it again in every round. No edit; nothing by default.
    fn settle(&self, _l: &mut Self::List) {}
    /// Files larger than this are refused before they are opened (the
    /// backup import's size rule); the folder's own cap by default.
    fn max_file_bytes(&self) -> u64 {
        format::MAX_FILE_BYTES
    }
}

/// A PC's standing in the folder, kept (locked) between rounds.
pub struct Device<K> {
    pub m: Membership,
    /// The epoch's salt.
    pub salt: Vec<u8>,
    pub key: K,
    /// This store's session id, written in every mark.
    pub session: String,
    pub seq: u64,
    /// The marks this store wrote (the last few).
    pub known_marks: Vec<WriteMark>,
    pub seen: Seen,
    /// Set when a move record or a higher epoch was read: no more writes.
    pub moved_to: Option<u64>,
    /// What was last written (so an unchanged list is not written again).
    pub last_written: Option<String>,
    /// The file the safety valve asked about and the person accepted: the
    /// next round applies it.
    pub accept: Option<String>,
}

impl<K> Device<K> {
    /// A device before its first write: nothing written, seen or asked yet.
    pub fn new(m: Membership, salt: Vec<u8>, key: K, session: String) -> Self {
        Device {
            m,
            salt,
            key,
            session,
            seq: 0,
            known_marks: Vec::new(),
            seen: Seen::default(),
            moved_to: None,
            last_written: None,
            accept: None,
        }
    }
}

/// A readable file of another device, kept between rounds (old-file removal
/// needs every readable file, not only the changed ones).
pub struct Known<L> {
    pub device: String,
    pub modified_ms: i64,
    pub list: L,
}

/// What a round did and found, for the status line and the diagnosis.
#[derive(Debug, PartialEq, Default)]
pub struct Report {
    pub read: Vec<String>,
    pub failed: Vec<(String, ReadFailure, FailureVerdict)>,
    /// "PC X kører en nyere version — genindlæs": (file, device if readable).
    pub newer_version: Vec<(String, Option<String>)>,
    /// The safety valve stopped before this file.
    pub asked: Option<(String, Impact)>,
    /// The epoch moved on: ask for the new secret.
    pub moved_to: Option<u64>,
    pub own: Option<OwnFile>,
    /// When our own file was last changed, as listed (a new page's "sidst delt").
    pub own_modified_ms: Option<i64>,
    pub new_device: bool,
    pub wrote: bool,
    pub write_error: Option<FolderError>,
    /// Our own file could not be read now: nothing written this round.
    pub own_read_error: Option<FolderError>,
    /// Files of a higher epoch with no move record read: the secret may have
    /// been rotated. Said, and the secret asked for, but writing goes on: a
    /// bare header (anyone with write access to the folder can make one)
    /// never stops a PC; only an authenticated move record does.
    pub newer_epoch: Vec<(String, u64)>,
    pub read_back_failed: bool,
    pub removed: Vec<String>,
}

/// One round. `local` is the working copy (localStorage); it is replaced by
/// the merged list unless the valve asks. `known` carries readable files
/// between rounds.
#[allow(clippy::too_many_arguments)]
pub async fn round<F: Folder, C: FolderCrypto, M: Codec>(
    folder: &mut F,
    crypto: &C,
    merge: &M,
    random: &mut dyn Random,
    dev: &mut Device<C::Key>,
    known: &mut BTreeMap<String, Known<M::List>>,
    local: &mut M::List,
    now_ms: i64,
) -> Report {
    let mut report = Report::default();
    if dev.moved_to.is_some() {
        report.moved_to = dev.moved_to;
        return report;
    }
    merge.settle(local);
    let listing = match folder.list(MAX_ENTRIES).await {
        Ok(l) => l,
        Err(e) => {
            report.write_error = Some(e);
            return report;
        }
    };
    let plan = plan_listing(&listing);
    let own_name = format::file_name(&dev.m.device);
    report.own_modified_ms = listing.entries.iter().find(|e| e.name == own_name).map(|e| e.modified_ms);
    let listed: Vec<String> = plan.candidates.iter().map(|e| e.name.clone()).collect();
    // A file a lagging listing left out is read again when it is back.
    let dropped: Vec<String> = known.keys().filter(|n| !listed.contains(n)).cloned().collect();
    for n in &dropped {
        known.remove(n);
        dev.seen.forget(n);
    }
    // The files read this round, by name; their lists live in `known` (kept
    // for old-file removal), so each is held once, not copied.
    let mut fresh: Vec<String> = Vec::new();
    let to_read: Vec<_> =
        dev.seen.to_read(&plan.candidates).into_iter().filter(|e| e.name != own_name).cloned().collect();
    for e in to_read {
        // This PC's list and the file read just before met the rules already.
        let last = fresh.last().and_then(|n| known.get(n)).map(|k| &k.list);
        let trusted: Vec<&M::List> = std::iter::once(&*local).chain(last).collect();
        let got = read_one(folder, crypto, merge, dev, &e.name, e.size, &trusted).await;
        match got {
            Ok((opened, list)) => {
                dev.seen.read_ok(&e);
                report.read.push(e.name.clone());
                if let Some(to) = moved_on(&dev.m, &opened) {
                    dev.moved_to = Some(to);
                }
                if let Some(list) = list {
                    known.insert(
                        e.name.clone(),
                        Known { device: opened.header.device.clone(), modified_ms: e.modified_ms, list },
                    );
                    fresh.push(e.name.clone());
                }
            }
            Err(Got::Newer(device)) => {
                dev.seen.read_ok(&e);
                report.newer_version.push((e.name.clone(), device));
            }
            Err(Got::Higher(epoch)) => {
                dev.seen.read_ok(&e);
                report.newer_epoch.push((e.name.clone(), epoch));
            }
            Err(Got::Ignore) => dev.seen.read_ok(&e),
            Err(Got::Failed(why)) => {
                let verdict = dev.seen.failed(&e, why.clone());
                report.failed.push((e.name.clone(), why, verdict));
            }
        }
    }
    if dev.moved_to.is_some() {
        report.moved_to = dev.moved_to;
        return report;
    }
    let refs: Vec<(&str, &M::List)> =
        fresh.iter().filter_map(|n| known.get(n).map(|k| (n.as_str(), &k.list))).collect();
    let merged = merge_round(merge, local, &refs, dev.accept.as_deref());
    drop(refs);
    match merged {
        RoundMerge::Merged(l) => {
            *local = l;
            dev.accept = None;
        }
        RoundMerge::Ask { merged_so_far, file, impact } => {
            *local = merged_so_far;
            // The asked file and those after it are read again next round
            // (and asked again) until the person answers.
            let at = fresh.iter().position(|n| *n == file).unwrap_or(0);
            for n in &fresh[at..] {
                dev.seen.forget(n);
                known.remove(n);
            }
            report.asked = Some((file, impact));
        }
    }
    // Our own file, re-read before writing.
    // A folder error (locked by a sync client, not readable now) is retried
    // next round without writing; bytes that do not open (damaged, cut,
    // another key) make this PC write under a new device id.
    let own_size = listing.entries.iter().find(|e| e.name == own_name).map(|e| e.size);
    let own_read = if own_size.is_some_and(|n| n > format::MAX_FILE_BYTES) {
        Err(())
    } else {
        match folder.read(&own_name).await {
            Err(FolderError::NotFound) => Ok(None),
            Ok(b) if b.len() as u64 > format::MAX_FILE_BYTES => Err(()),
            Ok(b) => Ok(Some(b)),
            Err(e) => {
                report.own_read_error = Some(e);
                return report;
            }
        }
    };
    let own_opened = match &own_read {
        // Only who wrote it is needed, unless it is a clone's (below).
        Ok(Some(b)) => open_file_mark(crypto, &dev.key, &dev.m, b).await.map(Some).map_err(|_| ()),
        Ok(None) => Ok(None),
        Err(()) => Err(()),
    };
    let verdict = own_file(own_opened.as_ref().map(Option::as_ref).map_err(|_| ()), &dev.known_marks);
    if verdict == OwnFile::Clone {
        let full = match &own_read {
            Ok(Some(b)) => open_file(crypto, &dev.key, &dev.m, b).await.ok(),
            _ => None,
        };
        if let Some(Opened { body: Body::Copy { worklist, .. }, .. }) = full {
            if let Some(theirs) = merge.decode(worklist) {
                *local = merge.merge(local, &theirs);
            }
        }
    }
    if matches!(verdict, OwnFile::Clone | OwnFile::Unreadable) {
        let mut id = [0u8; format::ID_BYTES];
        if random.fill(&mut id).is_err() {
            return report;
        }
        dev.m.device = format::id_text(&id);
        dev.last_written = None;
        report.new_device = true;
    }
    report.own = Some(verdict);
    if report.asked.is_some() {
        return report;
    }
    // Write only when the list changed.
    let value = merge.encode(local);
    if dev.last_written.as_ref() == Some(&value) {
        return report;
    }
    dev.seq += 1;
    let mark = WriteMark { session: dev.session.clone(), seq: dev.seq };
    let plain = format::render_copy(&dev.m.device, &mark, &value);
    let Ok(bytes) = seal_plain(crypto, &dev.key, random, &dev.m, &dev.salt, &plain).await else {
        return report;
    };
    let name = format::file_name(&dev.m.device);
    dev.known_marks.push(mark.clone());
    if dev.known_marks.len() > 8 {
        dev.known_marks.remove(0);
    }
    if let Err(e) = folder.write(&name, &bytes).await {
        report.write_error = Some(e);
        return report;
    }
    let back = match folder.read(&name).await {
        Ok(b) => open_file_mark(crypto, &dev.key, &dev.m, &b).await.ok(),
        Err(_) => None,
    };
    if !read_back_ok(back.as_ref(), &mark) {
        report.read_back_failed = true;
        return report;
    }
    report.wrote = true;
    dev.last_written = Some(value);
    // Old files go by themselves (point 6), only after a good read-back.
    let cands: Vec<Candidate<'_, M::List>> = known
        .iter()
        .map(|(n, k)| Candidate { name: n, device: &k.device, modified_ms: k.modified_ms, list: &k.list })
        .collect();
    let gone: Vec<String> = cands
        .iter()
        .filter(|c| !dev.seen.failing(c.name) && may_remove(merge, &dev.m.device, local, c, &cands, now_ms))
        .map(|c| c.name.to_owned())
        .collect();
    drop(cands);
    for n in gone {
        if folder.remove(&n).await.is_ok() {
            known.remove(&n);
            report.removed.push(n);
        }
    }
    report
}

/// Rotating the secret (point 2): this PC writes, under the old key and in
/// its own file of the old epoch, the authenticated record "moved to epoch
/// E+1", and reads it back. PCs still in the old epoch read it and stop
/// writing there. The caller then takes a seat in the new epoch under a new
/// device id (so the record stays in the folder for late PCs).
pub async fn write_moved<F: Folder, C: FolderCrypto>(
    folder: &mut F,
    crypto: &C,
    random: &mut dyn Random,
    dev: &Device<C::Key>,
) -> Result<(), FolderError> {
    let to_epoch = dev.m.epoch.checked_add(1).ok_or(FolderError::Other("epoch".into()))?;
    let body = Body::Moved { device: dev.m.device.clone(), to_epoch, extra: Default::default() };
    let bytes = seal_file(crypto, &dev.key, random, &dev.m, &dev.salt, &body)
        .await
        .map_err(|_| FolderError::Other("crypto".into()))?;
    let name = format::file_name(&dev.m.device);
    folder.write(&name, &bytes).await?;
    let back = folder.read(&name).await?;
    match open_file(crypto, &dev.key, &dev.m, &back).await {
        Ok(o) if moved_on(&dev.m, &o) == Some(to_epoch) => Ok(()),
        _ => Err(FolderError::Other("read back".into())),
    }
}

enum Got {
    Newer(Option<String>),
    Higher(u64),
    Ignore,
    Failed(ReadFailure),
}

async fn read_one<F: Folder, C: FolderCrypto, M: Codec>(
    folder: &mut F,
    crypto: &C,
    merge: &M,
    dev: &Device<C::Key>,
    name: &str,
    listed_size: u64,
    trusted: &[&M::List],
) -> Result<(Opened, Option<M::List>), Got> {
    let bytes = folder.read(name).await.map_err(|e| Got::Failed(ReadFailure::Folder(e)))?;
    if bytes.len() as u64 > listed_size.clamp(1, format::MAX_FILE_BYTES.min(merge.max_file_bytes())) {
        return Err(Got::Failed(ReadFailure::TooLarge));
    }
    let parts = match format::parse(&bytes) {
        Err(FormatError::NewerMajor { device, .. }) => return Err(Got::Newer(device)),
        Err(e) => return Err(Got::Failed(ReadFailure::Format(e))),
        Ok(p) => match standing(&dev.m, &p.header) {
            Standing::Ours => p,
            Standing::HigherEpoch(e) => return Err(Got::Higher(e)),
            // An older epoch's file: its move record matters only to PCs still there.
            Standing::LowerEpoch => return Err(Got::Ignore),
            Standing::OtherFolder => return Err(Got::Failed(ReadFailure::Decrypt)),
        },
    };
    drop(bytes);
    let mut opened = open_parts(crypto, &dev.key, &dev.m, parts, format::parse_body).await.map_err(Got::Failed)?;
    let list = match &mut opened.body {
        Body::Copy { worklist, .. } => {
            Some(merge.decode_beside(std::mem::take(worklist), trusted).ok_or(Got::Failed(ReadFailure::Refused))?)
        }
        Body::Moved { .. } => None,
    };
    Ok((opened, list))
}

/// *Kopiér diagnose* (point 8): for the helpdesk, with no patient data —
/// the browser, the API, the permission, what the last round read, skipped
/// and failed (file names carry only device ids), the failures reported,
/// and this PC's folder standing. Built from the round's own records, which
/// hold no list.
pub fn diagnosis(
    browser: &str,
    api: bool,
    permission: &str,
    dev_device: &str,
    epoch: u64,
    report: &Report,
    seen: &super::Seen,
) -> String {
    let mut out = format!(
        "cup-pathway folder diagnosis\nbrowser: {browser}\napi: {}\npermission: {permission}\nformat: {}/{}.{}\nepoch: {epoch}\ndevice: {dev_device}\n",
        if api { "yes" } else { "missing" },
        format::FORMAT,
        format::MAJOR,
        format::MINOR,
    );
    for n in &report.read {
        out.push_str(&format!("read ok: {n}\n"));
    }
    for (n, why, verdict) in &report.failed {
        out.push_str(&format!("failed: {n}: {why:?} ({verdict:?})\n"));
    }
    for (n, device) in &report.newer_version {
        out.push_str(&format!("newer version: {n} (device {})\n", device.as_deref().unwrap_or("?")));
    }
    for (n, e) in &report.newer_epoch {
        out.push_str(&format!("newer epoch: {n} (epoch {e})\n"));
    }
    for (n, why) in seen.reported() {
        out.push_str(&format!("reported: {n}: {why:?}\n"));
    }
    if let Some((n, i)) = &report.asked {
        out.push_str(&format!(
            "safety valve: {n}: {} patients, {} of {} values\n",
            i.patients, i.values, i.values_before
        ));
    }
    for (label, e) in [("write error", &report.write_error), ("own file not readable", &report.own_read_error)] {
        if let Some(e) = e {
            out.push_str(&format!("{label}: {e:?}\n"));
        }
    }
    if let Some(own) = &report.own {
        out.push_str(&format!("own file ({}): {own:?}\n", format::file_name(dev_device)));
    }
    out.push_str(&format!(
        "wrote: {}, read back failed: {}, removed: {}\n",
        report.wrote,
        report.read_back_failed,
        report.removed.len()
    ));
    out
}
