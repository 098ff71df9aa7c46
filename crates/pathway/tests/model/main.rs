//! Native tests of the pathway model, named by the section they check.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod gen;

mod asked;
mod calendar;
mod codes;
mod dates;
mod entry;
mod fidelity;
mod histology;
mod leaving;
mod migration;
mod modules;
mod order;
mod outcome;
mod precedence;
mod properties;
mod source_text;
mod timeline;
mod workup;
