//! The department's shared folder in the app (issue 25): connecting,
//! founding or joining with the department secret, the rounds on time
//! (point 4) and what the panel shows. The rules are `crate::folder`, the
//! browser side `crate::folder_web`, the worklist as the folder's list
//! `crate::folder_list`.
//!
//! Only with the lock open (point 1): the seat, which holds the secret, is
//! sealed with the lock's key, and closing the lock drops the run (the
//! folder key and the other PCs' lists) from memory. Every round re-reads
//! the seat from storage first, under the Web Lock: another tab's writes
//! are known, and a seat removed (*Slet alle data*, the lock turned off)
//! stops this tab from ever writing the folder again (point 7).

use super::{AppState, LockState};
use crate::folder::format::{self, FormatError};
use crate::folder::round::{self, Codec, Device, Known, Report};
use crate::folder::seat::Seat;
use crate::folder::secret::{FolderCrypto, Secret, SecretError};
use crate::folder::{self as rules, Folder, Membership, ReadFailure};
use crate::folder_list::WorklistList;
use crate::folder_web::{self as web, JsFailure, JsFolder, WebCrypto, WebRandom};
use crate::storage;
use crate::patients::Worklist;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// The folder's write access asked in a click, answered later.
pub type Asked = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), JsFailure>>>>;

/// Work the first load does not carry: with the `split` feature (the
/// release) the rounds, the crypto and the file format are a wasm chunk of
/// their own, fetched on a PC with a folder when the lock opens
/// (`crate::app::folder_job`).
pub enum FolderJob {
    Round,
    Resume(Option<Asked>),
}

/// How a folder job is run: given by the app (`crate::app::folder_job`,
/// which fetches the chunk first in the release).
pub type Runner = fn(AppState, FolderJob) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

thread_local! {
    static RUNNER: std::cell::Cell<Option<Runner>> = const { std::cell::Cell::new(None) };
    /// A resume whose code could not be fetched: tried again at the next tick.
    static RESUME_DUE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Registers the runner of folder jobs (the app, at start).
pub fn set_folder_runner(run: Runner) {
    RUNNER.with(|r| r.set(Some(run)));
}

/// What the panel shows; set only here.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FolderStatus {
    pub phase: FolderPhase,
    pub folder_name: String,
    /// PCs whose file changed within 7 days, this one included.
    pub active: usize,
    /// When this PC's copy last reached the folder (ms since 1970).
    pub last_shared_ms: Option<f64>,
    /// Changes on this PC not yet in the folder.
    pub unwritten: bool,
    pub problems: Vec<FolderProblem>,
    /// A new department's secret, shown once.
    pub new_secret: Option<String>,
    /// For *Kopiér diagnose*: no patient data.
    pub diagnosis: String,
    /// A round is under way.
    pub busy: bool,
    /// Just joined: the list's patients after the first round.
    pub joined: Option<usize>,
    /// The panel is open (kept while screens are rebuilt).
    pub panel_open: bool,
    /// The code asked for is a changed one (after a move record).
    pub rejoin: bool,
    /// The code shown was just changed here.
    pub rotated: bool,
    /// Rounds finished in this tab (the page shows it for tests).
    pub rounds: u32,
    /// The list from before an accepted valve change, kept locked on this
    /// PC (point 5): the file whose change it was, and when (ms since 1970).
    pub before: Option<(String, i64)>,
}

impl FolderStatus {
    /// The safety valve holds a file back until the person answers
    /// (nothing is shared meanwhile).
    pub fn valve_waits(&self) -> bool {
        self.problems.iter().any(|p| matches!(p, FolderProblem::Valve { .. }))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum FolderPhase {
    /// Not connected on this PC.
    #[default]
    Off,
    /// Picking, deriving the key, a first round.
    Working,
    /// The folder holds a department's files: its secret is asked for.
    NeedSecret,
    /// Connected: rounds run.
    Connected,
    /// Connected before, but the browser asks for write access again (a click).
    NeedPermission,
}

/// What went wrong, worded by `i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderProblem {
    /// The picker or the permission (web/folder.js's kinds).
    Connect(JsFailure),
    /// Connecting needs the local lock on.
    NeedsLock,
    /// The typed secret is not a code.
    Secret(SecretError),
    /// A well-formed code that does not open the department's files.
    WrongSecret,
    /// The browser's crypto failed.
    Crypto,
    /// This PC's stored seat could not be read: connect again.
    SeatUnreadable,
    /// A file failing 3 times, by name (never overwritten or removed).
    Unreadable(String),
    /// "PC X kører en nyere version — genindlæs": the file and its PC
    /// (the file's name when its header names none). Deletable (point 6).
    NewerVersion { file: String, pc: String },
    /// Files of a later epoch: the secret may have been rotated.
    NewerEpoch,
    /// The department moved on to a new secret: this PC stopped writing.
    Moved,
    /// The safety valve: a file would remove or overwrite this many patients.
    Valve { file: String, patients: usize },
    /// Writing the folder failed (the browser's name).
    WriteFailed(String),
    /// The seat could not be stored on this PC.
    NotStored,
    /// The folder's code could not be fetched (offline?): tried again.
    NotLoaded,
    /// The list from before could not be kept on this PC (storage full):
    /// nothing changed. A valve change asked again is applied without it;
    /// starting the list over (`wipe`) is not.
    BeforeNotKept { wipe: bool },
}

impl FolderProblem {
    /// The file this problem offers to delete by an explicit click (point 6:
    /// unreadable, which includes another key's, and newer-version files).
    pub fn removable(&self) -> Option<&str> {
        match self {
            FolderProblem::Unreadable(file) | FolderProblem::NewerVersion { file, .. } => Some(file),
            _ => None,
        }
    }
}

/// What the folder showed when connecting: the department's header, to join.
#[derive(Clone, Debug)]
pub(super) struct Found {
    folder: String,
    epoch: u64,
    salt: Vec<u8>,
    /// A file of the department, opened to check the typed secret.
    sample: Vec<u8>,
}

/// The round's working set, taken out while a round runs.
pub(super) struct Work {
    dev: Device<web_sys::CryptoKey>,
    known: BTreeMap<String, Known<Worklist>>,
    last: Report,
    /// Each device read this session and its file's last-modified (kept
    /// when the valve puts a file back to be read again): the status count.
    devices: BTreeMap<String, i64>,
}

/// This tab's part in the folder while the lock is open.
pub(super) struct FolderRun {
    seat: Seat,
    /// `None` while a round runs.
    work: Option<Work>,
    last_change: Option<i64>,
    last_write: Option<i64>,
    last_round: Option<i64>,
    /// Told apart from a run begun later (a reconnect): a round ending
    /// after its run was dropped changes nothing.
    id: u64,
    /// *Del nu* while a round ran: another round follows it.
    again: bool,
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

fn hidden() -> bool {
    document().visibility_state() == web_sys::VisibilityState::Hidden
}

/// Lets go of the Web Lock `web/folder.js` gave.
fn release(lock: &wasm_bindgen::JsValue) {
    if let Ok(f) = js_sys::Reflect::get(lock, &"release".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// The newest epoch's header among the department's files, if any.
async fn department_in(folder: &mut JsFolder) -> Result<Option<Found>, JsFailure> {
    let listing = folder.list(rules::MAX_ENTRIES).await.map_err(|e| JsFailure::Io(format!("{e:?}")))?;
    let mut best: Option<Found> = None;
    for e in rules::plan_listing(&listing).candidates {
        let Ok(bytes) = folder.read(&e.name).await else { continue };
        match format::parse(&bytes) {
            Ok(p) if best.as_ref().is_none_or(|b| p.header.epoch > b.epoch) => {
                best =
                    Some(Found { folder: p.header.folder, epoch: p.header.epoch, salt: p.header.salt, sample: bytes })
            }
            Ok(_) | Err(FormatError::NewerMajor { .. }) | Err(_) => {}
        }
    }
    Ok(best)
}

impl AppState {
    pub fn folder(&self) -> ReadSignal<FolderStatus> {
        self.folder.read_only()
    }

    fn folder_problem(&self, p: FolderProblem) {
        self.folder.update(|f| {
            if !f.problems.contains(&p) {
                f.problems.push(p);
            }
        });
    }

    fn folder_phase(&self, phase: FolderPhase) {
        self.folder.update(|f| f.phase = phase);
    }

    /// Loads web/folder.js when this PC has a seat, so *Lås op* can ask for
    /// the folder's permission in its own click.
    pub fn folder_prepare(&self) {
        if storage::folder_seat_exists() {
            leptos::task::spawn_local(async {
                web::load_script().await;
            });
        }
    }

    /// *Forbind fælles mappe* (in a click): the picker, write access, then
    /// a new department (an empty folder) or the secret asked for.
    pub async fn folder_connect(&self) {
        self.folder.update(|f| {
            f.problems.clear();
            f.rejoin = false;
            f.rotated = false;
        });
        if self.lock_state() != LockState::Unlocked {
            return self.folder_problem(FolderProblem::NeedsLock);
        }
        let picked = match web::start("pick", &[]).await {
            Ok(v) => v,
            Err(f) => return self.folder_problem(FolderProblem::Connect(f)),
        };
        let name = js_sys::Reflect::get(&picked, &"folderName".into()).ok().and_then(|n| n.as_string());
        self.folder.update(|f| {
            f.folder_name = name.unwrap_or_default();
            f.phase = FolderPhase::Working;
        });
        match department_in(&mut JsFolder).await {
            Err(f) => {
                self.folder_phase(FolderPhase::Off);
                self.folder_problem(FolderProblem::Connect(f));
            }
            Ok(Some(found)) => {
                self.folder_found.set_value(Some(found));
                self.folder_phase(FolderPhase::NeedSecret);
            }
            Ok(None) => self.found_department().await,
        }
    }

    /// An empty folder: a new department secret, shown once.
    async fn found_department(&self) {
        let name = self.folder.with_untracked(|f| f.folder_name.clone());
        let Ok((seat, secret)) = Seat::found(&mut WebRandom, &name) else {
            self.folder_phase(FolderPhase::Off);
            return self.folder_problem(FolderProblem::Crypto);
        };
        let Ok(key) = WebCrypto.derive(secret.kdf_input(), &seat.salt_bytes(), format::ITERATIONS).await else {
            self.folder_phase(FolderPhase::Off);
            return self.folder_problem(FolderProblem::Crypto);
        };
        self.folder.update(|f| f.new_secret = Some(secret.display()));
        self.seat_taken(seat, key).await;
    }

    /// The department's secret typed on a joining PC: checked against one
    /// of its files before anything is stored.
    pub async fn folder_join(&self, typed: &str) {
        self.folder.update(|f| f.problems.clear());
        let secret = match Secret::parse(typed) {
            Ok(s) => s,
            Err(e) => return self.folder_problem(FolderProblem::Secret(e)),
        };
        let Some(found) = self.folder_found.get_value() else { return self.folder_phase(FolderPhase::Off) };
        self.folder_phase(FolderPhase::Working);
        let Ok(key) = WebCrypto.derive(secret.kdf_input(), &found.salt, format::ITERATIONS).await else {
            self.folder_phase(FolderPhase::NeedSecret);
            return self.folder_problem(FolderProblem::Crypto);
        };
        let m = Membership { folder: found.folder.clone(), epoch: found.epoch, device: String::new() };
        if let Err(why) = rules::open_file(&WebCrypto, &key, &m, &found.sample).await {
            self.folder_phase(FolderPhase::NeedSecret);
            return self.folder_problem(match why {
                ReadFailure::Decrypt => FolderProblem::WrongSecret,
                _ => FolderProblem::Crypto,
            });
        }
        let name = self.folder.with_untracked(|f| f.folder_name.clone());
        let Ok(seat) = Seat::join(&mut WebRandom, &secret, &found.folder, found.epoch, &found.salt, &name) else {
            return self.folder_problem(FolderProblem::Crypto);
        };
        self.folder_found.set_value(None);
        self.seat_taken(seat, key).await;
        let n = self.worklist.with_untracked(|w| w.patients.len());
        self.folder.update(|f| {
            // Not "the list now has n" while the valve holds a file back.
            f.joined = (!f.valve_waits()).then_some(n);
            f.rejoin = false;
        });
    }

    /// A seat founded or joined: stored (sealed), then the first round.
    async fn seat_taken(&self, seat: Seat, key: web_sys::CryptoKey) {
        if !self.store_seat(&seat).await {
            self.folder_phase(FolderPhase::Off);
            return self.folder_problem(FolderProblem::NotStored);
        }
        self.start_run(seat, key);
        self.folder_round().await;
    }

    async fn store_seat(&self, seat: &Seat) -> bool {
        let Some(key) = self.key.get_value() else { return false };
        match crate::lockbox::seal(&key, &seat.encode()).await {
            Ok(b) => storage::save_folder_seat(&b).is_ok(),
            Err(_) => false,
        }
    }

    async fn stored_seat(&self) -> Option<Result<Seat, ()>> {
        let b = storage::load_folder_seat()?;
        let key = self.key.get_value()?;
        Some(match crate::lockbox::open_with(&key, &b).await {
            Ok(text) => Seat::decode(&text).map_err(|_| ()),
            Err(_) => Err(()),
        })
    }

    fn start_run(&self, seat: Seat, key: web_sys::CryptoKey) {
        let dev = seat.device(key);
        let id = crate::lockbox::random_u64().unwrap_or_default();
        self.folder.update(|f| {
            f.phase = FolderPhase::Connected;
            f.folder_name.clone_from(&seat.folder_name);
        });
        self.folder_run.set_value(Some(FolderRun {
            seat,
            work: Some(Work { dev, known: BTreeMap::new(), last: Report::default(), devices: BTreeMap::new() }),
            last_change: None,
            last_write: None,
            last_round: None,
            id,
            again: false,
        }));
    }

    /// Started in the *Lås op* click, before the key derivation: write
    /// access asked again where the browser wants a click for it.
    pub fn folder_reconnect_start(&self) -> Option<Asked> {
        (storage::folder_seat_exists() && web::loaded()).then(|| {
            let asked = web::start("reconnect", &[]);
            Box::pin(async move { asked.await.map(|_| ()) }) as Asked
        })
    }

    /// Runs a job of the folder's chunk (see [`FolderJob`]) through the
    /// runner the app registered; none registered (a state without the
    /// app), nothing runs.
    pub fn folder_spawn(&self, job: FolderJob) {
        if let Some(run) = RUNNER.with(std::cell::Cell::get) {
            leptos::task::spawn_local(run(*self, job));
        }
    }

    /// The runner could not fetch the folder's code for a job (the
    /// release's chunk, offline or a failed request): said, and a resume
    /// (`resume`) is tried again at the next tick (a round simply comes again).
    pub fn folder_job_failed(&self, resume: bool) {
        if resume {
            RESUME_DUE.with(|d| d.set(true));
        }
        self.folder_problem(FolderProblem::NotLoaded);
    }

    /// The folder chunk's entry.
    pub async fn folder_do(self, job: FolderJob) {
        match job {
            FolderJob::Round => self.folder_round().await,
            FolderJob::Resume(asked) => self.folder_resume(asked).await,
        }
    }

    /// After *Lås op*: the seat opened with the lock's key, the folder key
    /// derived (one PBKDF2 a session), and rounds begin.
    pub async fn folder_resume(&self, asked: Option<Asked>) {
        let seat = match self.stored_seat().await {
            None => return,
            Some(Err(())) => return self.folder_problem(FolderProblem::SeatUnreadable),
            Some(Ok(s)) => s,
        };
        // Never "Vælg mappe" while this PC's folder is being reopened.
        self.folder.update(|f| {
            f.problems.retain(|p| *p != FolderProblem::NotLoaded);
            f.folder_name.clone_from(&seat.folder_name);
            f.phase = FolderPhase::Working;
        });
        let failed = |p| {
            self.folder_phase(FolderPhase::Off);
            self.folder_problem(p);
        };
        if !web::load_script().await {
            return failed(FolderProblem::Connect(JsFailure::Missing));
        }
        let permitted = match asked {
            Some(a) => a.await,
            None => web::start("reconnect", &[]).await.map(|_| ()),
        };
        if let Err(f) = permitted {
            self.folder_phase(FolderPhase::NeedPermission);
            return self.folder_problem(FolderProblem::Connect(f));
        }
        let Some(secret) = seat.secret() else { return failed(FolderProblem::SeatUnreadable) };
        let Ok(key) = WebCrypto.derive(secret.kdf_input(), &seat.salt_bytes(), format::ITERATIONS).await else {
            return failed(FolderProblem::Crypto);
        };
        if self.lock_state() != LockState::Unlocked {
            return;
        }
        self.start_run(seat, key);
        self.folder_round().await;
    }

    /// *Giv adgang* (a click): write access asked again, then resume.
    pub async fn folder_permit(&self) {
        self.folder.update(|f| f.problems.clear());
        let asked = web::start("reconnect", &[]);
        self.folder_resume(Some(Box::pin(async move { asked.await.map(|_| ()) }))).await;
    }

    /// *Skift afdelingens kode* (point 2): the move record written under
    /// the old key, then a new code, salt, epoch and device id for this PC,
    /// the code shown once, and a first round in the new epoch. The other
    /// PCs stop writing when they read the record and ask for the new code.
    pub async fn folder_rotate(&self) {
        if let Some((next, key)) = self.rotate_seat().await {
            self.seat_taken(next, key).await;
        }
    }

    /// The rotation up to the new seat (its first round not yet run): the
    /// move record written and read back under the old key, a new code,
    /// salt, epoch and device id, the key derived, the code shown.
    async fn rotate_seat(&self) -> Option<(Seat, web_sys::CryptoKey)> {
        // A PC behind a changed code never changes it again.
        if self.folder_behind() {
            return None;
        }
        self.folder.update(|f| f.problems.clear());
        let (work, seat) = self
            .folder_run
            .try_update_value(|r| r.as_mut().and_then(|r| r.work.take().map(|w| (w, r.seat.clone()))))
            .flatten()?;
        self.folder_phase(FolderPhase::Working);
        let lock = web::start("lock", &[]).await;
        let moved = match &lock {
            Ok(_) => round::write_moved(&mut JsFolder, &WebCrypto, &mut WebRandom, &work.dev).await,
            Err(f) => Err(f.folder_error()),
        };
        if let Ok(l) = &lock {
            release(l);
        }
        let next = seat.rotate(&mut WebRandom);
        let (Ok(()), Ok((next, secret))) = (moved, next) else {
            self.folder_run.update_value(|r| {
                if let Some(r) = r.as_mut() {
                    r.work = Some(work);
                }
            });
            self.folder_phase(FolderPhase::Connected);
            self.folder_problem(FolderProblem::WriteFailed("rotate".into()));
            return None;
        };
        let Ok(key) = WebCrypto.derive(secret.kdf_input(), &next.salt_bytes(), format::ITERATIONS).await else {
            self.folder_problem(FolderProblem::Crypto);
            return None;
        };
        self.folder.update(|f| {
            f.new_secret = Some(secret.display());
            f.rotated = true;
        });
        Some((next, key))
    }

    /// After the department moved to a new code: the newest epoch's file
    /// found, and its code asked for (the join checks it).
    pub async fn folder_rejoin(&self) {
        self.folder.update(|f| f.problems.clear());
        match department_in(&mut JsFolder).await {
            Ok(Some(found)) => {
                self.folder_found.set_value(Some(found));
                self.folder.update(|f| {
                    f.phase = FolderPhase::NeedSecret;
                    f.rejoin = true;
                });
            }
            Ok(None) => self.folder_problem(FolderProblem::Moved),
            Err(f) => self.folder_problem(FolderProblem::Connect(f)),
        }
    }

    /// A file reported unreadable or of a newer version, deleted by the
    /// person (point 6).
    pub async fn folder_remove_file(&self, name: &str) {
        let listed_bad = self.folder.with_untracked(|f| f.problems.iter().any(|p| p.removable() == Some(name)));
        if !listed_bad || !rules::our_name(name) {
            return;
        }
        if web::start("remove", &[name.into()]).await.is_ok() {
            self.folder_run.update_value(|r| {
                if let Some(w) = r.as_mut().and_then(|r| r.work.as_mut()) {
                    w.dev.seen.drop_file(name);
                }
            });
            self.folder.update(|f| f.problems.retain(|p| p.removable() != Some(name)));
        }
    }

    /// *Afbryd forbindelsen*: this PC leaves the folder (its seat, the
    /// handle); the department's files stay.
    pub fn folder_disconnect(&self) {
        self.folder_drop();
        let _ = storage::remove_folder_seat();
        if web::loaded() {
            leptos::task::spawn_local(async {
                let _ = web::start("forget", &[]).await;
            });
        }
        let open = self.folder.with_untracked(|f| f.panel_open);
        self.folder.set(FolderStatus { panel_open: open, ..FolderStatus::default() });
    }

    /// Locked, or everything deleted: nothing of the folder stays in memory.
    pub(super) fn folder_drop(&self) {
        self.folder_run.set_value(None);
        self.folder_found.set_value(None);
        self.folder.update(|f| {
            f.new_secret = None;
            f.joined = None;
            f.diagnosis.clear();
            f.phase = FolderPhase::Off;
        });
    }

    /// *Vis afdelingens kode*: the code from this PC's seat (the lock is open).
    pub async fn folder_show_code(&self) {
        // Behind a changed code, the code stored here no longer works.
        if self.folder_behind() {
            return;
        }
        if let Some(Ok(seat)) = self.stored_seat().await {
            if let Some(secret) = seat.secret() {
                self.folder.update(|f| f.new_secret = Some(secret.display()));
            }
        }
    }

    /// The panel opened or closed.
    pub fn folder_panel_open(&self, open: bool) {
        if self.folder.with_untracked(|f| f.panel_open != open) {
            self.folder.update(|f| f.panel_open = open);
        }
    }

    /// The kept list from before read again (the panel, when it is drawn:
    /// also after the folder was left, it stays until deleted).
    pub fn folder_before_refresh(&self) {
        let before = storage::load_folder_before().map(|b| (b.file, b.at_ms));
        if self.folder.with_untracked(|f| f.before != before) {
            self.folder.update(|f| f.before = before);
        }
    }

    /// Whether this PC is behind a changed code (it shares nothing until
    /// the new code is typed).
    pub fn folder_behind(&self) -> bool {
        self.folder.with(|f| f.problems.contains(&FolderProblem::Moved))
    }

    /// *Annullér* on the code form: back to where the PC was.
    pub fn folder_cancel_join(&self) {
        self.folder_found.set_value(None);
        let connected = self.folder_run.with_value(Option::is_some);
        let moved = self
            .folder_run
            .with_value(|r| r.as_ref().and_then(|r| r.work.as_ref()).is_some_and(|w| w.dev.moved_to.is_some()));
        self.folder.update(|f| {
            f.phase = if connected { FolderPhase::Connected } else { FolderPhase::Off };
            f.problems.retain(|p| !matches!(p, FolderProblem::Secret(_) | FolderProblem::WrongSecret));
            if moved && !f.problems.contains(&FolderProblem::Moved) {
                f.problems.push(FolderProblem::Moved);
            }
        });
    }

    /// The person has written the new secret down.
    pub fn folder_secret_noted(&self) {
        self.folder.update(|f| {
            f.new_secret = None;
            f.rotated = false;
        });
    }

    /// The list as it is now kept locked on this PC (point 5), before a
    /// change: `file` is the file whose change it is ("" when the list is
    /// started over here). Whether it was kept.
    async fn keep_before(&self, file: &str, at_ms: i64) -> bool {
        let before = storage::encode_backup(&self.stored(), self.today);
        let Some(key) = self.key.get_value() else { return false };
        let Ok(b) = crate::lockbox::seal(&key, &before).await else { return false };
        let backup = storage::encode_locked(&self.settings(), &b, Some(self.today));
        let kept = storage::save_folder_before(&storage::FolderBefore { file: file.to_owned(), at_ms, backup }).is_ok();
        if kept {
            self.folder.update(|f| f.before = Some((file.to_owned(), at_ms)));
        }
        kept
    }

    /// *Start afdelingens liste forfra* (point 2): the list from before
    /// kept locked here, every patient deleted by a deletion that has seen
    /// it (these travel; on the other PCs the safety valve asks before
    /// applying more than 20, and keeps their list from before), then the
    /// code changed: a new epoch, the move record in the old one, the new
    /// code shown. Nothing is deleted when the list cannot be kept first or
    /// the code cannot be changed.
    pub async fn folder_wipe(&self) {
        if self.folder_behind() || self.folder.with_untracked(|f| f.phase != FolderPhase::Connected) {
            return;
        }
        let at_ms = js_sys::Date::now() as i64;
        if !self.keep_before("", at_ms).await {
            return self.folder_problem(FolderProblem::BeforeNotKept { wipe: true });
        }
        // The code first: a rotation that fails deletes nothing. The new
        // epoch's first file then holds the deletions.
        let Some((next, key)) = self.rotate_seat().await else { return };
        let now = js_sys::Date::now() as u64;
        self.worklist.update(|w| self.clock.update_value(|c| w.delete_all_patients(c, now)));
        self.persist();
        self.seat_taken(next, key).await;
    }

    /// The safety valve's question answered yes: the list kept first, then
    /// the named file applied.
    pub fn folder_accept(&self, file: &str) {
        let again = self.folder.with_untracked(|f| f.problems.contains(&FolderProblem::BeforeNotKept { wipe: false }));
        let (state, file) = (*self, file.to_owned());
        leptos::task::spawn_local(async move {
            let at_ms = js_sys::Date::now() as i64;
            // The list as it is now, before the change: kept locked first (point 5).
            let kept = state.keep_before(&file, at_ms).await;
            // Not kept (storage full): not applied, and said; asked again, it is.
            if !kept && !again {
                return state.folder_problem(FolderProblem::BeforeNotKept { wipe: false });
            }
            state.folder_run.update_value(|r| {
                if let Some(w) = r.as_mut().and_then(|r| r.work.as_mut()) {
                    w.dev.accept = Some(file.clone());
                }
            });
            state.folder.update(|f| {
                f.problems.retain(|p| !matches!(p, FolderProblem::Valve { .. } | FolderProblem::BeforeNotKept { .. }));
            });
            state.folder_round().await;
        });
    }

    /// The kept list from before (point 5) as a locked backup file's text,
    /// for *Hent den*: the backup import opens it with the passphrase.
    pub fn folder_before_backup(&self) -> Option<String> {
        storage::load_folder_before().map(|b| b.backup)
    }

    /// *Gendan listen fra før* (point 5): the kept list opened with the
    /// lock's key and brought back ([`Worklist::restore_from`]), shared in
    /// the next round. How many patients came back; `None` when it cannot
    /// be opened here (the passphrase changed since: *Hent den* still works).
    pub async fn folder_before_restore(&self) -> Option<usize> {
        let kept = storage::load_folder_before()?;
        let key = self.key.get_value()?;
        let Ok(storage::Opened::Locked { lock: b, .. }) = storage::decode_opened(Some(&kept.backup)) else {
            return None;
        };
        let inside = crate::lockbox::open_with(&key, &b).await.ok()?;
        let Ok(storage::Opened::Plain(before)) = storage::decode_backup(&inside) else { return None };
        if self.lock_state() != LockState::Unlocked {
            return None;
        }
        let now = js_sys::Date::now() as u64;
        let mut back = 0;
        self.worklist
            .update(|w| self.clock.update_value(|c| back = w.restore_from(&before.worklist, c, now).len()));
        self.persist();
        Some(back)
    }

    /// *Slet den*: the kept list from before removed from this PC.
    pub fn folder_before_remove(&self) {
        if storage::remove_folder_before().is_ok() {
            self.folder.update(|f| f.before = None);
        }
    }

    /// Whether this PC has a seat in a shared folder (said on the lock screen).
    pub fn folder_seat_here(&self) -> bool {
        storage::folder_seat_exists()
    }

    /// Connected with changes not yet written to the folder.
    pub fn folder_unwritten(&self) -> bool {
        self.folder.with_untracked(|f| f.phase == FolderPhase::Connected && f.unwritten)
    }

    /// A change to the list (from `persist`): written after the debounce.
    pub(super) fn folder_note_change(&self) {
        let mut noted = false;
        self.folder_run.update_value(|r| {
            if let Some(r) = r.as_mut() {
                r.last_change = Some(now_ms());
                noted = true;
            }
        });
        if noted && self.folder.with_untracked(|f| !f.unwritten) {
            self.folder.update(|f| f.unwritten = true);
        }
    }

    /// Every few seconds, and when the tab is hidden: a round when due.
    pub fn folder_tick(&self) {
        if self.lock_state() != LockState::Unlocked {
            return;
        }
        if self.folder_run.with_value(Option::is_none) && RESUME_DUE.with(|d| d.replace(false)) {
            return self.folder_spawn(FolderJob::Resume(None));
        }
        let now = now_ms();
        let due = self.folder_run.with_value(|r| {
            r.as_ref()
                .filter(|r| r.work.is_some())
                .and_then(|r| rules::next_round_at(r.last_change, r.last_write, r.last_round, hidden(), now))
        });
        if due.is_some_and(|t| t <= now) {
            self.folder_spawn(FolderJob::Round);
        }
    }

    /// One round under the Web Lock (other tabs skip): the seat re-read,
    /// the folder listed, read, merged, written and read back; the merged
    /// list taken into this tab and stored.
    pub async fn folder_round(&self) {
        let Some((mut work, id)) = self
            .folder_run
            .try_update_value(|r| {
                let r = r.as_mut()?;
                let taken = r.work.take().map(|w| (w, r.id));
                // A round is under way: one more follows it.
                r.again = taken.is_none();
                taken
            })
            .flatten()
        else {
            return;
        };
        // "Tilsluttet …" is said after the first round, not after every one.
        self.folder.update(|f| {
            f.busy = true;
            f.joined = None;
        });
        let t0 = now_ms();
        let started = super::writer::perf_now();
        let give_back = |state: &AppState, work: Work| {
            let mut again = false;
            state.folder_run.update_value(|r| {
                if let Some(r) = r.as_mut().filter(|r| r.id == id) {
                    r.work = Some(work);
                    r.last_round = Some(t0);
                    again = std::mem::take(&mut r.again);
                }
            });
            if again {
                let state = *state;
                leptos::task::spawn_local(async move { state.folder_round().await });
            } else {
                state.folder.update(|f| f.busy = false);
            }
        };
        let Ok(lock) = web::start("lock", &[]).await else { return give_back(self, work) };
        let release = move || release(&lock);
        // Another tab's round moved the seat on (its marks, a new device id);
        // a seat gone means everything was deleted or the lock turned off.
        match self.stored_seat().await {
            Some(Ok(s)) if s.folder == work.dev.m.folder => {
                if s.seq > work.dev.seq || s.device != work.dev.m.device {
                    work.dev.m.device = s.device.clone();
                    work.dev.seq = s.seq;
                    work.dev.known_marks = s.marks.clone();
                }
            }
            _ => {
                release();
                self.folder_drop();
                self.folder.update(|f| f.busy = false);
                return;
            }
        }
        // Legacy patients' stamps stored in the page's list once (see
        // `Codec::settle`), not derived again in every round.
        if self.worklist.with_untracked(Worklist::has_unstamped) {
            self.worklist.update(|w| WorklistList.settle(w));
            self.persist();
        }
        let mut local = self.worklist.get_untracked();
        web::take_io_ms();
        let report = round::round(
            &mut JsFolder,
            &WebCrypto,
            &WorklistList,
            &mut WebRandom,
            &mut work.dev,
            &mut work.known,
            &mut local,
            t0,
        )
        .await;
        // The sync itself (list, read, decrypt, decode, merge, write, read
        // back) for scripts/bench.sh; taking the merged list into the page
        // (a save, the worklist drawn again) is timed apart.
        super::writer::measure("cup-pathway:folder:round", started);
        // Of which the folder's I/O (web/folder.js: list, read, write), a
        // mark of that duration for scripts/bench.sh.
        let io = web::take_io_ms();
        super::writer::measure_ms("cup-pathway:folder:io", io);
        let taking_in = super::writer::perf_now();
        let current = self.folder_run.with_value(|r| r.as_ref().is_some_and(|r| r.id == id));
        if !current || self.lock_state() != LockState::Unlocked {
            release();
            self.folder.update(|f| f.busy = false);
            return;
        }
        // The merged copy (already in the folder) taken in; the user's edits
        // made meanwhile stay (the lossless merge), and are written next round.
        if self.worklist.with_untracked(|w| w.is_stale_beside(&local)) {
            let change = self.folder_run.with_value(|r| r.as_ref().and_then(|r| r.last_change));
            self.worklist.update(|w| {
                w.merge_from(&local);
            });
            self.persist();
            self.folder_run.update_value(|r| {
                if let Some(r) = r.as_mut() {
                    r.last_change = change;
                }
            });
        }
        let shared =
            report.own.is_some() && report.asked.is_none() && report.write_error.is_none() && !report.read_back_failed;
        let mut seat_changed = false;
        self.folder_run.update_value(|r| {
            if let Some(r) = r.as_mut() {
                seat_changed = r.seat.follow(&work.dev);
                if shared {
                    r.last_write = Some(t0);
                }
            }
        });
        if seat_changed {
            let seat = self.folder_run.with_value(|r| r.as_ref().map(|r| r.seat.clone()));
            if let Some(seat) = seat {
                if !self.store_seat(&seat).await {
                    self.folder_problem(FolderProblem::NotStored);
                }
            }
        }
        release();
        super::writer::measure("cup-pathway:folder:taken-in", taking_in);
        for k in work.known.values() {
            let at = work.devices.entry(k.device.clone()).or_insert(k.modified_ms);
            *at = (*at).max(k.modified_ms);
        }
        self.folder_report(&work, &report, shared, t0);
        work.last = report;
        give_back(self, work);
    }

    /// The status line and the problems from a round.
    fn folder_report(&self, work: &Work, report: &Report, shared: bool, t0: i64) {
        let mut problems: Vec<FolderProblem> =
            work.dev.seen.reported().iter().map(|(n, _)| FolderProblem::Unreadable((*n).to_owned())).collect();
        problems.extend(
            report
                .newer_version
                .iter()
                .map(|(f, d)| FolderProblem::NewerVersion { file: f.clone(), pc: d.clone().unwrap_or_else(|| f.clone()) }),
        );
        // A move record says more than files of a newer epoch: one message.
        if !report.newer_epoch.is_empty() && report.moved_to.is_none() {
            problems.push(FolderProblem::NewerEpoch);
        }
        if report.moved_to.is_some() {
            problems.push(FolderProblem::Moved);
        }
        if let Some((file, i)) = &report.asked {
            problems.push(FolderProblem::Valve { file: file.clone(), patients: i.patients });
        }
        if let Some(e) = report.write_error.as_ref().or(report.own_read_error.as_ref()) {
            problems.push(FolderProblem::WriteFailed(format!("{e:?}")));
        }
        let own_modified = self
            .folder_run
            .with_value(|r| r.as_ref().and_then(|r| r.last_write))
            .or(report.own_modified_ms)
            .unwrap_or(0);
        let active = rules::active_devices(
            work.devices
                .iter()
                .map(|(d, m)| (d.as_str(), *m))
                .chain((own_modified > 0).then_some((work.dev.m.device.as_str(), own_modified))),
            t0,
        );
        let unwritten = self.folder_run.with_value(|r| {
            r.as_ref().is_some_and(|r| match (r.last_change, r.last_write) {
                (Some(c), Some(w)) => c > w,
                (Some(_), None) => true,
                _ => false,
            })
        });
        let browser = web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default();
        let diagnosis =
            round::diagnosis(&browser, true, "granted", &work.dev.m.device, work.dev.m.epoch, report, &work.dev.seen);
        self.folder.update(|f| {
            f.problems = problems;
            f.active = active;
            f.unwritten = unwritten;
            if shared {
                f.last_shared_ms = Some(t0 as f64);
            } else if f.last_shared_ms.is_none() {
                // A new page: when this PC's file last reached the folder.
                f.last_shared_ms = report.own_modified_ms.map(|t| t as f64);
            }
            f.diagnosis = diagnosis;
            f.rounds = f.rounds.wrapping_add(1);
        });
    }
}
