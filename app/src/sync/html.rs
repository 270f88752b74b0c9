//! Sync on screen, as markup (see `crate::markup` for why markup): the
//! settings page's sync panel and the pairing page. Which screen applies,
//! and the parts that change while it is shown (what sync is doing, the
//! pairing details, the question before the server's copy is deleted). The
//! islands put each in its place when it changes; the buttons name their
//! `data-action`.

use super::{Activity, Pairing, SyncStatus, last_synced_label};
use crate::markup::Markup;

/// The panel's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelView {
    /// Not known yet (on the server, and until the page is live): nothing
    /// is shown rather than a guess that may flip.
    Unknown,
    /// Sync is on here.
    On,
    /// A server offers sync, but this page is not secure, where browsers
    /// do not encrypt.
    Insecure,
    /// A server offers sync and it is off here.
    Off,
    /// This copy of the app has no sync server.
    Unavailable,
}

impl PanelView {
    /// The screen for `status`, once the page `checked` it, on a page that
    /// is `secure` or not.
    pub fn of(status: &SyncStatus, checked: bool, secure: bool) -> Self {
        if !checked {
            PanelView::Unknown
        } else if status.on {
            PanelView::On
        } else if !status.available {
            PanelView::Unavailable
        } else if !secure {
            PanelView::Insecure
        } else {
            PanelView::Off
        }
    }
}

/// Where the parts that change go, in the screens that have them.
pub const ACTIVITY_SLOT: &str = "[data-sync-slot='activity']";
/// See [`ACTIVITY_SLOT`].
pub const PAIRING_SLOT: &str = "[data-sync-slot='pairing']";
/// See [`ACTIVITY_SLOT`].
pub const DELETE_SLOT: &str = "[data-sync-slot='delete']";

const ON: &str = r#"<p data-testid="sync-state"><strong>Sync is on.</strong></p><div data-sync-slot="activity"></div><div class="button-row"><button type="button" class="button button-primary" data-testid="sync-now" data-action="sync-now">Sync now</button></div><div data-sync-slot="pairing"></div><h3>Stop syncing</h3><div class="button-row"><button type="button" class="button" data-testid="sync-off" data-action="sync-off">Turn off sync on this device</button></div><p class="hint">Everything on this device stays here. Other devices keep syncing with each other.</p><div data-sync-slot="delete"></div>"#;

const OFF: &str = r#"<p>Keep your sessions, notes and settings on more than one device: a phone at the gym and a tablet at home, or a new phone.</p><ul class="hint"><li>Your data is locked on this device before it leaves it. The server keeps only what it cannot read: no account, no name, no email.</li><li>Only devices you pair, with a link or a code from this one, can unlock it.</li></ul><div class="button-row"><button type="button" class="button button-primary" data-testid="sync-on" data-action="sync-on">Turn on sync</button></div><h3>Join a device that already syncs</h3><p class="hint">Open the pairing link from that device here, or type its recovery code.</p><form class="sync-join" data-action="sync-join"><label for="sync-code">Recovery code or pairing link</label><input id="sync-code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" data-testid="sync-code"><button type="submit" class="button" data-testid="sync-join">Join</button></form><div data-sync-slot="activity"></div>"#;

const INSECURE: &str = r#"<p data-testid="sync-insecure">Sync locks your data in the browser before it leaves this device, and browsers do that only on secure (https) pages. This page is not one: open BackStrong over https to turn sync on, or move your data with a backup file (below, under “Your data”).</p>"#;

const UNAVAILABLE: &str = r#"<p data-testid="sync-unavailable">Sync needs a BackStrong server that offers it, and this copy of the app has none. A backup file (below, under “Your data”) moves your data to another device instead.</p>"#;

/// The markup of `view`, its changing parts left empty.
pub fn panel(view: PanelView) -> &'static str {
    match view {
        PanelView::Unknown => "",
        PanelView::On => ON,
        PanelView::Insecure => INSECURE,
        PanelView::Off => OFF,
        PanelView::Unavailable => UNAVAILABLE,
    }
}

/// What sync is doing or last did, and when it last went through, at
/// `now_ms` in a zone `utc_offset_min` from UTC: read out by screen readers
/// as it changes, a failure as an alert. Empty before anything happened.
pub fn activity(status: &SyncStatus, now_ms: u64, utc_offset_min: i32) -> String {
    let mut m = Markup::default();
    let (state, said) = match &status.activity {
        Activity::Failed(message) => {
            m.element(
                "p",
                &[
                    ("class", &"error"),
                    ("role", &"alert"),
                    ("data-testid", &"sync-activity"),
                    ("data-state", &"failed"),
                ],
                message,
            );
            return m.finish();
        }
        Activity::Idle if status.last_synced_ms.is_none() => return String::new(),
        Activity::Working => ("working", "Syncing…"),
        Activity::Offline => (
            "offline",
            "Offline: your changes are safe on this device and go out when the network is back.",
        ),
        Activity::Done(message) => ("done", message.as_str()),
        Activity::Idle => ("idle", ""),
    };
    let last = status
        .last_synced_ms
        .map(|at| {
            format!(
                " Last synced {}.",
                last_synced_label(at, now_ms, utc_offset_min)
            )
        })
        .unwrap_or_default();
    m.element(
        "p",
        &[
            ("class", &"sync-activity"),
            ("role", &"status"),
            ("data-testid", &"sync-activity"),
            ("data-state", &state),
        ],
        format_args!("{said}{last}"),
    );
    m.finish()
}

/// How another device joins: the pairing link as a QR code and as text,
/// and the recovery code to write down. Empty until the sync code has
/// made them.
pub fn pairing(pairing: Option<&Pairing>) -> String {
    let Some(pairing) = pairing else {
        return String::new();
    };
    let size = pairing.qr.size;
    let mut m = Markup::default();
    m.element("h3", &[], "Pair another device")
        .element(
            "p",
            &[("class", &"hint")],
            "On the other device, scan this code with the camera, or open the link there.",
        )
        // Dark on light whatever the theme: scanners expect it.
        .open(
            "svg",
            &[
                ("xmlns", &"http://www.w3.org/2000/svg"),
                ("class", &"qr"),
                ("viewBox", &format_args!("0 0 {size} {size}")),
                ("role", &"img"),
                ("aria-label", &"QR code of the pairing link"),
                ("data-testid", &"sync-qr"),
                ("shape-rendering", &"crispEdges"),
            ],
        )
        .leaf(
            "rect",
            &[("width", &size), ("height", &size), ("fill", &"#ffffff")],
        )
        .leaf("path", &[("d", &pairing.qr.path), ("fill", &"#000000")])
        .close("svg")
        .element("label", &[("for", &"sync-link")], "Pairing link")
        .leaf(
            "input",
            &[
                ("id", &"sync-link"),
                ("class", &"sync-link"),
                ("type", &"text"),
                ("readonly", &""),
                ("value", &pairing.link),
                ("data-testid", &"sync-link"),
            ],
        )
        .open("details", &[("class", &"recovery")])
        .element("summary", &[], "Show the recovery code")
        .element(
            "p",
            &[],
            "Write it down and keep it somewhere safe. With it, a new device gets everything back even if every device you have now is lost.",
        )
        .element(
            "p",
            &[("class", &"recovery-code"), ("data-testid", &"recovery-code")],
            &pairing.recovery_code,
        )
        .close("details")
        .element(
            "p",
            &[("class", &"hint")],
            "Keep the link and the code to yourself: anyone who has either can read your data.",
        );
    m.finish()
}

const DELETE_ASK: &str = r#"<div class="button-row"><button type="button" class="button" data-testid="sync-delete" data-action="sync-delete-ask">Delete the synced copy…</button></div>"#;

const DELETE_CONFIRM: &str = r#"<div class="panel panel-danger" role="alertdialog" aria-labelledby="sync-delete-q"><p id="sync-delete-q">Delete the synced copy from the server? The data on this device stays. Devices still syncing upload their own copy again unless you turn sync off on them too.</p><div class="button-row"><button type="button" class="button" data-testid="sync-delete-confirm" data-action="sync-delete">Yes, delete the synced copy</button><button type="button" class="button button-primary" data-action="sync-delete-keep">Keep it</button></div></div>"#;

/// The button that deletes the server's copy, or, once tapped, the question
/// before it is deleted.
pub fn delete_copy(asking: bool) -> &'static str {
    if asking { DELETE_CONFIRM } else { DELETE_ASK }
}

/// The pairing page's screens (`/sync`, which a pairing link opens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairView {
    /// The link is not read yet.
    Reading,
    /// The link cannot pair this device, for the reason given.
    Problem,
    /// The link holds a key: join?
    Ask,
    /// This device has joined.
    Paired,
}

const PAIR_READING: &str = "<p>Reading the pairing link…</p>";

const PAIR_PROBLEM_AFTER: &str = r#"<p>On the device that already syncs, open Settings → Sync between devices for its link or QR code. Or type its recovery code in Settings here.</p><p><a class="button" href="/settings#sync-heading">Open Settings</a></p>"#;

const PAIR_ASK: &str = r#"<p>Join the devices that sync with the one that made this link?</p><div class="button-row"><button type="button" class="button button-primary" data-testid="pair-join" data-action="pair-join">Pair this device</button><a class="button" href="/">Not now</a></div><div data-sync-slot="activity"></div><ul class="hint"><li>Every session on this device and on theirs is kept.</li><li>Notes and settings take the other devices' values; the colour scheme stays as it is here.</li><li>What leaves this device is locked with the key in the link: the server cannot read it.</li></ul>"#;

const PAIRED: &str = r#"<p class="ok" data-testid="paired"><strong>This device is paired.</strong> It syncs on its own from now on: when you open the app, when the network comes back, and after each change.</p><div data-sync-slot="activity"></div><div class="button-row"><a class="button button-primary" href="/progress">See your progress</a><a class="button" href="/">Home</a></div>"#;

/// The markup of the pairing page's `view`; `problem` says why the link
/// cannot pair (shown in [`PairView::Problem`] only).
pub fn pair_page(view: PairView, problem: &str) -> String {
    match view {
        PairView::Reading => PAIR_READING.to_owned(),
        PairView::Problem => {
            let mut m = Markup::default();
            m.element(
                "p",
                &[
                    ("class", &"error"),
                    ("role", &"alert"),
                    ("data-testid", &"pair-problem"),
                ],
                problem,
            );
            m.finish() + PAIR_PROBLEM_AFTER
        }
        PairView::Ask => PAIR_ASK.to_owned(),
        PairView::Paired => PAIRED.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::QrPicture;

    fn status(activity: Activity, last: Option<u64>) -> SyncStatus {
        SyncStatus {
            on: true,
            available: true,
            last_synced_ms: last,
            activity,
            pairing: None,
        }
    }

    #[test]
    fn the_screen_follows_the_status_once_checked() {
        let mut s = SyncStatus::default();
        assert_eq!(PanelView::of(&s, false, true), PanelView::Unknown);
        assert_eq!(PanelView::of(&s, true, true), PanelView::Unavailable);
        // No server and not secure: the missing server is what matters.
        assert_eq!(PanelView::of(&s, true, false), PanelView::Unavailable);
        s.available = true;
        assert_eq!(PanelView::of(&s, true, true), PanelView::Off);
        assert_eq!(PanelView::of(&s, true, false), PanelView::Insecure);
        s.on = true;
        // On stays on, even on a page that cannot sync: it can be turned off.
        assert_eq!(PanelView::of(&s, true, false), PanelView::On);
        s.available = false;
        assert_eq!(PanelView::of(&s, true, true), PanelView::On);
        assert_eq!(panel(PanelView::Unknown), "");
        for view in [PanelView::On, PanelView::Off] {
            assert!(panel(view).contains("data-sync-slot=\"activity\""));
        }
        assert!(panel(PanelView::On).contains("data-sync-slot=\"pairing\""));
        assert!(panel(PanelView::On).contains("data-sync-slot=\"delete\""));
    }

    #[test]
    fn activity_says_what_sync_did_and_when_it_last_went_through() {
        let hour = 3_600_000;
        let now = 1_780_000_000_000;
        assert_eq!(activity(&status(Activity::Idle, None), now, 0), "");
        assert_eq!(
            activity(&status(Activity::Working, None), now, 0),
            r#"<p class="sync-activity" role="status" data-testid="sync-activity" data-state="working">Syncing…</p>"#
        );
        let done = activity(
            &status(
                Activity::Done("Up to date <b>".into()),
                Some(now - 2 * hour),
            ),
            now,
            0,
        );
        assert!(
            done.contains(r#"data-state="done">Up to date &lt;b&gt; Last synced "#),
            "{done}"
        );
        assert_eq!(
            activity(
                &status(Activity::Failed("No & no".into()), Some(now)),
                now,
                0
            ),
            r#"<p class="error" role="alert" data-testid="sync-activity" data-state="failed">No &amp; no</p>"#
        );
        let idle = activity(&status(Activity::Idle, Some(now)), now, 0);
        assert!(
            idle.contains(r#"data-state="idle"> Last synced just now."#),
            "{idle}"
        );
    }

    #[test]
    fn pairing_shows_the_link_the_code_and_the_qr_code() {
        assert_eq!(pairing(None), "");
        let p = Pairing {
            link: "https://example.test/sync#k=a\"b".into(),
            recovery_code: "ABCD-EFGH".into(),
            qr: QrPicture {
                size: 29,
                path: "M4 4h1v1h-1z".into(),
            },
        };
        let html = pairing(Some(&p));
        assert!(html.contains(r#"viewBox="0 0 29 29""#), "{html}");
        assert!(
            html.contains(r##"<path d="M4 4h1v1h-1z" fill="#000000"/>"##),
            "{html}"
        );
        assert!(
            html.contains(r#"value="https://example.test/sync#k=a&quot;b""#),
            "{html}"
        );
        assert!(html.contains(">ABCD-EFGH</p></details>"), "{html}");
        assert!(delete_copy(false).contains("sync-delete-ask"));
        let problem = pair_page(PairView::Problem, "No <key>.");
        assert!(
            problem.starts_with(
                r#"<p class="error" role="alert" data-testid="pair-problem">No &lt;key&gt;.</p><p>"#
            ),
            "{problem}"
        );
        assert!(pair_page(PairView::Ask, "").contains(r#"data-action="pair-join""#));
        for view in [PairView::Ask, PairView::Paired] {
            assert!(pair_page(view, "").contains(r#"data-sync-slot="activity""#));
        }
        assert!(delete_copy(true).contains("sync-delete-confirm"));
    }
}
