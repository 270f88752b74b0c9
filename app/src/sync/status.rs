//! What the screens show about sync: plain data, filled in by the browser's
//! sync code (`state::syncing`) and read by the settings panel and the
//! pairing page.

/// Where sync stands on this device.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncStatus {
    /// Sync is on here (a key is stored).
    pub on: bool,
    /// The page names a sync server (see `platform::net::sync_url`).
    pub available: bool,
    /// When a sync last went through, ms since the epoch.
    pub last_synced_ms: Option<u64>,
    /// What is happening now, or what last happened.
    pub activity: Activity,
    /// How to pair another device: filled in while sync is on.
    pub pairing: Option<Pairing>,
}

/// What is happening now, or what last happened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Activity {
    /// Nothing yet.
    #[default]
    Idle,
    /// A round is under way.
    Working,
    /// The server could not be reached: changes wait here and go out when
    /// the network is back.
    Offline,
    /// The last round went through; what it did, in words.
    Done(String),
    /// The last round failed; why, in words. Nothing here was changed.
    Failed(String),
}

/// How another device joins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairing {
    /// The pairing link, whole (`https://…/sync#k=…`).
    pub link: String,
    /// The key as a code to write down.
    pub recovery_code: String,
    /// The link as a QR code.
    pub qr: QrPicture,
}

/// A QR code as an SVG path: one unit square per dark module, in a square
/// of `size` units (the quiet zone included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPicture {
    /// Width and height in modules, the 4-module quiet zone included.
    pub size: usize,
    /// The dark modules, as an SVG path (`M x y h1 v1 h-1 z` per module,
    /// runs joined).
    pub path: String,
}

/// Modules of quiet zone around a QR code, as the standard asks.
const QUIET: usize = 4;

impl QrPicture {
    /// `text` as a QR code (medium error correction, the smallest version
    /// that holds it); `None` when it is too long for any.
    pub fn of(text: &str) -> Option<Self> {
        let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
        let width = code.width();
        let colors = code.to_colors();
        let mut path = String::new();
        for y in 0..width {
            let mut x = 0;
            while x < width {
                if colors[y * width + x] == qrcode::Color::Dark {
                    // A run of dark modules in this row: one rectangle.
                    let start = x;
                    while x < width && colors[y * width + x] == qrcode::Color::Dark {
                        x += 1;
                    }
                    path.push_str(&format!(
                        "M{} {}h{}v1h-{}z",
                        start + QUIET,
                        y + QUIET,
                        x - start,
                        x - start
                    ));
                } else {
                    x += 1;
                }
            }
        }
        Some(Self {
            size: width + 2 * QUIET,
            path,
        })
    }
}

/// When a sync last went through, in words: "just now", "12 minutes ago",
/// "today at 14:05", "yesterday at 09:30", or the date.
pub fn last_synced_label(at_ms: u64, now_ms: u64, utc_offset_min: i32) -> String {
    use crate::{progress::date_label, screening::local_day};
    let ago_min = now_ms.saturating_sub(at_ms) / 60_000;
    if ago_min < 1 {
        return "just now".to_owned();
    }
    if ago_min < 60 {
        return crate::units::count(ago_min as usize, "minute") + " ago";
    }
    let local_min = (at_ms as i64 / 60_000 + i64::from(utc_offset_min)).rem_euclid(24 * 60);
    let clock = format!("{:02}:{:02}", local_min / 60, local_min % 60);
    let (day, today) = (
        local_day(at_ms, utc_offset_min),
        local_day(now_ms, utc_offset_min),
    );
    match today - day {
        0 => format!("today at {clock}"),
        1 => format!("yesterday at {clock}"),
        _ => format!("on {}", date_label(day)),
    }
}

/// How long a device waits before it tries a round again after `failures`
/// rounds in a row found no server, or a busy or failing one: 5 s, then
/// twice as long each time, at most 5 minutes. A server that was down, or a
/// gym's signal that comes back without the browser noticing, is caught up
/// with by itself, without hammering the server. Our choice.
pub fn retry_delay_ms(failures: u32) -> u32 {
    const FIRST_MS: u32 = 5_000;
    const LAST_MS: u32 = 5 * 60_000;
    let doublings = failures.saturating_sub(1).min(16);
    FIRST_MS.saturating_mul(1 << doublings).min(LAST_MS)
}
