//! The storage module against the real localStorage of headless Chromium
//! (run by `wasm-bindgen-test-runner`; native builds compile this to nothing).
#![cfg(target_arch = "wasm32")]

use app::{
    prefs::{Prefs, Theme},
    storage::{self, Backend, StorageError, Stored, browser::BrowserBackend},
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    for key in BrowserBackend.own_keys().unwrap() {
        BrowserBackend.remove(&key).unwrap();
    }
}

#[wasm_bindgen_test]
fn prefs_round_trip_through_local_storage() {
    clear();
    let prefs = Prefs {
        theme: Theme::Dark,
        body_weight_kg: Some(81.5),
        ..Prefs::default()
    };
    storage::save(&BrowserBackend, &prefs).unwrap();
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(Prefs::KEY)
        .unwrap()
        .unwrap();
    assert!(raw.contains(r#""theme":"dark""#), "{raw}");
    let loaded = storage::load::<Prefs>(&BrowserBackend, 1);
    assert_eq!(loaded.value, prefs);
    assert_eq!(loaded.problem, None);
}

#[wasm_bindgen_test]
fn corrupt_prefs_are_moved_to_a_backup_key() {
    clear();
    BrowserBackend.set(Prefs::KEY, "{not json").unwrap();
    let loaded = storage::load::<Prefs>(&BrowserBackend, 42);
    assert!(matches!(
        loaded.problem,
        Some(StorageError::Corrupt { backup_key: Some(ref k), .. }) if k == "backstrong:prefs:corrupt:42"
    ));
    assert_eq!(
        BrowserBackend
            .get("backstrong:prefs:corrupt:42")
            .unwrap()
            .as_deref(),
        Some("{not json")
    );
    assert_eq!(BrowserBackend.get(Prefs::KEY).unwrap(), None);
    let keys = BrowserBackend.own_keys().unwrap();
    assert!(
        keys.iter().any(|k| k == "backstrong:prefs:corrupt:42"),
        "{keys:?}"
    );
}

#[wasm_bindgen_test]
fn quota_exceeded_is_reported_as_such() {
    clear();
    // localStorage holds about 5 MB per origin; 12 MB cannot fit.
    let huge = "x".repeat(12 * 1024 * 1024);
    assert_eq!(
        BrowserBackend.set("backstrong:too-big", &huge),
        Err(StorageError::QuotaExceeded)
    );
}
