//! A stand-in for wasm-streams 0.5, patched in by the workspace's Cargo.toml.
//!
//! Leptos always builds server_fn's browser client, which streams server
//! function bodies through wasm-streams; wasm-streams exports JS classes
//! (`IntoUnderlyingSource`, `IntoUnderlyingSink`, …) that wasm-bindgen must
//! keep, with their async code, whether or not anything streams. This app has
//! no server and calls no server function, so nothing here is ever called:
//! it only gives server_fn the few signatures it names.

use futures_core::Stream;
use std::pin::Pin;
use std::task::{Context, Poll};
use web_sys::wasm_bindgen::JsValue;

/// A `ReadableStream` from web-sys, as server_fn names it.
pub struct ReadableStream(web_sys::ReadableStream);

impl ReadableStream {
    /// Never called (no server functions); yields an empty body.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        ReadableStream(web_sys::ReadableStream::new().unwrap_or_else(|_| unreachable!()))
    }

    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        ReadableStream(raw)
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.0
    }

    /// Never called (no server functions); an empty stream.
    pub fn into_stream(self) -> IntoStream {
        IntoStream
    }
}

/// An empty stream.
pub struct IntoStream;

impl Stream for IntoStream {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(None)
    }
}
