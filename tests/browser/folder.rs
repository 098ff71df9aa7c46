//! The shared folder in the browser (issue 25): `web/folder.js` over the
//! origin private file system (the same handle interface as a picked
//! folder), WebCrypto, and the app's connect, lock and unlock around it.

use super::*;
use cup_pathway::folder::format;
use cup_pathway::folder::round::{round, Device, Known};
use cup_pathway::folder::secret::{FolderCrypto, Secret};
use cup_pathway::folder::sim::SeededRandom;
use cup_pathway::folder::{Membership, ReadFailure};
use cup_pathway::folder_list::WorklistList;
use cup_pathway::folder_web::{self as web, JsFolder, WebCrypto, WebRandom};
use cup_pathway::state::{FolderPhase, LockState};
use wasm_bindgen::JsValue;
use std::collections::BTreeMap;

/// Loads web/folder.js into the test page (the app fetches it as a file).
fn load_folder_js() {
    if web::loaded() {
        return;
    }
    let doc = web_sys::window().unwrap().document().unwrap();
    let s = doc.create_element("script").unwrap();
    s.set_text_content(Some(include_str!("../../web/folder.js")));
    doc.head().unwrap().append_child(&s).unwrap();
    assert!(web::loaded());
}

fn eval(js: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(js).unwrap()
}

async fn eval_async(js: &str) -> wasm_bindgen::JsValue {
    let p: js_sys::Promise = js_sys::eval(&format!("(async () => {{ {js} }})()")).unwrap().unchecked_into();
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap()
}

/// A fresh OPFS subfolder as the folder in use.
async fn fresh_folder(name: &str) {
    load_folder_js();
    eval_async(&format!(
        "const r = await navigator.storage.getDirectory(); try {{ await r.removeEntry('{name}', {{recursive: true}}); }} catch (e) {{}}"
    ))
    .await;
    assert!(web::start("useOpfs", &[name.into()]).await.is_ok());
}

async fn names(dir: &str) -> Vec<String> {
    let v = eval_async(&format!(
        "const d = await (await navigator.storage.getDirectory()).getDirectoryHandle('{dir}'); const n = []; for await (const k of d.keys()) n.push(k); return n.sort().join('\\n');"
    ))
    .await;
    v.as_string().unwrap().lines().map(str::to_owned).filter(|s| !s.is_empty()).collect()
}

async fn file_text(dir: &str, name: &str) -> String {
    eval_async(&format!(
        "const d = await (await navigator.storage.getDirectory()).getDirectoryHandle('{dir}'); return await (await (await d.getFileHandle('{name}')).getFile()).text();"
    ))
    .await
    .as_string()
    .unwrap()
}

async fn device(secret: &Secret, salt: &[u8], id: &str, session: &str) -> Device<web_sys::CryptoKey> {
    let key = WebCrypto.derive(secret.kdf_input(), salt, format::ITERATIONS).await.unwrap();
    let m = Membership { folder: "AAAAAAAAAAAAAAAAAAAAAA".into(), epoch: 0, device: id.into() };
    Device::new(m, salt.to_vec(), key, session.into())
}

fn list_with(label: &str, uid: &str) -> Worklist {
    let mut w = Worklist::default();
    w.add(label, day(), uid.into()).unwrap();
    w
}

#[wasm_bindgen_test]
async fn two_pcs_share_a_patient_through_the_folder_encrypted_with_webcrypto() {
    fresh_folder("two-pcs").await;
    let secret = Secret::generate(&mut SeededRandom::new(1)).unwrap();
    let salt = [5u8; 16];
    let (mut a, mut b) = (
        device(&secret, &salt, "AAAAAAAAAAAAAAAAAAAAAQ", "s-a").await,
        device(&secret, &salt, "AAAAAAAAAAAAAAAAAAAAAg", "s-b").await,
    );
    let (mut ka, mut kb) = (BTreeMap::<String, Known<Worklist>>::new(), BTreeMap::new());
    let mut la = list_with("Seng 12", "uid-a");
    let mut lb = list_with("Stue 3", "uid-b");
    let now = js_sys::Date::now() as i64;
    let ra = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut a, &mut ka, &mut la, now).await;
    assert!(ra.wrote, "{ra:?}");
    let rb = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut b, &mut kb, &mut lb, now).await;
    assert!(rb.wrote && rb.read.len() == 1, "{rb:?}");
    assert!(lb.patients.iter().any(|p| p.label == "Seng 12"), "B took in A's patient");
    round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut a, &mut ka, &mut la, now).await;
    assert!(la.patients.iter().any(|p| p.label == "Stue 3"), "A took in B's patient");
    // Two files, one per device; no label readable in either.
    let files = names("two-pcs").await;
    assert_eq!(files.len(), 2, "{files:?}");
    for f in &files {
        let text = file_text("two-pcs", f).await;
        assert!(!text.contains("Seng 12") && !text.contains("Stue 3") && !text.contains("uid-"), "{text}");
    }
    // Another secret opens nothing: B's file is refused, not merged.
    let other = Secret::generate(&mut SeededRandom::new(2)).unwrap();
    let mut c = device(&other, &salt, "AAAAAAAAAAAAAAAAAAAAAw", "s-c").await;
    let (mut kc, mut lc) = (BTreeMap::new(), Worklist::default());
    let rc = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut c, &mut kc, &mut lc, now).await;
    assert!(lc.patients.is_empty());
    assert_eq!(rc.failed.len(), 2);
    assert!(rc.failed.iter().all(|(_, why, _)| *why == ReadFailure::Decrypt), "{rc:?}");
}

/// A handle wrapper that injects the browser's failures (point 9).
const FAULTY: &str = r#"
(async () => {
  const r = await navigator.storage.getDirectory();
  try { await r.removeEntry('faulty', {recursive: true}); } catch (e) {}
  const real = await r.getDirectoryHandle('faulty', {create: true});
  // A left-over .crswap and another app's file: listed, never read.
  for (const n of ['cup-pathway.x.json.crswap', 'notes.txt']) {
    const w = await (await real.getFileHandle(n, {create: true})).createWritable();
    await w.write('junk'); await w.close();
  }
  const err = (name) => { const e = new Error(name); e.name = name; return e; };
  // notReadable: names whose getFile throws; vanish: names listed but gone
  // when read; writeFails: the DOMException name a write fails with at
  // close(); permission: 'granted' or 'prompt' (listing then throws).
  const faults = { notReadable: new Set(), vanish: new Set(), reads: [], writeFails: null, permission: 'granted' };
  window.cupFaults = faults;
  const wrapFile = (name, fh) => ({
    kind: 'file', name,
    async getFile() {
      if (name === 'cup-pathway.huge.json') {
        // A 2 GB sparse file: its size is given, its bytes never asked for.
        return { size: 2 * 1024 ** 3, lastModified: 1, arrayBuffer() { faults.reads.push(name); throw err('ReadOfHugeFile'); } };
      }
      if (faults.notReadable.has(name)) throw err('NotReadableError');
      if (faults.vanish.has(name)) throw err('NotFoundError');
      faults.reads.push(name);
      return fh.getFile();
    },
    async createWritable(o) {
      const w = await fh.createWritable(o);
      if (!faults.writeFails) return w;
      // The write fails at close(): the file keeps its old bytes.
      return { write: (b) => w.write(b), close: async () => { await w.abort(); throw err(faults.writeFails); }, abort: () => w.abort() };
    },
  });
  return {
    kind: 'directory', name: 'faulty',
    async *entries() {
      if (faults.permission !== 'granted') throw err('NotAllowedError');
      for await (const [n, h] of real.entries()) yield [n, h.kind === 'file' ? wrapFile(n, h) : h];
      yield ['cup-pathway.huge.json', wrapFile('cup-pathway.huge.json', null)];
    },
    async getFileHandle(n, o) {
      if (n === 'cup-pathway.huge.json') return wrapFile(n, null);
      return wrapFile(n, await real.getFileHandle(n, o));
    },
    removeEntry(n) { return real.removeEntry(n); },
    queryPermission() { return faults.permission; },
    requestPermission() { return 'granted'; },
  };
})()
"#;

#[wasm_bindgen_test]
async fn a_file_failing_with_not_readable_is_retried_then_reported_never_overwritten_and_a_huge_one_never_read() {
    load_folder_js();
    let handle = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(eval(FAULTY))).await.unwrap();
    assert!(web::start("useHandle", &[handle]).await.is_ok());
    let secret = Secret::generate(&mut SeededRandom::new(3)).unwrap();
    let salt = [6u8; 16];
    let mut a = device(&secret, &salt, "AAAAAAAAAAAAAAAAAAAAAQ", "s-a").await;
    let mut b = device(&secret, &salt, "AAAAAAAAAAAAAAAAAAAAAg", "s-b").await;
    let (mut ka, mut kb) = (BTreeMap::new(), BTreeMap::new());
    let (mut la, mut lb) = (list_with("Seng 1", "uid-1"), Worklist::default());
    let now = js_sys::Date::now() as i64;
    assert!(round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut a, &mut ka, &mut la, now).await.wrote);
    let a_name = format::file_name("AAAAAAAAAAAAAAAAAAAAAQ");
    let before = file_text("faulty", &a_name).await;
    eval(&format!("window.cupFaults.notReadable.add('{a_name}')"));
    let mut verdicts = vec![];
    for _ in 0..3 {
        let r = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut b, &mut kb, &mut lb, now).await;
        verdicts.extend(r.failed.iter().filter(|(n, ..)| *n == a_name).map(|(_, _, v)| v.clone()));
    }
    assert_eq!(verdicts.len(), 3, "{verdicts:?}");
    assert_eq!(verdicts[2], cup_pathway::folder::FailureVerdict::Report);
    assert_eq!(b.seen.reported().len(), 1);
    assert_eq!(file_text("faulty", &a_name).await, before, "A's unreadable file is never written by B");
    let reads: Vec<String> =
        js_sys::Array::from(&eval("window.cupFaults.reads")).iter().filter_map(|v| v.as_string()).collect();
    assert!(!reads.iter().any(|n| n.contains("huge") || n.ends_with(".crswap") || n == "notes.txt"), "{reads:?}");
    // Readable again: B takes A's patient in.
    eval("window.cupFaults.notReadable.clear()");
    round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut b, &mut kb, &mut lb, now).await;
    assert!(lb.patients.iter().any(|p| p.label == "Seng 1"));
}

/// A fresh page with an empty OPFS folder `dept` as the one the picker
/// gives (the picker stands for a person choosing the folder). Mounting
/// starts the executor: an unlock spawns the folder's resume.
async fn picked_folder_dept() {
    local().clear().unwrap();
    let _ = mount();
    load_folder_js();
    eval_async(
        "const r = await navigator.storage.getDirectory(); try { await r.removeEntry('dept', {recursive: true}); } catch (e) {}",
    )
    .await;
    eval("window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('dept', {create: true})");
}

#[wasm_bindgen_test]
async fn connecting_needs_the_lock_shows_a_new_code_once_and_locking_forgets_the_folder_key() {
    picked_folder_dept().await;
    local().clear().unwrap();
    let plain = AppState::load(day(), View::Worklist);
    plain.add_patient("Seng 4").unwrap();
    plain.folder_connect().await;
    assert_eq!(
        plain.folder().get_untracked().problems,
        vec![cup_pathway::state::FolderProblem::NeedsLock],
        "no folder without the local lock"
    );
    let state = locked_state("Seng 4").await;
    state.folder_connect().await;
    let f = state.folder().get_untracked();
    assert_eq!(f.phase, FolderPhase::Connected, "{f:?}");
    let code = f.new_secret.clone().expect("the new department code is shown");
    assert!(Secret::parse(&code).is_ok());
    let files = names("dept").await;
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(!file_text("dept", &files[0]).await.contains("Seng 4"));
    // The seat is sealed: neither the code nor the folder id is in the clear.
    let seat = local().get_item(storage::FOLDER_SEAT_KEY).unwrap().unwrap();
    assert!(!seat.contains(&code.replace('-', "")) && !seat.contains("secret"), "{seat}");
    // Locked: nothing of the folder stays; opened again: it resumes, the code not shown again.
    state.lock_now();
    assert_eq!(state.lock().get_untracked(), LockState::Locked);
    assert_eq!(state.folder().get_untracked().phase, FolderPhase::Off);
    state.unlock(PHRASE).await.unwrap();
    until("the folder to resume", || state.folder().get_untracked().phase == FolderPhase::Connected).await;
    assert_eq!(state.folder().get_untracked().new_secret, None);
    // Turning the lock off drops the seat: the secret is never kept in the clear.
    state.disable_lock().await.unwrap();
    assert_eq!(local().get_item(storage::FOLDER_SEAT_KEY).unwrap(), None);
    assert_eq!(state.folder().get_untracked().phase, FolderPhase::Off);
}

#[wasm_bindgen_test]
async fn a_write_failing_at_close_a_file_vanishing_and_a_permission_of_prompt_lose_nothing_and_say_why() {
    load_folder_js();
    let handle = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(eval(FAULTY))).await.unwrap();
    assert!(web::start("useHandle", &[handle]).await.is_ok());
    let secret = Secret::generate(&mut SeededRandom::new(5)).unwrap();
    let salt = [8u8; 16];
    let mut a = device(&secret, &salt, "AAAAAAAAAAAAAAAAAAAAAQ", "s-a").await;
    let mut b = device(&secret, &salt, "AAAAAAAAAAAAAAAAAAAAAg", "s-b").await;
    let (mut ka, mut kb) = (BTreeMap::new(), BTreeMap::new());
    let (mut la, mut lb) = (list_with("Seng 1", "uid-1"), list_with("Seng 2", "uid-2"));
    let now = js_sys::Date::now() as i64;
    assert!(round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut a, &mut ka, &mut la, now).await.wrote);
    let a_name = format::file_name("AAAAAAAAAAAAAAAAAAAAAQ");
    let before = file_text("faulty", &a_name).await;
    // A's next write fails at close(): its file keeps the old bytes, A's list is untouched.
    la.add("Seng 3", day(), "uid-3".into()).unwrap();
    for kind in ["NoModificationAllowedError", "QuotaExceededError"] {
        eval(&format!("window.cupFaults.writeFails = '{kind}'"));
        let r = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut a, &mut ka, &mut la, now).await;
        assert!(!r.wrote && r.write_error.is_some(), "{kind}: {r:?}");
        assert_eq!(file_text("faulty", &a_name).await, before, "{kind}: the old file stays whole");
        assert_eq!(la.patients.len(), 2);
    }
    eval("window.cupFaults.writeFails = null");
    assert!(round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut a, &mut ka, &mut la, now).await.wrote);
    // A file listed but gone when read: retried, nothing merged, nothing lost.
    eval(&format!("window.cupFaults.vanish.add('{a_name}')"));
    let r = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut b, &mut kb, &mut lb, now).await;
    assert!(r.failed.iter().any(|(n, ..)| *n == a_name), "{r:?}");
    assert_eq!(lb.patients.len(), 1);
    eval("window.cupFaults.vanish.clear()");
    // Permission back to 'prompt' (a new session): the listing is refused, nothing is written.
    eval("window.cupFaults.permission = 'prompt'");
    let r = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut b, &mut kb, &mut lb, now).await;
    assert_eq!(r.write_error, Some(cup_pathway::folder::FolderError::Permission), "{r:?}");
    assert!(!r.wrote);
    eval("window.cupFaults.permission = 'granted'");
    let r = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut b, &mut kb, &mut lb, now).await;
    assert!(r.wrote, "{r:?}");
    assert_eq!(lb.patients.len(), 3, "B has all three once the folder reads again");
}

#[wasm_bindgen_test]
async fn delete_all_with_a_folder_forgets_the_folder_here_and_leaves_the_departments_files() {
    picked_folder_dept().await;
    let state = locked_state("Seng 9").await;
    state.folder_connect().await;
    assert_eq!(state.folder().get_untracked().phase, FolderPhase::Connected);
    assert!(local().get_item(storage::FOLDER_SEAT_KEY).unwrap().is_some());
    state.lock_now();
    state.delete_all_locked(PHRASE).await.unwrap();
    assert_eq!(local().get_item(storage::FOLDER_SEAT_KEY).unwrap(), None, "the seat (and the code) are gone");
    assert_eq!(state.folder().get_untracked().phase, FolderPhase::Off);
    assert_eq!(names("dept").await.len(), 1, "the department's file stays in the folder");
    // The handle is forgotten too (after the awaits above): nothing is connected on this PC.
    assert!(web::start("list", &[JsValue::from(10)]).await.is_err(), "no folder is connected any more");
}

#[wasm_bindgen_test]
async fn a_newer_version_file_is_named_and_deleted_only_when_asked_for_by_its_name() {
    use cup_pathway::state::FolderProblem;
    picked_folder_dept().await;
    let state = locked_state("Seng 5").await;
    state.folder_connect().await;
    assert_eq!(state.folder().get_untracked().phase, FolderPhase::Connected);
    let own = names("dept").await;
    // A PC on a later app version (a newer major format) shares in the folder.
    let newer = "cup-pathway.AAAAAAAAAAAAAAAAAAAAAw.json";
    eval_async(&format!(
        "const d = await (await navigator.storage.getDirectory()).getDirectoryHandle('dept'); const w = await (await d.getFileHandle('{newer}', {{create: true}})).createWritable(); await w.write(JSON.stringify({{format: '{}', major: 99, device: 'AAAAAAAAAAAAAAAAAAAAAw'}})); await w.close();",
        format::FORMAT
    ))
    .await;
    state.folder_round().await;
    let problems = state.folder().get_untracked().problems;
    let named = FolderProblem::NewerVersion { file: newer.into(), pc: "AAAAAAAAAAAAAAAAAAAAAw".into() };
    assert!(problems.contains(&named), "{problems:?}");
    assert_eq!(named.removable(), Some(newer));
    // A file not listed as a problem (this PC's own) is never deleted by name.
    state.folder_remove_file(&own[0]).await;
    assert!(names("dept").await.contains(&own[0]));
    // The listed one goes on the click, and its message with it.
    state.folder_remove_file(newer).await;
    assert_eq!(names("dept").await, own);
    assert!(!state.folder().get_untracked().problems.iter().any(|p| p.removable().is_some()));
}

/// A PC of 25 patients connected to the department folder "dept" (its
/// new code shown), and its own file's name.
async fn connected_with_25() -> (AppState, String, Vec<String>) {
    picked_folder_dept().await;
    let state = locked_state("Seng 0").await;
    for i in 1..25 {
        state.add_patient(&format!("Seng {i}")).unwrap();
    }
    state.folder_connect().await;
    let code = state.folder().get_untracked().new_secret.expect("a new code");
    (state, code, names("dept").await)
}

/// Another PC of the department: the code typed, the header of a file of
/// the department read (folder, epoch, salt), under the device id `id`.
async fn another_pc(code: &str, file: &str, id: &str) -> (Device<web_sys::CryptoKey>, format::Header) {
    let header = format::parse(file_text("dept", file).await.as_bytes()).unwrap().header;
    let key = WebCrypto.derive(Secret::parse(code).unwrap().kdf_input(), &header.salt, format::ITERATIONS).await.unwrap();
    let m = Membership { folder: header.folder.clone(), epoch: header.epoch, device: id.into() };
    (Device::new(m, header.salt.clone(), key, format!("s-{id}")), header)
}

#[wasm_bindgen_test]
async fn the_valve_asks_before_a_file_removes_25_patients_keeps_the_list_from_before_locked_and_restores_it() {
    use cup_pathway::merge::{Clock, Writer};
    use cup_pathway::state::FolderProblem;
    let (state, code, own) = connected_with_25().await;
    // Another PC of the department reads the list and deletes every patient.
    let (mut other, _) = another_pc(&code, &own[0], "AAAAAAAAAAAAAAAAAAAABA").await;
    let (mut known, mut list) = (BTreeMap::new(), Worklist::default());
    let now = js_sys::Date::now() as i64;
    assert!(round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut other, &mut known, &mut list, now).await.wrote);
    assert_eq!(list.patients.len(), 25);
    let mut clock = Clock::new(Writer(77));
    for id in list.patients.iter().map(|p| p.id).collect::<Vec<_>>() {
        list.delete_patient(id, &mut clock, now as u64);
    }
    assert!(round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut other, &mut known, &mut list, now + 1).await.wrote);
    let theirs = format::file_name("AAAAAAAAAAAAAAAAAAAABA");
    // This PC asks, naming the file, and changes nothing yet.
    state.folder_round().await;
    let problems = state.folder().get_untracked().problems;
    assert!(problems.contains(&FolderProblem::Valve { file: theirs.clone(), patients: 25 }), "{problems:?}");
    assert_eq!(state.worklist().get_untracked().patients.len(), 25);
    assert_eq!(storage::load_folder_before(), None);
    // Applied on the answer: the list from before kept first, locked, with the file and the time.
    state.folder_accept(&theirs);
    until("the change applied", || state.worklist().get_untracked().patients.is_empty()).await;
    let f = state.folder().get_untracked();
    assert_eq!(f.before.as_ref().map(|b| b.0.as_str()), Some(theirs.as_str()));
    assert!(!f.problems.iter().any(|p| matches!(p, FolderProblem::Valve { .. })), "{:?}", f.problems);
    let kept = storage::load_folder_before().expect("kept");
    assert!(!everything_stored().contains("Seng 17"), "never in the clear");
    let Ok(storage::Opened::Locked { lock: b, .. }) = storage::decode_opened(Some(&kept.backup)) else { panic!("not locked") };
    let (_, inside) = cup_pathway::lockbox::open(PHRASE, &b).await.unwrap();
    let Ok(storage::Opened::Plain(back)) = storage::decode_backup(&inside) else { panic!("not a backup") };
    assert_eq!(back.worklist.patients.len(), 25, "the whole list from before");
    assert_eq!(state.folder_before_backup(), Some(kept.backup.clone()));
    // Brought back: the 25 patients, as a change that has seen the deletion.
    assert_eq!(state.folder_before_restore().await, Some(25));
    assert_eq!(state.worklist().get_untracked().patients.len(), 25);
    assert!(state.worklist().get_untracked().patients.iter().all(|p| !p.stamps.in_clash()));
    // And shared: the other PC reads it back without asking (nothing removed).
    state.folder_round().await;
    let r = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut other, &mut known, &mut list, now + 2).await;
    assert!(r.asked.is_none(), "{r:?}");
    assert_eq!(list.patients.len(), 25);
    // Deleted on the answer to its question: gone from this PC.
    state.folder_before_remove();
    assert_eq!(storage::load_folder_before(), None);
    assert_eq!(state.folder().get_untracked().before, None);
}

#[wasm_bindgen_test]
async fn starting_the_list_over_keeps_it_here_changes_the_code_and_the_other_pcs_ask_before_deleting() {
    use cup_pathway::state::FolderProblem;
    let (state, code, own) = connected_with_25().await;
    state.folder_secret_noted();
    let (mut other, old_header) = another_pc(&code, &own[0], "AAAAAAAAAAAAAAAAAAAABQ").await;
    let (mut known, mut list) = (BTreeMap::new(), Worklist::default());
    let now = js_sys::Date::now() as i64;
    assert!(round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut other, &mut known, &mut list, now).await.wrote);
    assert_eq!(list.patients.len(), 25);
    // Started over here: the list from before kept, every patient gone, a new code shown.
    state.folder_wipe().await;
    let f = state.folder().get_untracked();
    assert_eq!(f.phase, FolderPhase::Connected, "{:?}", f.problems);
    let new_code = f.new_secret.clone().expect("the new code is shown");
    assert_ne!(new_code, code);
    assert_eq!(f.before.as_ref().map(|b| b.0.as_str()), Some(""), "kept, as started over here");
    assert!(state.worklist().get_untracked().patients.is_empty());
    assert!(storage::load_folder_before().is_some());
    // The other PC reads the move record and stops writing the old code.
    let r = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut other, &mut known, &mut list, now + 1).await;
    assert_eq!(r.moved_to, Some(old_header.epoch + 1), "{r:?}");
    assert_eq!(list.patients.len(), 25, "nothing deleted there yet");
    // With the new code it reads the deletions, and its valve asks first.
    let theirs = format::file_name("AAAAAAAAAAAAAAAAAAAABQ");
    let newest =
        names("dept").await.into_iter().find(|n| !own.contains(n) && *n != theirs).expect("this PC's file under the new code");
    let (mut joined, header) = another_pc(&new_code, &newest, "AAAAAAAAAAAAAAAAAAAABg").await;
    assert_eq!(header.epoch, old_header.epoch + 1);
    let mut known = BTreeMap::new();
    let r = round(&mut JsFolder, &WebCrypto, &WorklistList, &mut WebRandom, &mut joined, &mut known, &mut list, now + 2).await;
    assert_eq!(r.asked.as_ref().map(|(f, i)| (f.as_str(), i.patients)), Some((newest.as_str(), 25)), "{r:?}");
    assert_eq!(list.patients.len(), 25);
    // Restored here, as it was: shared again under the new code.
    assert_eq!(state.folder_before_restore().await, Some(25));
    assert_eq!(state.worklist().get_untracked().patients.len(), 25);
    assert!(!state.folder().get_untracked().problems.iter().any(|p| matches!(p, FolderProblem::BeforeNotKept { .. })));
}
