//! The platform wrappers in real headless Chromium: they work where the API
//! exists, and never panic where it is missing (removed here on purpose).
#![cfg(target_arch = "wasm32")]

use app::platform::{self, WakeLock, WakeLockStatus};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::js_sys::{Object, Reflect};

wasm_bindgen_test_configure!(run_in_browser);

/// Hides `name` on `target` by defining it as undefined on the object itself.
fn hide(target: &JsValue, name: &str) {
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"value".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
    Object::define_property(target.unchecked_ref::<Object>(), &name.into(), &descriptor);
}

#[wasm_bindgen_test]
fn the_clock_and_time_zone_are_read() {
    let now = platform::now_ms();
    assert!(now > 1_700_000_000_000, "{now}");
    assert!((-14 * 60..=14 * 60).contains(&platform::utc_offset_min()));
}

#[wasm_bindgen_test]
fn beep_works_and_survives_a_missing_audio_api() {
    // Headless Chromium has Web Audio; the call must not panic either way.
    let _ = platform::beep(660.0, 50);
    let window: JsValue = web_sys::window().unwrap().into();
    hide(&window, "AudioContext");
    assert!(!platform::beep(660.0, 50), "no AudioContext: reports false");
}

#[wasm_bindgen_test]
fn vibrate_survives_a_missing_vibration_api() {
    let _ = platform::vibrate(&[100]);
    let navigator: JsValue = web_sys::window().unwrap().navigator().into();
    hide(&navigator, "vibrate");
    assert!(!platform::vibrate(&[100]), "no vibrate: reports false");
}

#[wasm_bindgen_test]
fn wake_lock_reports_a_missing_api_instead_of_failing() {
    let navigator: JsValue = web_sys::window().unwrap().navigator().into();
    hide(&navigator, "wakeLock");
    assert!(!WakeLock::supported());
    assert_eq!(WakeLock::acquire(), WakeLockStatus::Unsupported);
    WakeLock::release();
}

/// Sync's cryptography as the browser does it (WebCrypto): the same bytes
/// as the vectors the native code is checked against
/// (`tests/fixtures/sync-vectors.json`), and every failure caught.
mod webcrypto {
    use super::hide;
    use app::{
        platform::subtle,
        sync::{Derived, NONCE_LEN, SyncError, SyncKey},
    };
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;
    use web_sys::js_sys::{Object, Reflect};

    struct Vectors(serde_json::Value);

    impl Vectors {
        fn load() -> Self {
            Self(serde_json::from_str(include_str!("fixtures/sync-vectors.json")).unwrap())
        }

        fn text(&self, path: &str) -> String {
            self.0
                .pointer(path)
                .and_then(|x| x.as_str())
                .unwrap()
                .to_owned()
        }

        fn bytes(&self, path: &str) -> Vec<u8> {
            let hex = self.text(path);
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect()
        }

        fn key(&self) -> SyncKey {
            SyncKey::from_random(self.bytes("/key").try_into().unwrap())
        }

        fn version(&self) -> u64 {
            self.0
                .pointer("/sealed/version")
                .and_then(|x| x.as_u64())
                .unwrap()
        }
    }

    async fn derived(v: &Vectors) -> Derived {
        subtle::derive(&v.key()).await.unwrap()
    }

    #[wasm_bindgen_test]
    async fn webcrypto_derives_the_same_keys_as_the_vectors() {
        let v = Vectors::load();
        let d = derived(&v).await;
        assert_eq!(d.id.as_str(), v.text("/id"));
        assert_eq!(d.cipher.secret().to_vec(), v.bytes("/cipher"));
        assert_eq!(d.write.to_header_value(), v.text("/write_header"));
    }

    #[wasm_bindgen_test]
    async fn webcrypto_seals_the_same_bytes_and_opens_them() {
        let v = Vectors::load();
        let d = derived(&v).await;
        let nonce: [u8; NONCE_LEN] = v.bytes("/sealed/nonce").try_into().unwrap();
        let plain = v.text("/sealed/plaintext").into_bytes();
        let blob = subtle::seal(&d, v.version(), nonce, &plain).await.unwrap();
        assert_eq!(blob, v.bytes("/sealed/blob"));
        assert_eq!(subtle::open(&d, v.version(), &blob).await, Ok(plain));
    }

    #[wasm_bindgen_test]
    async fn webcrypto_refuses_a_changed_blob_another_version_or_another_key() {
        let v = Vectors::load();
        let d = derived(&v).await;
        let blob = v.bytes("/sealed/blob");
        let version = v.version();
        let mut flipped = blob.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(
            subtle::open(&d, version, &flipped).await,
            Err(SyncError::Tampered)
        );
        assert_eq!(
            subtle::open(&d, version + 1, &blob).await,
            Err(SyncError::Tampered)
        );
        let other = subtle::derive(&SyncKey::from_random([1; 32]))
            .await
            .unwrap();
        assert_ne!(other.id, d.id);
        assert_eq!(
            subtle::open(&other, version, &blob).await,
            Err(SyncError::Tampered)
        );
        assert_eq!(
            subtle::open(&d, version, b"{}").await,
            Err(SyncError::UnknownFormat(b'{'))
        );
    }

    #[wasm_bindgen_test]
    async fn without_webcrypto_sync_says_so_instead_of_failing_later() {
        assert!(subtle::available());
        let v = Vectors::load();
        // An http page on another device's address has no `crypto.subtle`.
        let crypto = Reflect::get(&web_sys::window().unwrap(), &"crypto".into()).unwrap();
        hide(&crypto, "subtle");
        assert!(!subtle::available());
        assert_eq!(
            subtle::derive(&v.key()).await.err(),
            Some(SyncError::NoCrypto)
        );
        Reflect::delete_property(crypto.unchecked_ref::<Object>(), &"subtle".into()).unwrap();
        assert!(subtle::available(), "the prototype's getter is back");
    }
}
