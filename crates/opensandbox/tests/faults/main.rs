//! Fault injection: the SDK against a hostile HTTP server on loopback whose every byte the
//! test controls, and user input at the edges. Each case asserts the exact error variant
//! and runs under its own deadline ([`hostile::within`]), so none can hang the run.

#![allow(dead_code)]

mod clients;
mod hostile;

mod execd;
mod idempotency;
mod input;
mod transport;
