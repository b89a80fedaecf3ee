//! Host process control: process groups, signals, users and groups.
//!
//! Every process the devserver starts for a sandbox (the entrypoint, commands, bash
//! sessions, code interpreters) leads its own process group, so that signalling the
//! group reaches everything it spawned.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

pub(crate) use libc::{SIGCONT, SIGINT, SIGKILL, SIGSTOP, SIGTERM};

/// Send `sig` to the process group `pgid`. Returns whether the group existed.
#[allow(unsafe_code)]
pub(crate) fn signal_group(pgid: i32, sig: i32) -> bool {
    if pgid <= 1 {
        return false;
    }
    // SAFETY: kill(2) takes plain integers and touches no memory of ours.
    unsafe { libc::kill(-pgid, sig) == 0 }
}

/// Whether any process is still in group `pgid`.
#[allow(unsafe_code)]
pub(crate) fn group_alive(pgid: i32) -> bool {
    if pgid <= 1 {
        return false;
    }
    // SAFETY: kill(2) with signal 0 only checks for existence.
    let rc = unsafe { libc::kill(-pgid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Kill a process group for good (also wakes it if it was stopped).
pub(crate) fn kill_group(pgid: i32) {
    signal_group(pgid, SIGKILL);
    signal_group(pgid, SIGCONT);
}

/// Effective user id of the devserver.
#[allow(unsafe_code)]
pub(crate) fn euid() -> u32 {
    // SAFETY: geteuid(2) cannot fail and has no arguments.
    unsafe { libc::geteuid() }
}

/// The shell used for commands: bash when present, else `/bin/sh`.
pub(crate) fn shell() -> &'static str {
    static SHELL: OnceLock<&'static str> = OnceLock::new();
    SHELL.get_or_init(|| {
        ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .unwrap_or("/bin/sh")
    })
}

/// Path of bash, if installed (bash sessions need it).
pub(crate) fn bash() -> Option<&'static str> {
    let sh = shell();
    sh.ends_with("bash").then_some(sh)
}

/// Exit code as a shell reports it: the status, or 128 + signal number.
pub(crate) fn exit_code(status: &std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}

/// Go-style description of how a process ended (`exit status 1`, `signal: killed`).
pub(crate) fn exit_description(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    match status.signal() {
        Some(SIGKILL) => "signal: killed".to_owned(),
        Some(SIGINT) => "signal: interrupt".to_owned(),
        Some(SIGTERM) => "signal: terminated".to_owned(),
        Some(sig) => format!("signal: {sig}"),
        None => "unknown exit status".to_owned(),
    }
}

/// User and group names from `/etc/passwd` and `/etc/group`, read once.
pub(crate) struct Accounts {
    users: HashMap<u32, String>,
    groups: HashMap<u32, String>,
}

impl Accounts {
    /// The process-wide table.
    pub(crate) fn get() -> &'static Accounts {
        static ACCOUNTS: OnceLock<Accounts> = OnceLock::new();
        ACCOUNTS.get_or_init(|| Accounts {
            users: parse_db("/etc/passwd"),
            groups: parse_db("/etc/group"),
        })
    }

    /// Name of user `uid`, or the number as text.
    pub(crate) fn user_name(&self, uid: u32) -> String {
        self.users
            .get(&uid)
            .cloned()
            .unwrap_or_else(|| uid.to_string())
    }

    /// Name of group `gid`, or the number as text.
    pub(crate) fn group_name(&self, gid: u32) -> String {
        self.groups
            .get(&gid)
            .cloned()
            .unwrap_or_else(|| gid.to_string())
    }

    /// Numeric id for a user name (or a number written as text).
    pub(crate) fn uid(&self, name: &str) -> Option<u32> {
        name.parse().ok().or_else(|| {
            self.users
                .iter()
                .find(|(_, n)| n.as_str() == name)
                .map(|(id, _)| *id)
        })
    }

    /// Numeric id for a group name (or a number written as text).
    pub(crate) fn gid(&self, name: &str) -> Option<u32> {
        name.parse().ok().or_else(|| {
            self.groups
                .iter()
                .find(|(_, n)| n.as_str() == name)
                .map(|(id, _)| *id)
        })
    }
}

fn parse_db(path: &str) -> HashMap<u32, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| {
            let mut fields = line.split(':');
            let name = fields.next()?;
            let _password = fields.next()?;
            let id = fields.next()?.parse().ok()?;
            Some((id, name.to_owned()))
        })
        .collect()
}
