use super::*;
use proptest::prelude::*;

/// The key 00 01 02 … 1f. The expected values below were worked out
/// independently (Python's hmac and hashlib), not by this code.
fn sample_key() -> SyncKey {
    SyncKey::from_random(std::array::from_fn(|i| i as u8))
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn derivation_matches_its_vectors() {
    let d = sample_key().derive();
    assert_eq!(d.id.as_str(), "09849cf3471fec4ff228a764778ef14e");
    assert_eq!(
        d.cipher.0.to_vec(),
        unhex("73cd3709d80a4f488192caaaa0c14e611ca0fb31eea76751efca2c5a0c105cdf")
    );
    assert_eq!(
        d.write.to_header_value(),
        "xPNdec-OeMQenTimwbwsCUT182jJePC5xP5ZFSoGOV4"
    );
    assert_eq!(
        d.write.server_hash(),
        "745d1c2fc2c1a19338ad38ac990dc5b5b09ac69bfb84f615a4627b7ba6fcdcb2"
    );
}

#[test]
fn secrets_never_show_in_debug_output() {
    let d = sample_key().derive();
    let shown = format!("{:?} {d:?}", sample_key());
    assert!(
        !shown.contains("73cd") && !shown.contains("c4f3"),
        "{shown}"
    );
    assert!(
        shown.contains(d.id.as_str()),
        "the id is not a secret: {shown}"
    );
}

#[test]
fn a_pairing_link_carries_the_key_in_its_fragment() {
    let key = sample_key();
    assert_eq!(
        key.link_fragment(),
        "k=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"
    );
    let link = format!("https://example.org/sync#{}", key.link_fragment());
    assert_eq!(SyncKey::from_link(&link), Ok(key.clone()));
    assert_eq!(SyncKey::from_link(&key.link_fragment()), Ok(key.clone()));
    assert_eq!(
        SyncKey::from_link("#x=1&k=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"),
        Ok(key)
    );
    for (bad, why) in [
        ("https://example.org/sync", "no key"),
        ("#k=AAEC", "wrong length"),
        ("#k=AAEC$$", "damaged"),
    ] {
        let err = SyncKey::from_link(bad).unwrap_err();
        assert!(err.to_string().contains(why), "{bad}: {err}");
    }
}

#[test]
fn a_recovery_code_is_read_as_people_type_it() {
    let key = sample_key();
    let code = key.recovery_code();
    assert_eq!(
        code,
        "000G4-0R40M-30E20-9185G-R38E1-W8124-GK2GA-HC5RR-34D1P-70X3R-FP638"
    );
    assert_eq!(SyncKey::from_recovery_code(&code), Ok(key.clone()));
    // Lower case, spaces instead of dashes, O for 0 and l for 1.
    let typed = code
        .to_lowercase()
        .replace('-', " ")
        .replace('0', "o")
        .replace('1', "l");
    assert_eq!(SyncKey::from_recovery_code(&typed), Ok(key));
    // One letter wrong: the check letters catch it.
    let typo = code.replacen("R40M", "R41M", 1);
    assert_eq!(SyncKey::from_recovery_code(&typo), Err(SyncError::Typo));
    assert!(matches!(
        SyncKey::from_recovery_code("000G4-0R40M"),
        Err(SyncError::BadKey(_))
    ));
    let odd = code.replacen('G', "U", 1);
    assert!(matches!(
        SyncKey::from_recovery_code(&odd),
        Err(SyncError::BadKey(_))
    ));
}

/// AES-256-GCM known answers (McGrew and Viega's GCM test cases 13 and
/// 14: zero key, zero nonce), checked through the crate as `seal` uses it:
/// the ciphertext, then the tag.
#[test]
fn aes_gcm_matches_the_published_test_cases() {
    use aes_gcm::{Aes256Gcm, KeyInit, Nonce, aead::Aead};
    let cipher = Aes256Gcm::new(&[0u8; 32].into());
    let nonce = Nonce::from_slice(&[0u8; 12]);
    assert_eq!(
        cipher.encrypt(nonce, &[][..]).unwrap(),
        unhex("530f8afbc74536b9a963b4f1c4cb738b")
    );
    assert_eq!(
        cipher.encrypt(nonce, &[0u8; 16][..]).unwrap(),
        unhex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919")
    );
}

#[test]
fn a_sealed_snapshot_opens_only_as_itself() {
    let d = sample_key().derive();
    let blob = seal(
        &d.cipher,
        &d.id,
        7,
        [9; NONCE_LEN],
        b"three sets of leg press",
    );
    assert_eq!(blob[0], FORMAT);
    assert_eq!(
        open(&d.cipher, &d.id, 7, &blob).as_deref(),
        Ok(&b"three sets of leg press"[..])
    );
    // The text is not in the blob.
    assert!(!blob.windows(8).any(|w| w == b"leg pres"));
    // Another version: the server passing an old blob off as new.
    assert_eq!(open(&d.cipher, &d.id, 8, &blob), Err(SyncError::Tampered));
    // Another person's id.
    let other = SyncKey::from_random([1; 32]).derive();
    assert_eq!(
        open(&d.cipher, &other.id, 7, &blob),
        Err(SyncError::Tampered)
    );
    // Another key.
    assert_eq!(
        open(&other.cipher, &d.id, 7, &blob),
        Err(SyncError::Tampered)
    );
    // Cut short, or not a snapshot at all.
    assert_eq!(
        open(&d.cipher, &d.id, 7, &blob[..20]),
        Err(SyncError::Tampered)
    );
    assert_eq!(
        open(&d.cipher, &d.id, 7, b"{\"v\":1}"),
        Err(SyncError::UnknownFormat(b'{'))
    );
    assert_eq!(
        open(&d.cipher, &d.id, 7, b""),
        Err(SyncError::UnknownFormat(0))
    );
}

#[test]
fn a_device_never_takes_an_older_version() {
    assert_eq!(check_version(None, 1), Ok(()));
    assert_eq!(check_version(Some(4), 4), Ok(()));
    assert_eq!(check_version(Some(4), 5), Ok(()));
    let err = check_version(Some(4), 3).unwrap_err();
    assert_eq!(
        err,
        SyncError::Rollback {
            seen: 4,
            offered: 3
        }
    );
    assert!(
        err.to_string()
            .contains("Nothing on this device was changed")
    );
}

proptest! {
    #[test]
    fn any_snapshot_round_trips_and_any_flipped_bit_is_caught(
        key in any::<[u8; 32]>(),
        nonce in any::<[u8; NONCE_LEN]>(),
        version in any::<u64>(),
        text in proptest::collection::vec(any::<u8>(), 0..512),
        flip in any::<proptest::sample::Index>(),
        bit in 0u8..8,
    ) {
        let d = SyncKey::from_random(key).derive();
        let blob = seal(&d.cipher, &d.id, version, nonce, &text);
        prop_assert_eq!(open(&d.cipher, &d.id, version, &blob), Ok(text));
        let mut bad = blob.clone();
        let at = flip.index(bad.len());
        bad[at] ^= 1 << bit;
        prop_assert!(open(&d.cipher, &d.id, version, &bad).is_err());
    }

    #[test]
    fn any_key_survives_its_link_and_its_recovery_code(key in any::<[u8; 32]>()) {
        let key = SyncKey::from_random(key);
        prop_assert_eq!(SyncKey::from_link(&key.link_fragment()), Ok(key.clone()));
        prop_assert_eq!(SyncKey::from_recovery_code(&key.recovery_code()), Ok(key));
    }
}
