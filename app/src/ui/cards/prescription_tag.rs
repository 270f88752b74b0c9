use crate::program::Prescription;
use leptos::prelude::*;

/// "5 sets × 15 reps", marked "suggested" when the source gives no figure.
#[component]
pub fn PrescriptionTag(
    /// Sets and reps with their origin.
    prescription: Prescription,
) -> impl IntoView {
    let suggested = prescription.origin.is_suggested();
    view! {
        <p class="rx">
            <span class="rx-value">{prescription.label()}</span>
            {suggested
                .then(|| {
                    view! {
                        <span class="tag" title="The program gives no numbers here: this is our suggestion.">
                            "suggested"
                        </span>
                    }
                })}
        </p>
    }
}
