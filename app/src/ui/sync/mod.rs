//! Sync between devices on screen: the pairing page (`/sync`, which a
//! pairing link opens), and the parts the settings panel shares with it.

mod pair_device;
mod pairing_details;
mod sync_activity;
mod sync_page;

pub use {
    pair_device::PairDevice, pairing_details::PairingDetails, sync_activity::SyncActivity,
    sync_page::SyncPage,
};
