use super::*;
use proptest::prelude::*;

/// A round as the browser runs it (`state::syncing`), with the native
/// cipher standing in for WebCrypto: check the version, open, unpack,
/// decide, then seal the write.
fn reconcile(
    keys: &Derived,
    seen: Option<u64>,
    local: &Snapshot,
    remote: Option<&Remote>,
    nonce: [u8; NONCE_LEN],
) -> Result<Sealed, SyncError> {
    let theirs = match remote {
        Some(remote) => {
            check_version(seen, remote.version)?;
            let plain = open(&keys.cipher, &keys.id, remote.version, &remote.blob)?;
            Some((remote.version, unpack(&plain)?))
        }
        None => None,
    };
    let round = decide(local, theirs);
    Ok(Sealed {
        write: round.write.map(|w| SealedWrite {
            if_match: w.if_match,
            version: w.version,
            blob: seal(&keys.cipher, &keys.id, w.version, nonce, &w.packed),
        }),
        merged: round.merged,
        local_changed: round.local_changed,
        read_version: round.read_version,
    })
}

/// A [`Round`] with its write sealed.
#[derive(Debug, PartialEq)]
struct Sealed {
    merged: Snapshot,
    local_changed: bool,
    read_version: Option<u64>,
    write: Option<SealedWrite>,
}

/// A [`Write`] sealed, as sent.
#[derive(Debug, PartialEq)]
struct SealedWrite {
    if_match: u64,
    version: u64,
    blob: Vec<u8>,
}

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
        d.cipher.secret().to_vec(),
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

/// The vectors the browser's WebCrypto is also checked against
/// (`app/tests/browser_crypto.rs`), so both ciphers give the same bytes.
#[test]
fn derivation_and_sealing_match_the_shared_vectors() {
    let v: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/fixtures/sync-vectors.json")).unwrap();
    let text = |path: &str| v.pointer(path).and_then(|x| x.as_str()).unwrap().to_owned();
    let key = SyncKey::from_random(unhex(&text("/key")).try_into().unwrap());
    let d = key.derive();
    assert_eq!(d.id.as_str(), text("/id"));
    assert_eq!(d.cipher.secret().to_vec(), unhex(&text("/cipher")));
    assert_eq!(d.write.to_header_value(), text("/write_header"));
    let version = v
        .pointer("/sealed/version")
        .and_then(|x| x.as_u64())
        .unwrap();
    let nonce: [u8; NONCE_LEN] = unhex(&text("/sealed/nonce")).try_into().unwrap();
    let plain = text("/sealed/plaintext");
    let blob = seal(&d.cipher, &d.id, version, nonce, plain.as_bytes());
    assert_eq!(blob, unhex(&text("/sealed/blob")));
    assert_eq!(
        open(&d.cipher, &d.id, version, &blob),
        Ok(plain.into_bytes())
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

mod merging {
    use super::super::*;
    use super::{Sealed, SealedWrite, reconcile};
    use crate::session::{History, Session};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// Six real sessions (from the three-year sample) to vary.
    fn pool() -> &'static [Session] {
        static POOL: std::sync::LazyLock<Vec<Session>> =
            std::sync::LazyLock::new(|| History::three_years_sample().sessions[..6].to_vec());
        &POOL
    }

    /// A copy of one of the pool's sessions with only its first `sets` sets.
    fn session(i: usize, sets: usize) -> Session {
        let mut s = pool()[i].clone();
        s.sets.truncate(sets);
        s
    }

    fn stamped<T>(value: T, changed_ms: u64) -> Stamped<T> {
        Stamped { value, changed_ms }
    }

    prop_compose! {
        /// Small snapshots over few keys and instants, so the two sides
        /// often hold the same session, field or note, at the same time.
        fn snapshot()(
            sessions in proptest::collection::vec((0usize..6, 0usize..6), 0..5),
            deleted in proptest::collection::btree_map(0usize..6, 0u64..4, 0..2),
            prefs in proptest::collection::btree_map(
                prop_oneof![Just("theme"), Just("unit"), Just("weekly_target")],
                (0u8..3, 0u64..4), 0..3),
            notes in proptest::collection::btree_map(
                prop_oneof![Just("leg-press"), Just("leg-curl")],
                (proptest::option::of(prop_oneof![Just("seat 4"), Just("pin 7")]), 0u64..4), 0..2),
        ) -> Snapshot {
            let pool = pool();
            let mut history = History::default();
            for (i, sets) in sessions {
                history.upsert(session(i, sets));
            }
            Snapshot {
                history,
                deleted_sessions: deleted.into_iter().map(|(i, t)| (pool[i].id.clone(), t)).collect(),
                prefs: prefs.into_iter().map(|(k, (v, t))| (k.to_owned(), stamped(serde_json::json!(v), t))).collect(),
                notes: notes.into_iter().map(|(k, (v, t))| (k.to_owned(), stamped(v.map(str::to_owned), t))).collect(),
            }
        }
    }

    proptest! {
        #[test]
        fn merging_is_a_join(a in snapshot(), b in snapshot(), c in snapshot()) {
            prop_assert_eq!(merge(&a, &b), merge(&b, &a));
            prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
            prop_assert_eq!(merge(&a, &a), merge(&a, &Snapshot::default()));
            let ab = merge(&a, &b);
            prop_assert_eq!(merge(&ab, &b), ab.clone());
            // No set lost: every session not deleted is there, with at
            // least as many sets as either side had.
            for s in a.history.sessions.iter().chain(&b.history.sessions) {
                if ab.deleted_sessions.contains_key(&s.id) {
                    prop_assert!(ab.history.sessions.iter().all(|m| m.id != s.id));
                } else {
                    let kept = ab.history.sessions.iter().find(|m| m.id == s.id);
                    prop_assert!(kept.is_some_and(|m| m.sets.len() >= s.sets.len()));
                }
            }
        }
    }

    #[test]
    fn the_later_change_wins_and_a_deleted_note_stays_deleted() {
        let mut a = Snapshot::default();
        a.prefs
            .insert("unit".into(), stamped(serde_json::json!("kg"), 5));
        a.notes
            .insert("leg-press".into(), stamped(Some("seat 4".into()), 1));
        let mut b = Snapshot::default();
        b.prefs
            .insert("unit".into(), stamped(serde_json::json!("lb"), 9));
        b.notes.insert("leg-press".into(), stamped(None, 3));
        let m = merge(&a, &b);
        assert_eq!(m.prefs["unit"].value, serde_json::json!("lb"));
        assert_eq!(m.notes["leg-press"].value, None);
    }

    #[test]
    fn a_session_with_more_sets_wins_and_a_deleted_one_stays_gone() {
        let (short, long) = (session(0, 2), session(0, 5));
        let a = Snapshot {
            history: History {
                sessions: vec![long.clone()],
            },
            ..Snapshot::default()
        };
        let b = Snapshot {
            history: History {
                sessions: vec![short, session(1, 3)],
            },
            ..Snapshot::default()
        };
        let m = merge(&a, &b);
        assert_eq!(m.history.sessions.len(), 2);
        assert_eq!(
            m.history.sessions.iter().find(|s| s.id == long.id),
            Some(&long)
        );
        let mut gone = b.clone();
        gone.deleted_sessions.insert(long.id.clone(), 1);
        assert!(
            merge(&a, &gone)
                .history
                .sessions
                .iter()
                .all(|s| s.id != long.id)
        );
    }

    #[test]
    fn stamps_follow_what_changed() {
        let mut stamps: BTreeMap<String, Stamped<Option<String>>> = BTreeMap::new();
        let notes = |pairs: &[(&str, &str)]| -> BTreeMap<String, Option<String>> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Some(v.to_string())))
                .collect()
        };
        stamp_changes(&mut stamps, &notes(&[("a", "x"), ("b", "y")]), None, 10);
        stamp_changes(&mut stamps, &notes(&[("a", "x"), ("b", "z")]), None, 20);
        assert_eq!(stamps["a"], stamped(Some("x".into()), 10));
        assert_eq!(stamps["b"], stamped(Some("z".into()), 20));
        stamp_changes(&mut stamps, &notes(&[("b", "z")]), None, 30);
        assert_eq!(stamps["a"], stamped(None, 30));
        // Unchanged: no new stamp.
        stamp_changes(&mut stamps, &notes(&[("b", "z")]), None, 40);
        assert_eq!(stamps["a"].changed_ms, 30);
        assert_eq!(stamps["b"].changed_ms, 20);
    }

    /// What a device or the server does in the simulation.
    #[derive(Debug, Clone)]
    enum Op {
        /// Device logs a new session with this many sets.
        Log(usize, usize),
        /// Device changes a setting (field, value).
        Pref(usize, usize, u8),
        /// Device writes or deletes a note.
        Note(usize, usize, Option<u8>),
        /// Device syncs (when it is online).
        Sync(usize),
        /// Device reads, the other device syncs, then the first one writes:
        /// refused when the other wrote, so it starts again.
        Race(usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0usize..2, 1usize..6).prop_map(|(d, n)| Op::Log(d, n)),
            (0usize..2, 0usize..2, 0u8..3).prop_map(|(d, f, v)| Op::Pref(d, f, v)),
            (0usize..2, 0usize..2, proptest::option::of(0u8..3))
                .prop_map(|(d, e, v)| Op::Note(d, e, v)),
            (0usize..2).prop_map(Op::Sync),
            (0usize..2).prop_map(Op::Race),
        ]
    }

    /// The server: a sealed blob and its version, nothing it can read.
    #[derive(Default)]
    struct Server {
        version: u64,
        blob: Option<Vec<u8>>,
    }

    impl Server {
        fn remote(&self) -> Option<Remote> {
            self.blob.clone().map(|blob| Remote {
                version: self.version,
                blob,
            })
        }

        /// A PUT with `If-Match`: refused (412) when someone wrote first.
        fn put(&mut self, write: SealedWrite) -> bool {
            if write.if_match != self.version {
                return false;
            }
            self.version = write.version;
            self.blob = Some(write.blob);
            true
        }
    }

    struct Device {
        data: Snapshot,
        seen: Option<u64>,
    }

    impl Device {
        /// Keeps what a round merged, as the browser does before it writes.
        fn take(&mut self, round: &Sealed) {
            self.data = round.merged.clone();
            if round.write.is_none() {
                self.seen = round.read_version.or(self.seen);
            }
        }
    }

    /// A whole round as the browser runs it: read, reconcile, keep the
    /// merge, write; on 412 start again. Every blob crosses sealed.
    fn sync(device: &mut Device, server: &mut Server, key: &Derived, nonce: u8) {
        for attempt in 0..3 {
            let round = reconcile(
                key,
                device.seen,
                &device.data,
                server.remote().as_ref(),
                [nonce ^ attempt; NONCE_LEN],
            )
            .unwrap();
            device.take(&round);
            match round.write {
                None => return,
                Some(write) => {
                    let version = write.version;
                    if server.put(write) {
                        device.seen = Some(version);
                        return;
                    }
                }
            }
        }
        panic!("no one else writes here: a second attempt must go through");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// Two devices edit while offline, in any order, syncing now and
        /// then; once both have synced (and the first again), they hold the
        /// same data, every set logged on either is there, and each setting
        /// and note holds its latest value.
        #[test]
        fn two_devices_converge_and_lose_no_set(ops in proptest::collection::vec(op(), 0..40)) {
            let key = SyncKey::from_random([7; 32]).derive();
            let mut server = Server::default();
            let mut devices = [
                Device { data: Snapshot::default(), seen: None },
                Device { data: Snapshot::default(), seen: None },
            ];
            let fields = ["unit", "weekly_target"];
            let exercises = ["leg-press", "leg-curl"];
            let mut logged = Vec::new();
            let mut latest: BTreeMap<String, serde_json::Value> = BTreeMap::new();
            for (t, op) in ops.iter().enumerate() {
                let now = t as u64 + 1;
                match op.clone() {
                    Op::Log(d, sets) => {
                        let mut s = session(0, sets);
                        s.id = format!("{d}-{t}");
                        s.started_ms = now;
                        logged.push((s.id.clone(), s.sets.len()));
                        devices[d].data.history.upsert(s);
                    }
                    Op::Pref(d, f, v) => {
                        let value = serde_json::json!(v);
                        latest.insert(format!("pref {}", fields[f]), value.clone());
                        devices[d].data.prefs.insert(fields[f].into(), stamped(value, now));
                    }
                    Op::Note(d, e, v) => {
                        let value = v.map(|v| format!("note {v}"));
                        latest.insert(format!("note {}", exercises[e]), serde_json::json!(value));
                        devices[d].data.notes.insert(exercises[e].into(), stamped(value, now));
                    }
                    Op::Sync(d) => sync(&mut devices[d], &mut server, &key, t as u8),
                    Op::Race(d) => {
                        let round = reconcile(
                            &key,
                            devices[d].seen,
                            &devices[d].data,
                            server.remote().as_ref(),
                            [t as u8; NONCE_LEN],
                        )
                        .unwrap();
                        devices[d].take(&round);
                        sync(&mut devices[1 - d], &mut server, &key, !(t as u8));
                        if let Some(write) = round.write {
                            let version = write.version;
                            if server.put(write) {
                                devices[d].seen = Some(version);
                            } else {
                                sync(&mut devices[d], &mut server, &key, t as u8 ^ 0x5a);
                            }
                        }
                    }
                }
            }
            let [a, b] = &mut devices;
            sync(a, &mut server, &key, 101);
            sync(b, &mut server, &key, 102);
            sync(a, &mut server, &key, 103);
            prop_assert_eq!(&a.data, &b.data);
            for (id, sets) in &logged {
                let s = a.data.history.sessions.iter().find(|s| &s.id == id);
                prop_assert!(s.is_some_and(|s| s.sets.len() == *sets), "lost {}", id);
            }
            for (what, value) in &latest {
                let (kind, key) = what.split_once(' ').unwrap();
                let held = if kind == "pref" {
                    a.data.prefs[key].value.clone()
                } else {
                    serde_json::json!(a.data.notes[key].value)
                };
                prop_assert_eq!(&held, value, "{}", what);
            }
        }
    }
}

mod rounds {
    use super::super::*;
    use super::reconcile;
    use crate::session::History;

    fn key() -> Derived {
        SyncKey::from_random([3; 32]).derive()
    }

    /// The first `n` sessions of the three-year sample.
    fn with_sessions(n: usize) -> Snapshot {
        let mut history = History::three_years_sample();
        history.sessions.truncate(n);
        Snapshot {
            history,
            ..Snapshot::default()
        }
    }

    fn sealed(key: &Derived, version: u64, snapshot: &Snapshot) -> Remote {
        Remote {
            version,
            blob: seal(
                &key.cipher,
                &key.id,
                version,
                [9; NONCE_LEN],
                &pack(snapshot),
            ),
        }
    }

    #[test]
    fn the_first_round_writes_version_one_and_changes_nothing_here() {
        let key = key();
        let local = with_sessions(2);
        let round = reconcile(&key, None, &local, None, [1; NONCE_LEN]).unwrap();
        assert!(!round.local_changed);
        assert_eq!(round.read_version, None);
        let write = round.write.expect("the server has nothing: write");
        assert_eq!((write.if_match, write.version), (0, 1));
        let opened = open(&key.cipher, &key.id, 1, &write.blob).unwrap();
        assert_eq!(unpack(&opened).unwrap(), local);
    }

    #[test]
    fn a_round_takes_what_is_new_and_writes_only_what_the_server_lacks() {
        let key = key();
        let server_side = with_sessions(3);
        // Same data: nothing to do either way.
        let same = reconcile(
            &key,
            Some(4),
            &server_side,
            Some(&sealed(&key, 4, &server_side)),
            [1; 12],
        )
        .unwrap();
        assert!(!same.local_changed && same.write.is_none());
        // Less here: take it, write nothing.
        let behind = reconcile(
            &key,
            None,
            &with_sessions(1),
            Some(&sealed(&key, 4, &server_side)),
            [1; 12],
        )
        .unwrap();
        assert!(behind.local_changed);
        assert_eq!(behind.merged, server_side);
        assert!(behind.write.is_none());
        // More here: keep it, write version 5 over 4.
        let ahead = reconcile(
            &key,
            Some(4),
            &with_sessions(5),
            Some(&sealed(&key, 4, &server_side)),
            [1; 12],
        )
        .unwrap();
        assert!(!ahead.local_changed);
        let write = ahead.write.unwrap();
        assert_eq!((write.if_match, write.version), (4, 5));
    }

    #[test]
    fn a_blob_that_fails_stops_the_round_before_anything_changes() {
        let key = key();
        let local = with_sessions(1);
        let mut tampered = sealed(&key, 2, &with_sessions(4));
        let last = tampered.blob.len() - 1;
        tampered.blob[last] ^= 1;
        assert_eq!(
            reconcile(&key, None, &local, Some(&tampered), [1; 12]),
            Err(SyncError::Tampered)
        );
        // Another person's key.
        let other = SyncKey::from_random([4; 32]).derive();
        let theirs = sealed(&other, 2, &with_sessions(4));
        assert_eq!(
            reconcile(&key, None, &local, Some(&theirs), [1; 12]),
            Err(SyncError::Tampered)
        );
        // An older version than seen.
        let old = sealed(&key, 2, &with_sessions(4));
        assert_eq!(
            reconcile(&key, Some(3), &local, Some(&old), [1; 12]),
            Err(SyncError::Rollback {
                seen: 3,
                offered: 2
            })
        );
    }

    #[test]
    fn authentic_bytes_that_do_not_read_are_refused_not_trusted() {
        let key = key();
        let local = with_sessions(1);
        let seal_plain = |plain: &[u8]| Remote {
            version: 1,
            blob: seal(&key.cipher, &key.id, 1, [2; NONCE_LEN], plain),
        };
        for plain in [
            b"not deflate at all".to_vec(),
            miniz_oxide::deflate::compress_to_vec(b"{\"history\": 12}", 6),
            // Deflates to more than a device unpacks: refused, not unpacked.
            miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_UNPACKED_BYTES + 1], 1),
        ] {
            assert_eq!(
                reconcile(&key, None, &local, Some(&seal_plain(&plain)), [1; 12]),
                Err(SyncError::Unreadable)
            );
        }
    }

    #[test]
    fn packing_shrinks_a_history_and_round_trips() {
        let snapshot = with_sessions(200);
        let json = serde_json::to_vec(&snapshot).unwrap();
        let packed = pack(&snapshot);
        assert!(
            packed.len() * 4 < json.len(),
            "{} of {}",
            packed.len(),
            json.len()
        );
        assert_eq!(unpack(&packed).unwrap(), snapshot);
    }
}

mod this_device {
    use super::super::*;
    use crate::{
        notes::Notes,
        prefs::{Prefs, Theme},
        session::History,
        units::Unit,
    };

    fn notes(pairs: &[(&str, &str)]) -> Notes {
        let mut n = Notes::default();
        for (k, v) in pairs {
            n.set(k, v).unwrap();
        }
        n
    }

    #[test]
    fn looking_stamps_only_what_changed_and_never_the_theme() {
        let mut stamps = Stamps::default();
        let mut prefs = Prefs::default();
        stamps.observe(&prefs, &notes(&[("leg-press", "seat 4")]), 10);
        assert!(stamps.prefs.contains_key("unit") && !stamps.prefs.contains_key("theme"));
        assert!(stamps.prefs.values().all(|s| s.changed_ms == 10));
        prefs.unit = Unit::Lb;
        prefs.theme = Theme::Dark;
        stamps.observe(&prefs, &notes(&[("leg-press", "seat 4")]), 20);
        assert_eq!(stamps.prefs["unit"].changed_ms, 20);
        assert_eq!(stamps.prefs["weekly_target"].changed_ms, 10);
        assert_eq!(stamps.notes["leg-press"].changed_ms, 10);
        stamps.observe(&prefs, &Notes::default(), 30);
        assert_eq!(
            stamps.notes["leg-press"],
            Stamped {
                value: None,
                changed_ms: 30
            }
        );
    }

    #[test]
    fn a_snapshot_gives_back_this_devices_data() {
        let history = History {
            sessions: History::three_years_sample().sessions[..3].to_vec(),
        };
        let mut prefs = Prefs {
            unit: Unit::Lb,
            body_weight_kg: Some(81.5),
            ..Prefs::default()
        };
        prefs.missing_machines.insert("leg-curl".into());
        let notes = notes(&[("leg-press", "seat 4"), ("leg-curl", "pin 7")]);
        let mut stamps = Stamps::default();
        stamps.observe(&prefs, &notes, 5);
        let snapshot = stamps.snapshot(&history);
        // Through the wire form and back, as a sync does.
        let text = serde_json::to_vec(&snapshot).unwrap();
        let back: Snapshot = serde_json::from_slice(&text).unwrap();
        let (h, p, n) = apply(&back, &Prefs::default());
        assert_eq!((h, p, n), (history, prefs, notes));
    }

    #[test]
    fn a_device_that_joins_takes_the_groups_settings_and_keeps_its_sessions() {
        // The phone has synced for a while with its own settings.
        let phone_prefs = Prefs {
            unit: Unit::Lb,
            weekly_target: 3,
            ..Prefs::default()
        };
        let mut phone = Stamps::default();
        phone.observe(&phone_prefs, &notes(&[("leg-press", "seat 4")]), 1_000);
        // A new tablet with defaults and a note of its own joins: what it
        // has counts as older than anything in the group (stamped at 0).
        let tablet_prefs = Prefs::default();
        let mut tablet = Stamps::default();
        tablet.observe(&tablet_prefs, &notes(&[("leg-curl", "pad low")]), 0);
        let mut tablet_history = History::default();
        tablet_history.upsert(History::three_years_sample().sessions[0].clone());
        let merged = merge(
            &phone.snapshot(&History::default()),
            &tablet.snapshot(&tablet_history),
        );
        let (history, prefs, notes) = apply(&merged, &tablet_prefs);
        assert_eq!((prefs.unit, prefs.weekly_target), (Unit::Lb, 3));
        assert_eq!(notes.get("leg-press"), "seat 4");
        assert_eq!(
            notes.get("leg-curl"),
            "pad low",
            "a note only the tablet had"
        );
        assert_eq!(history.sessions.len(), 1, "the tablet's session stays");
    }

    #[test]
    fn two_devices_keep_each_others_later_changes_and_their_own_theme() {
        let (mut a_prefs, mut b_prefs) = (Prefs::default(), Prefs::default());
        let (mut a, mut b) = (Stamps::default(), Stamps::default());
        a.observe(&a_prefs, &notes(&[("leg-press", "seat 4")]), 1);
        b.observe(&b_prefs, &notes(&[("leg-press", "seat 4")]), 1);
        a_prefs.unit = Unit::Lb;
        a_prefs.theme = Theme::Dark;
        a.observe(&a_prefs, &notes(&[]), 10);
        b_prefs.weekly_target = 4;
        b.observe(&b_prefs, &notes(&[("leg-press", "seat 5")]), 5);
        let merged = merge(
            &a.snapshot(&History::default()),
            &b.snapshot(&History::default()),
        );
        let (_, on_a, notes_a) = apply(&merged, &a_prefs);
        let (_, on_b, notes_b) = apply(&merged, &b_prefs);
        assert_eq!((on_a.unit, on_a.weekly_target), (Unit::Lb, 4));
        assert_eq!((on_b.unit, on_b.weekly_target), (Unit::Lb, 4));
        assert_eq!((on_a.theme, on_b.theme), (Theme::Dark, Theme::System));
        // Deleted on A at 10, edited on B at 5: deleted.
        assert_eq!(
            (notes_a.get("leg-press"), notes_b.get("leg-press")),
            ("", "")
        );
        // Adopting the merged times: the next look stamps nothing new.
        b.adopt(&merged);
        let before = b.clone();
        b.observe(&on_b, &notes_b, 99);
        assert_eq!(b, before);
    }

    #[test]
    fn a_setting_this_version_cannot_read_keeps_the_local_value() {
        let mut merged = Snapshot::default();
        merged.prefs.insert(
            "weekly_target".into(),
            Stamped {
                value: serde_json::json!("lots"),
                changed_ms: 9,
            },
        );
        merged.prefs.insert(
            "from_a_newer_app".into(),
            Stamped {
                value: serde_json::json!(true),
                changed_ms: 9,
            },
        );
        merged.prefs.insert(
            "unit".into(),
            Stamped {
                value: serde_json::json!("lb"),
                changed_ms: 9,
            },
        );
        let (_, prefs, _) = apply(&merged, &Prefs::default());
        assert_eq!(prefs.weekly_target, Prefs::default().weekly_target);
        assert_eq!(prefs.unit, Unit::Lb);
    }
}

mod stored_state {
    use super::super::*;
    use crate::storage::{self, MemoryBackend};

    #[test]
    fn sync_is_off_until_turned_on_and_off_keeps_nothing_of_the_key() {
        let mut state = SyncState::default();
        assert_eq!(state.key(), None);
        let key = SyncKey::from_random([3; 32]);
        state.turn_on(&key);
        state.synced(4, 100);
        assert_eq!(state.key(), Some(key.clone()));
        // The same key again keeps what was seen; another key starts over.
        state.turn_on(&key);
        assert_eq!(state.seen_version, Some(4));
        state.turn_on(&SyncKey::from_random([4; 32]));
        assert_eq!((state.seen_version, state.last_synced_ms), (None, None));
        state.turn_off();
        assert_eq!(state.key, None);
    }

    #[test]
    fn it_is_stored_and_two_tabs_keep_the_highest_version_seen() {
        let backend = MemoryBackend::default();
        let key = SyncKey::from_random([3; 32]);
        let mut state = SyncState::default();
        state.turn_on(&key);
        state.synced(7, 100);
        storage::save(&backend, &state).unwrap();
        let loaded = storage::load::<SyncState>(&backend, 1);
        assert_eq!(loaded.value, state);
        // Another tab, still at version 5, saves: 7 stays.
        let mut other = state.clone();
        other.seen_version = Some(5);
        other.last_synced_ms = Some(50);
        storage::save_merged(&backend, &mut other, 2).unwrap();
        assert_eq!(other.seen_version, Some(7));
        assert_eq!(other.last_synced_ms, Some(100));
    }
}

mod screens {
    use super::super::*;

    #[test]
    fn a_failed_round_is_tried_again_sooner_then_later() {
        let waits: Vec<u32> = (1..=9).map(retry_delay_ms).collect();
        assert_eq!(
            waits,
            [
                5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000
            ]
        );
        assert_eq!(retry_delay_ms(0), 5_000);
        assert_eq!(retry_delay_ms(u32::MAX), 300_000);
    }

    #[test]
    fn the_last_sync_is_said_in_words() {
        let min = 60_000;
        // 2025-11-03 14:05 UTC is day 20395.
        let at = 20_395 * 86_400_000 + (14 * 60 + 5) * min;
        assert_eq!(last_synced_label(at, at + 30_000, 0), "just now");
        assert_eq!(last_synced_label(at, at + min, 0), "1 minute ago");
        assert_eq!(last_synced_label(at, at + 59 * min, 0), "59 minutes ago");
        assert_eq!(
            last_synced_label(at, at + 3 * 60 * min, 0),
            "today at 14:05"
        );
        assert_eq!(
            last_synced_label(at, at + 3 * 60 * min, 120),
            "today at 16:05"
        );
        assert_eq!(
            last_synced_label(at, at + 20 * 60 * min, 0),
            "yesterday at 14:05"
        );
        assert_eq!(
            last_synced_label(at, at + 72 * 60 * min, 0),
            "on Mon 3 Nov 2025"
        );
        // A clock set back does not say "in the future".
        assert_eq!(last_synced_label(at, at - 5 * min, 0), "just now");
    }

    #[test]
    fn a_pairing_link_becomes_a_qr_code_with_its_finder_patterns() {
        let link = format!(
            "http://127.0.0.1:3000/sync#{}",
            SyncKey::from_random([5; 32]).link_fragment()
        );
        let qr = QrPicture::of(&link).unwrap();
        // A 63-character link needs version 4 at level M: 33 modules, plus
        // 4 of quiet zone on each side.
        assert_eq!(qr.size, 33 + 8);
        // The top-left finder pattern: a row of 7 dark modules at (4, 4),
        // then its inner ring's first row.
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", &qr.path[..40]);
        assert!(qr.path.contains("M4 5h1v1h-1z"));
        // The top-right one ends the first row at the code's right edge.
        assert!(qr.path.contains(&format!("M{} 4h7v1h-7z", 4 + 33 - 7)));
        // Different links, different codes.
        let other = format!(
            "http://127.0.0.1:3000/sync#{}",
            SyncKey::from_random([6; 32]).link_fragment()
        );
        assert_ne!(QrPicture::of(&other).unwrap().path, qr.path);
    }
}
