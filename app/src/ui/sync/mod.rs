//! Sync between devices on screen: the pairing page (`/sync`, which a
//! pairing link opens). The settings panel's part is in `ui::settings`.

mod pair_device;
mod sync_page;

pub use {pair_device::PairDevice, sync_page::SyncPage};
