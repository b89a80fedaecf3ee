//! Fault cases: input.
