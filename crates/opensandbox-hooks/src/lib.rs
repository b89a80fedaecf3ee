//! What the generated OpenSandbox API clients share, written once by hand.
//!
//! Each generated crate (`opensandbox-lifecycle-api`, `opensandbox-execd-api`,
//! `opensandbox-egress-api`) re-exports this crate as its `hooks` module, carries a table
//! of its operations ([`Operation`], generated from the specs and the idempotency
//! overlay), and sends every request through [`exec`] with the request's operation:
//!
//! - [`RequestOptions`] adds headers and a timeout to every request ([`apply`]) and
//!   limits how much of a success answer is read ([`limit_body`], [`BodyTooLarge`]);
//! - with [`RequestOptions::executor`] set, an [`Execute`] implementation sends each
//!   request instead, knowing its operation (the `opensandbox` crate retries, traces
//!   and bounds bodies there).

mod exec;
mod limit;
mod operation;
mod options;

pub use exec::{BoxFuture, Execute, exec};
pub use limit::{BodyTooLarge, limit_body};
pub use operation::Operation;
pub use options::{RequestOptions, apply};
