//! `osb cp`: streamed copies both ways, stdin and stdout, compared by hash.

use sha2::{Digest, Sha256};

use crate::support::{Env, assert_success, stdout};

/// 100 MiB of pseudo-random bytes (xorshift), written in 1 MiB pieces.
fn write_big(path: &str) -> Vec<u8> {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut hash = Sha256::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut buf = vec![0u8; 1024 * 1024];
    for _ in 0..100 {
        for chunk in buf.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
        }
        hash.update(&buf);
        f.write_all(&buf).unwrap();
    }
    f.flush().unwrap();
    hash.finalize().to_vec()
}

fn hash_file(path: &str) -> Vec<u8> {
    let mut f = std::fs::File::open(path).unwrap();
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h).unwrap();
    h.finalize().to_vec()
}

#[test]
fn a_100_mib_file_round_trips_unchanged() {
    let env = Env::start();
    let id = env.sandbox();
    let local = env.path("big.bin");
    let remote = env.path("remote/big.bin");
    let back = env.path("back.bin");
    let sum = write_big(&local);

    let up = env.json(&["cp", &local, &format!("{id}:{remote}")]);
    assert_eq!(up["bytes"], 100 * 1024 * 1024);
    std::fs::remove_file(&local).unwrap();
    let down = env.json(&["cp", &format!("{id}:{remote}"), &back]);
    assert_eq!(down["bytes"], 100 * 1024 * 1024);
    assert_eq!(hash_file(&back), sum, "the file came back unchanged");
    assert!(!crate::support::exists(&format!("{back}.osb-part")));
}

#[test]
fn stdin_and_stdout_stream() {
    let env = Env::start();
    let id = env.sandbox();
    let remote = env.path("piped.bin");
    let data: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let up = env
        .osb()
        .args(["cp", "-", &format!("{id}:{remote}")])
        .write_stdin(data.clone())
        .output()
        .unwrap();
    assert_success(&up);
    let down = env
        .osb()
        .args(["cp", &format!("{id}:{remote}"), "-"])
        .output()
        .unwrap();
    assert_success(&down);
    assert!(down.stdout == data, "stdout carries the file byte for byte");
}

#[test]
fn a_failed_download_leaves_no_file() {
    let env = Env::start();
    let id = env.sandbox();
    let dest = env.path("never.bin");
    let out = env
        .osb()
        .args(["cp", &format!("{id}:{}", env.path("missing.bin")), &dest])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(!crate::support::exists(&dest));
    assert!(!crate::support::exists(&format!("{dest}.osb-part")));
    let both = env.osb().args(["cp", "a:b", "c:d"]).output().unwrap();
    assert_eq!(both.status.code(), Some(2));
    assert_eq!(stdout(&both), "");
}
