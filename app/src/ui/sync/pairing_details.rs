use crate::state::syncing;
use leptos::prelude::*;

/// How another device joins: the pairing link as a QR code and as text,
/// and the recovery code to write down. Shown while sync is on.
#[component]
pub fn PairingDetails() -> impl IntoView {
    let status = syncing::status();
    move || {
        status.with(|s| s.pairing.clone()).map(|pairing| {
            let size = pairing.qr.size;
            let link = pairing.link.clone();
            view! {
                <h3>"Pair another device"</h3>
                <p class="hint">"On the other device, scan this code with the camera, or open the link there."</p>
                // Dark on light whatever the theme: scanners expect it.
                <svg class="qr" viewBox=format!("0 0 {size} {size}") role="img" aria-label="QR code of the pairing link" data-testid="sync-qr" shape-rendering="crispEdges">
                    <rect width=size height=size fill="#ffffff" />
                    <path d=pairing.qr.path fill="#000000" />
                </svg>
                <label for="sync-link">"Pairing link"</label>
                <input id="sync-link" class="sync-link" type="text" readonly prop:value=link data-testid="sync-link"
                    on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
                <details class="recovery">
                    <summary>"Show the recovery code"</summary>
                    <p>"Write it down and keep it somewhere safe. With it, a new device gets everything back even if every device you have now is lost."</p>
                    <p class="recovery-code" data-testid="recovery-code">{pairing.recovery_code}</p>
                </details>
                <p class="hint">"Keep the link and the code to yourself: anyone who has either can read your data."</p>
            }
        })
    }
}
