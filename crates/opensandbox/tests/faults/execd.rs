//! Fault cases: execd.
