use super::CaseCtx;
use crate::i18n::{CaseText, CommonText, Words};
use crate::share::encode;
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The case as a link and a QR code, so it can go from the PC to a tablet.
#[component]
pub fn SharePanel() -> impl IntoView {
    let ctx = expect_context::<CaseCtx>();
    let l = crate::components::use_lang();
    let copied = RwSignal::new(false);
    let link = Memo::new(move |_| {
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|h| h.split('#').next().unwrap_or_default().to_string())
            .unwrap_or_default();
        ctx.case.with(|c| c.as_ref().map(|c| format!("{base}#/del/{}", encode(c))).unwrap_or_default())
    });
    let qr = move || {
        let text = link.get();
        QrCode::encode_text(&text, QrCodeEcc::Medium).ok().map(|qr| {
            let n = qr.size();
            let mut d = String::new();
            // One rectangle per horizontal run of dark modules, inside a 4-module quiet zone.
            for y in 0..n {
                let mut x = 0;
                while x < n {
                    if qr.get_module(x, y) {
                        let start = x;
                        while x < n && qr.get_module(x, y) {
                            x += 1;
                        }
                        d.push_str(&format!("M{},{}h{}v1h-{}z", start + 4, y + 4, x - start, x - start));
                    }
                    x += 1;
                }
            }
            let view_box = format!("0 0 {} {}", n + 8, n + 8);
            view! {
                <svg class="qr" viewBox=view_box role="img" aria-label=l.t(CaseText::QrLabel) data-testid="share-qr" data-modules=n>
                    <rect width="100%" height="100%" fill="#fff"/>
                    <path d=d fill="#000"/>
                </svg>
            }
        })
    };
    view! {
        <section class="panel share no-print" aria-labelledby="share-heading" data-testid="share-panel">
            <h2 id="share-heading">{l.t(CaseText::Share)}</h2>
            <p>{l.t(CaseText::ShareHelp)}</p>
            <label for="share-link">{l.t(CaseText::ShareLink)}</label>
            <div class="inline share-row">
                <input id="share-link" type="text" readonly data-testid="share-link" prop:value=move || link.get()/>
                <button type="button" data-testid="copy-link" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.navigator().clipboard().write_text(&link.get_untracked());
                    }
                    copied.set(true);
                }>{l.t(CaseText::CopyLink)}</button>
                <span role="status">{move || copied.get().then(|| l.t(CommonText::Copied))}</span>
            </div>
            {qr}
        </section>
    }
}
