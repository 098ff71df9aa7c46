//! Browser tests: components and storage in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test browser`).
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use cup_pathway::app::App;
use cup_pathway::state::AppState;
use cup_pathway::storage::{self, StorageError, STORAGE_KEY};
use cup_pathway::worklist::Worklist;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn raw() -> Option<String> {
    local().get_item(STORAGE_KEY).unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Mount the app in a fresh container; returns the container.
fn mount() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    leptos::mount::mount_to(div.clone(), App).forget();
    div
}

fn by_testid(root: &web_sys::HtmlElement, id: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(&format!("[data-testid='{id}']")).unwrap().map(|e| e.unchecked_into())
}

fn all_text(root: &web_sys::HtmlElement, id: &str) -> Vec<String> {
    let list = root.query_selector_all(&format!("[data-testid='{id}']")).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

async fn type_and_submit(root: &web_sys::HtmlElement, text: &str) {
    let input: web_sys::HtmlInputElement = by_testid(root, "add-patient-input").unwrap().unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    by_testid(root, "add-patient-button").unwrap().click();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
fn storage_round_trips_a_worklist_in_the_versioned_envelope() {
    local().clear().unwrap();
    let mut w = Worklist::default();
    w.add("Pt A", day()).unwrap();
    storage::save(&w).unwrap();
    let stored = raw().unwrap();
    assert!(
        stored.contains("\"format\":\"cup-pathway\"")
            && stored.contains(&format!("\"version\":{}", cup_pathway::storage::ENVELOPE_VERSION)),
        "{stored}"
    );
    assert_eq!(storage::load().unwrap(), w);
}

#[wasm_bindgen_test]
fn nothing_stored_is_an_empty_worklist() {
    local().clear().unwrap();
    assert_eq!(storage::load().unwrap(), Worklist::default());
}

#[wasm_bindgen_test]
fn unreadable_storage_is_reported_and_never_overwritten() {
    local().clear().unwrap();
    local().set_item(STORAGE_KEY, "{not json").unwrap();
    assert!(matches!(storage::load(), Err(StorageError::Corrupt(_))));
    let state = AppState::load(day());
    assert!(state.save_blocked);
    state.add_patient("Pt B").unwrap();
    assert_eq!(raw().as_deref(), Some("{not json"), "the stored text must survive");
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_reported_and_kept() {
    local().clear().unwrap();
    let newer = r#"{"format":"cup-pathway","version":99,"worklist":{"patients":[]}}"#;
    local().set_item(STORAGE_KEY, newer).unwrap();
    assert_eq!(storage::load(), Err(StorageError::NewerVersion(99)));
    let state = AppState::load(day());
    state.add_patient("Pt C").unwrap();
    assert_eq!(raw().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_title_edition_and_an_empty_worklist() {
    local().clear().unwrap();
    let root = mount();
    leptos::task::tick().await;
    assert_eq!(
        by_testid(&root, "app-title").unwrap().text_content().unwrap(),
        "Pakkeforløb: metastaser uden organspecifik kræfttype"
    );
    assert!(by_testid(&root, "edition").unwrap().text_content().unwrap().contains("Sundhedsstyrelsen"));
    assert!(by_testid(&root, "worklist-empty").is_some());
    assert!(by_testid(&root, "storage-error").is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn adding_a_patient_shows_it_with_the_models_verdict_and_stores_it() {
    local().clear().unwrap();
    let root = mount();
    type_and_submit(&root, "  Seng 12  ").await;
    assert_eq!(all_text(&root, "patient-label"), ["Seng 12"]);
    assert!(all_text(&root, "patient-destination")[0].contains("Endnu ikke afgjort"));
    assert!(by_testid(&root, "worklist-empty").is_none());
    assert_eq!(storage::load().unwrap().patients[0].label, "Seng 12");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_cpr_like_label_is_refused_with_a_reason_and_kept_in_the_field() {
    local().clear().unwrap();
    let root = mount();
    type_and_submit(&root, "010203-1234").await;
    let error = by_testid(&root, "add-patient-error").unwrap().text_content().unwrap();
    assert!(error.contains("CPR-nummer"), "{error}");
    let input: web_sys::HtmlInputElement = by_testid(&root, "add-patient-input").unwrap().unchecked_into();
    assert_eq!(input.value(), "010203-1234");
    assert!(all_text(&root, "patient-label").is_empty());
    assert_eq!(raw(), None, "nothing was stored");
    root.remove();
}
