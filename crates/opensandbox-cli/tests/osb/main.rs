//! `osb` end to end against a devserver started by each test (loopback only).

mod command;
mod config;
mod cp;
mod errors;
mod files;
mod network;
mod sandbox;
mod shell;
mod snapshot;
mod support;
