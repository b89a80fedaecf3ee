//! execd through the proxy: command streams, background logs, interrupts, sessions,
//! code contexts, files, metrics.

mod common;

use std::time::Duration;

use common::{frames, start, text_of, until_terminal};
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn command_stream_uses_bare_json_frames() {
    let h = start().await;
    let id = h.sandbox().await;
    let execd = h.endpoint(&id, 44772).await;

    let resp = execd
        .req(&h.http, Method::POST, "/command")
        .json(&json!({"command": "echo out; echo err >&2; printf tail; exit 3"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let body = resp.text().await.unwrap();
    assert!(!body.contains("data:"), "no SSE `data:` prefix: {body}");
    let events = frames(&body);
    assert_eq!(events[0]["type"], "init");
    let cmd_id = events[0]["text"].as_str().unwrap().to_owned();
    assert!(!cmd_id.is_empty());
    assert_eq!(text_of(&events, "stdout"), "out\ntail");
    assert_eq!(text_of(&events, "stderr"), "err\n");
    let terminal = until_terminal(&events);
    assert_eq!(terminal["type"], "error");
    assert_eq!(
        terminal["error"],
        json!({"ename": "CommandExecError", "evalue": "3", "traceback": []})
    );
    let status: Value = execd
        .req(&h.http, Method::GET, &format!("/command/status/{cmd_id}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(status["running"], false);
    assert_eq!(status["exit_code"], 3);
    // Logs are for background commands only.
    let resp = execd
        .req(&h.http, Method::GET, &format!("/command/{cmd_id}/logs"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);

    // Success: execution_complete with execution_time; env, cwd and sandbox env apply.
    let body = execd
        .req(&h.http, Method::POST, "/command")
        .json(&json!({"command": "mkdir -p sub && cd sub && pwd && echo $X", "envs": {"X": "42"}}))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let events = frames(&body);
    let terminal = until_terminal(&events);
    assert_eq!(terminal["type"], "execution_complete");
    assert!(terminal["execution_time"].is_i64());
    let out = text_of(&events, "stdout");
    assert!(out.ends_with("/sub\n42\n"), "{out}");
    let body = execd
        .req(&h.http, Method::POST, "/command")
        .json(&json!({"command": "pwd", "cwd": "sub"}))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(text_of(&frames(&body), "stdout").ends_with("/sub\n"));

    // Timeout kills the command.
    let body = execd
        .req(&h.http, Method::POST, "/command")
        .json(&json!({"command": "sleep 30", "timeout": 300}))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let events = frames(&body);
    assert_eq!(until_terminal(&events)["error"]["evalue"], "137");
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn background_command_logs_with_cursor() {
    let h = start().await;
    let id = h.sandbox().await;
    let execd = h.endpoint(&id, 44772).await;
    let body = execd
        .req(&h.http, Method::POST, "/command")
        .json(&json!({
            "command": "echo one; while [ ! -e go ]; do sleep 0.02; done; echo two >&2; exit 2",
            "background": true,
        }))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let events = frames(&body);
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events[0]["type"], "init");
    assert_eq!(events[1]["type"], "execution_complete");
    let cmd = events[0]["text"].as_str().unwrap().to_owned();

    // First poll: wait (bounded) for "one".
    let mut cursor = 0u64;
    let mut seen = String::new();
    for _ in 0..200 {
        let resp = execd
            .req(&h.http, Method::GET, &format!("/command/{cmd}/logs"))
            .query(&[("cursor", cursor.to_string())])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 200);
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/plain")
        );
        cursor = resp.headers()["EXECD-COMMANDS-TAIL-CURSOR"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        seen.push_str(&resp.text().await.unwrap());
        if seen.contains("one") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(seen, "one\n");
    assert_eq!(cursor, 4);
    let status: Value = execd
        .req(&h.http, Method::GET, &format!("/command/status/{cmd}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(status["running"], true);
    assert!(
        status["exit_code"].is_null(),
        "unknown while running: {status}"
    );

    // Release it, then wait for the end.
    let resp = execd
        .req(&h.http, Method::POST, "/files/upload")
        .multipart(upload_form(&[("go", b"".to_vec(), None)]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let mut status = Value::Null;
    for _ in 0..200 {
        status = execd
            .req(&h.http, Method::GET, &format!("/command/status/{cmd}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if status["running"] == false {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(status["exit_code"], 2);
    assert!(status["finished_at"].is_string());
    let resp = execd
        .req(&h.http, Method::GET, &format!("/command/{cmd}/logs"))
        .query(&[("cursor", cursor.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["EXECD-COMMANDS-TAIL-CURSOR"], "8");
    assert_eq!(resp.text().await.unwrap(), "two\n");
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn interrupt_ends_a_running_stream() {
    let h = start().await;
    let id = h.sandbox().await;
    let execd = h.endpoint(&id, 44772).await;
    let mut resp = execd
        .req(&h.http, Method::POST, "/command")
        .json(&json!({"command": "echo started; sleep 60"}))
        .send()
        .await
        .unwrap();
    let mut buf = String::new();
    while !buf.contains("started") {
        let chunk = resp.chunk().await.unwrap().expect("stream open");
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    let init: Value = serde_json::from_str(buf.split("\n\n").next().unwrap()).unwrap();
    let cmd = init["text"].as_str().unwrap();
    let del = execd
        .req(&h.http, Method::DELETE, "/command")
        .query(&[("id", cmd)])
        .send()
        .await
        .unwrap();
    assert_eq!(del.status(), 200);
    while let Some(chunk) = resp.chunk().await.unwrap() {
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    let events = frames(&buf);
    assert_eq!(until_terminal(&events)["error"]["evalue"], "130");
    let missing = execd
        .req(&h.http, Method::DELETE, "/command")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);
    assert_eq!(
        missing.json::<Value>().await.unwrap()["code"],
        "MISSING_QUERY"
    );
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bash_session_keeps_state() {
    let h = start().await;
    let id = h.sandbox().await;
    let execd = h.endpoint(&id, 44772).await;
    let v: Value = execd
        .req(&h.http, Method::POST, "/session")
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let sid = v["session_id"].as_str().unwrap().to_owned();
    let run = |cmd: &'static str| {
        let execd = &execd;
        let h = &h;
        let sid = sid.clone();
        async move {
            let body = execd
                .req(&h.http, Method::POST, &format!("/session/{sid}/run"))
                .json(&json!({ "command": cmd }))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            frames(&body)
        }
    };
    let events = run("mkdir -p d && cd d && export V=kept && f() { echo fn; }").await;
    assert_eq!(until_terminal(&events)["type"], "execution_complete");
    let events = run("pwd; echo $V; f; printf 'no newline'").await;
    let out = text_of(&events, "stdout");
    assert!(out.ends_with("/d\nkept\nfn\nno newline"), "{out:?}");
    let events = run("echo oops >&2; false").await;
    assert_eq!(text_of(&events, "stderr"), "oops\n");
    assert_eq!(until_terminal(&events)["error"]["evalue"], "1");
    let events = run("read -r line; echo \"read:$line\"").await;
    assert_eq!(text_of(&events, "stdout"), "read:\n", "stdin is /dev/null");
    let resp = execd
        .req(&h.http, Method::DELETE, &format!("/session/{sid}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = execd
        .req(&h.http, Method::POST, &format!("/session/{sid}/run"))
        .json(&json!({"command": "true"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn python_context_keeps_state() {
    if which("python3").is_none() {
        eprintln!("python3 not installed: skipping");
        return;
    }
    let h = start().await;
    let id = h.sandbox().await;
    let execd = h.endpoint(&id, 44772).await;
    let ctx: Value = execd
        .req(&h.http, Method::POST, "/code/context")
        .json(&json!({"language": "python"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ctx_id = ctx["id"].as_str().unwrap().to_owned();
    assert_eq!(ctx["language"], "python");
    let run = |code: &'static str| {
        let execd = &execd;
        let h = &h;
        let ctx_id = ctx_id.clone();
        async move {
            let body = execd
                .req(&h.http, Method::POST, "/code")
                .json(&json!({"code": code, "context": {"id": ctx_id, "language": "python"}}))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            frames(&body)
        }
    };
    let events = run("import os, subprocess, sys\ntotal = 40 + 1\nprint('py out')\nsubprocess.run(['echo', 'child out'])\nsubprocess.run(['cat'])\nassert sys.stdin.read() == ''\ntotal + 1").await;
    assert_eq!(events[0]["text"], ctx_id.as_str());
    assert_eq!(text_of(&events, "stdout"), "py out\nchild out\n");
    let result = events
        .iter()
        .find(|e| e["type"] == "result")
        .expect("result");
    assert_eq!(result["results"]["text"], "42");
    assert_eq!(until_terminal(&events)["type"], "execution_complete");
    let events = run("total * 2").await;
    let result = events
        .iter()
        .find(|e| e["type"] == "result")
        .expect("result");
    assert_eq!(
        result["results"]["text"], "82",
        "state survives between runs"
    );
    let events = run("1/0").await;
    let err = until_terminal(&events);
    assert_eq!(err["error"]["ename"], "ZeroDivisionError");
    assert!(err["error"]["traceback"].as_array().unwrap().len() >= 2);

    // Interrupt a running cell by context id; the context keeps its state.
    let mut resp = execd
        .req(&h.http, Method::POST, "/code")
        .json(&json!({"code": "import time\nprint('sleeping', flush=True)\ntime.sleep(60)", "context": {"id": ctx_id, "language": "python"}}))
        .send()
        .await
        .unwrap();
    let mut buf = String::new();
    while !buf.contains("sleeping") {
        let chunk = resp.chunk().await.unwrap().expect("stream open");
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    let resp_del = execd
        .req(&h.http, Method::DELETE, "/code")
        .query(&[("id", ctx_id.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(resp_del.status(), 200);
    while let Some(chunk) = resp.chunk().await.unwrap() {
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    let events = frames(&buf);
    assert_eq!(
        until_terminal(&events)["error"]["ename"],
        "KeyboardInterrupt"
    );
    let events = run("total").await;
    let result = events
        .iter()
        .find(|e| e["type"] == "result")
        .expect("result");
    assert_eq!(result["results"]["text"], "41");

    let list: Value = execd
        .req(&h.http, Method::GET, "/code/contexts?language=python")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    // Stateless run: a shell command.
    let body = execd
        .req(&h.http, Method::POST, "/code")
        .json(&json!({"code": "echo stateless"}))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(text_of(&frames(&body), "stdout"), "stateless\n");
    let resp = execd
        .req(&h.http, Method::DELETE, &format!("/code/contexts/{ctx_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = execd
        .req(&h.http, Method::GET, &format!("/code/contexts/{ctx_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(
        resp.json::<Value>().await.unwrap()["code"],
        "CONTEXT_NOT_FOUND"
    );
    h.server.shutdown().await;
}

fn which(bin: &str) -> Option<std::path::PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(bin))
        .find(|p| p.is_file())
}

fn upload_form(files: &[(&str, Vec<u8>, Option<u32>)]) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new();
    for (path, data, mode) in files {
        let mut meta = json!({ "path": path });
        if let Some(mode) = mode {
            meta["mode"] = json!(mode);
        }
        form = form
            .part(
                "metadata",
                reqwest::multipart::Part::text(meta.to_string())
                    .file_name("metadata")
                    .mime_str("application/json")
                    .unwrap(),
            )
            .part(
                "file",
                reqwest::multipart::Part::bytes(data.clone())
                    .file_name("blob")
                    .mime_str("application/octet-stream")
                    .unwrap(),
            );
    }
    form
}

#[tokio::test(flavor = "multi_thread")]
async fn files_upload_download_ranges() {
    let h = start().await;
    let id = h.sandbox().await;
    let execd = h.endpoint(&id, 44772).await;
    let big: Vec<u8> = (0..3 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect();
    let resp = execd
        .req(&h.http, Method::POST, "/files/upload")
        .multipart(upload_form(&[
            ("docs/readme.txt", b"hello world\n".to_vec(), Some(600)),
            ("data/big.bin", big.clone(), None),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{:?}", resp.text().await);

    // Info for several paths, keyed as requested; mode as octal digits.
    let info: Value = execd
        .req(&h.http, Method::GET, "/files/info")
        .query(&[("path", "docs/readme.txt"), ("path", "data/big.bin")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(info["docs/readme.txt"]["mode"], 600);
    assert_eq!(info["docs/readme.txt"]["size"], 12);
    assert_eq!(info["docs/readme.txt"]["type"], "file");
    assert_eq!(info["data/big.bin"]["size"], big.len());

    // Full download, range, suffix range, unsatisfiable range.
    let resp = execd
        .req(&h.http, Method::GET, "/files/download")
        .query(&[("path", "data/big.bin")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(
        resp.headers()["content-length"],
        big.len().to_string().as_str()
    );
    assert_eq!(resp.bytes().await.unwrap().as_ref(), big.as_slice());
    let resp = execd
        .req(&h.http, Method::GET, "/files/download")
        .query(&[("path", "docs/readme.txt")])
        .header("Range", "bytes=6-10")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 206);
    assert_eq!(resp.headers()["content-range"], "bytes 6-10/12");
    assert_eq!(resp.text().await.unwrap(), "world");
    let resp = execd
        .req(&h.http, Method::GET, "/files/download")
        .query(&[("path", "docs/readme.txt")])
        .header("Range", "bytes=-3")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 206);
    assert_eq!(resp.text().await.unwrap(), "ld\n");
    let resp = execd
        .req(&h.http, Method::GET, "/files/download")
        .query(&[("path", "docs/readme.txt")])
        .header("Range", "bytes=100-")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 416);
    assert_eq!(resp.headers()["content-range"], "bytes */12");
    let resp = execd
        .req(&h.http, Method::GET, "/files/download")
        .query(&[("path", "nope.txt")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(
        resp.json::<Value>().await.unwrap()["code"],
        "FILE_NOT_FOUND"
    );

    // A metadata part without a filename is rejected, like execd.
    let form = reqwest::multipart::Form::new()
        .text("metadata", json!({"path": "x.txt"}).to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"x".to_vec()).file_name("x"),
        );
    let resp = execd
        .req(&h.http, Method::POST, "/files/upload")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);

    // Host device files are never replaced, moved or deleted through the file API.
    let resp = execd
        .req(&h.http, Method::POST, "/files/upload")
        .multipart(upload_form(&[("/dev/null", b"discarded".to_vec(), None)]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    for (method, path, body) in [
        (Method::DELETE, "/files?path=/dev/null", None),
        (
            Method::POST,
            "/files/mv",
            Some(json!([{"src": "/dev/null", "dest": "gone"}])),
        ),
        (
            Method::POST,
            "/files/permissions",
            Some(json!({"/dev/null": {"mode": 600}})),
        ),
    ] {
        let mut rb = execd.req(&h.http, method, path);
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        assert_eq!(rb.send().await.unwrap().status(), 400, "{path}");
    }
    {
        use std::os::unix::fs::FileTypeExt;
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(
            meta.file_type().is_char_device(),
            "/dev/null is still a device"
        );
    }

    // Directories, search, replace, move, permissions, delete.
    let resp = execd
        .req(&h.http, Method::POST, "/directories")
        .json(&json!({"tree/a/b": {"mode": 750}}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let list: Value = execd
        .req(&h.http, Method::GET, "/directories/list")
        .query(&[("path", "tree"), ("depth", "2")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2);
    assert!(names[0].ends_with("tree/a") && names[1].ends_with("tree/a/b"));
    assert_eq!(list[1]["mode"], 750);
    let found: Value = execd
        .req(&h.http, Method::GET, "/files/search")
        .query(&[("path", "."), ("pattern", "*.txt")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    let counts: Value = execd
        .req(&h.http, Method::POST, "/files/replace?verbose=true")
        .json(&json!({"docs/readme.txt": {"old": "o", "new": "0"}}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(counts["docs/readme.txt"]["replacedCount"], 2);
    let resp = execd
        .req(&h.http, Method::POST, "/files/mv")
        .json(&json!([{"src": "docs/readme.txt", "dest": "tree/readme.txt"}]))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = execd
        .req(&h.http, Method::POST, "/files/permissions")
        .json(&json!({"tree/readme.txt": {"mode": 640}}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let text = execd
        .req(&h.http, Method::GET, "/files/download")
        .query(&[("path", "tree/readme.txt")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(text, "hell0 w0rld\n");
    let resp = execd
        .req(&h.http, Method::DELETE, "/directories")
        .query(&[("path", "tree")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let resp = execd
        .req(&h.http, Method::GET, "/files/info")
        .query(&[("path", "tree/readme.txt")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    h.server.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_and_watch_ndjson() {
    let h = start().await;
    let id = h.sandbox().await;
    let execd = h.endpoint(&id, 44772).await;
    let m: Value = execd
        .req(&h.http, Method::GET, "/metrics")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for k in [
        "cpu_count",
        "cpu_used_pct",
        "mem_total_mib",
        "mem_used_mib",
        "timestamp",
    ] {
        assert!(m[k].is_number(), "{k} in {m}");
    }
    let mut resp = execd
        .req(&h.http, Method::GET, "/metrics/watch")
        .send()
        .await
        .unwrap();
    let mut buf = String::new();
    while buf.matches('\n').count() < 2 {
        let chunk = resp.chunk().await.unwrap().expect("stream stays open");
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
    }
    assert!(!buf.contains("\n\n"), "NDJSON: single newlines only");
    for line in buf.lines().take(2) {
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(v.get("type").is_none());
        assert!(v["mem_total_mib"].is_number(), "{v}");
    }
    drop(resp);
    h.server.shutdown().await;
}
