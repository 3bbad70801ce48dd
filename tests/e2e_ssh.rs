//! revue over a real SSH connection: an `sshd` of the test's own on
//! 127.0.0.1 (a free high port, a throw-away host key and user key in a
//! temporary folder), `ssh -tt` in tmux running revue remotely; a query is
//! typed and the screen read back; then the ssh client is killed, as a
//! dropped connection would end it, and revue must exit (SIGHUP, or the
//! dead terminal): no revue process is left behind.
//!
//! Skipped when sshd, ssh or tmux are missing, unless REVUE_REQUIRE_SSH is
//! set (CI installs openssh-server and sets it).

mod e2e_support;

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use e2e_support::{Tmux, alive, revue_bin, seeds, wait_until};

const REQUIRE: &str = "REVUE_REQUIRE_SSH";

fn sshd_path() -> Option<PathBuf> {
    ["/usr/sbin/sshd", "/usr/bin/sshd", "/usr/local/sbin/sshd"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Everything the test needs, or a skip (a failure when required).
fn tools() -> Option<PathBuf> {
    let sshd = sshd_path();
    let ssh = e2e_support::have("ssh", "-V", REQUIRE);
    let keygen = Command::new("ssh-keygen")
        .arg("-?")
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if sshd.is_none() || !ssh || !keygen {
        assert!(
            std::env::var_os(REQUIRE).is_none(),
            "sshd, ssh and ssh-keygen are required here ({REQUIRE} is set)"
        );
        eprintln!("sshd, ssh or ssh-keygen not found: skipping (set {REQUIRE} to require them)");
        return None;
    }
    sshd
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "revue-e2e", "-f"])
        .arg(path)
        .status()
        .expect("ssh-keygen runs")
        .success();
    assert!(ok, "ssh-keygen made {}", path.display());
}

fn user_name() -> String {
    let out = Command::new("id").arg("-un").output().expect("id runs");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// An sshd of the test's own, killed on drop.
struct Sshd {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sshd {
    /// Starts sshd on a free port of 127.0.0.1; None when this machine
    /// cannot run one (and it is not required).
    fn start(sshd: &Path, dir: &Path) -> Option<Sshd> {
        keygen(&dir.join("host_key"));
        keygen(&dir.join("user_key"));
        fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys")).unwrap();
        if rustix::process::geteuid().is_root() {
            // Privilege separation wants this folder (a package install
            // makes it; a bare container may not have it).
            let _ = fs::create_dir_all("/run/sshd");
        }
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("a free port")
                .port();
            let config = dir.join("sshd_config");
            fs::write(&config, sshd_config(dir, port)).unwrap();
            let log = dir.join("sshd.log");
            let child = Command::new(sshd)
                .args(["-D", "-e", "-f"])
                .arg(&config)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(fs::File::create(&log).unwrap())
                .spawn()
                .expect("sshd starts");
            let mut s = Sshd { child, port, log };
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(10) {
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Some(s);
                }
                if let Ok(Some(_)) = s.child.try_wait() {
                    break; // the port was taken meanwhile, or sshd refused
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let log = fs::read_to_string(&s.log).unwrap_or_default();
            eprintln!("sshd on port {port} did not come up:\n{log}");
            let _ = s.child.kill();
        }
        assert!(std::env::var_os(REQUIRE).is_none(), "sshd could not start");
        eprintln!("sshd could not start here: skipping");
        None
    }
}

fn sshd_config(dir: &Path, port: u16) -> String {
    let d = dir.display();
    format!(
        "Port {port}
ListenAddress 127.0.0.1
HostKey {d}/host_key
PidFile {d}/sshd.pid
AuthorizedKeysFile {d}/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
LogLevel ERROR
"
    )
}

#[test]
fn revue_over_ssh_exits_when_the_connection_drops() {
    let Some(sshd_bin) = tools() else {
        return;
    };
    if !e2e_support::have("tmux", "-V", REQUIRE) {
        return;
    }
    // A short path: sshd and ssh dislike long socket and key paths.
    let dir = tempfile::Builder::new()
        .prefix("revue-ssh")
        .tempdir_in("/tmp")
        .unwrap();
    let Some(sshd) = Sshd::start(&sshd_bin, dir.path()) else {
        return;
    };
    let d = dir.path();
    // The remote side: records revue's pid (exec keeps the shell's).
    fs::write(
        d.join("run.sh"),
        format!(
            "echo $$ > {d}/revue.pid\ncd {d}\nexec env TERM=xterm-256color {} --no-state --no-cache {}\n",
            revue_bin(),
            seeds().display(),
            d = d.display()
        ),
    )
    .unwrap();
    let ssh = format!(
        "exec ssh -F /dev/null -tt -p {port} -i {d}/user_key -o IdentitiesOnly=yes \
         -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile={d}/known_hosts \
         -o LogLevel=ERROR {user}@127.0.0.1 sh {d}/run.sh",
        port = sshd.port,
        d = d.display(),
        user = user_name()
    );
    let Some(t) = Tmux::start(100, 30, &ssh) else {
        return;
    };
    let screen = wait_until("revue over ssh", || {
        let s = t.screen();
        // The built model, not only the first frame: entities and events
        // are extracted after the list is shown.
        if s.contains("Articles (6/6)") && s.contains("Timeline (") && !s.contains("extracting") {
            Ok(s)
        } else {
            let log = fs::read_to_string(&sshd.log).unwrap_or_default();
            Err(format!("{s}\nsshd log:\n{log}"))
        }
    });
    assert!(screen.contains("Vladimir Poutine"), "{screen}");

    t.send(&["/"]);
    t.literal("erdo");
    t.wait_for(&["Articles (3/6)", "3 articles", "/ erdo"]);

    let revue: u32 = fs::read_to_string(d.join("revue.pid"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(alive(revue), "revue runs remotely as pid {revue}");
    let comm = fs::read_to_string(format!("/proc/{revue}/comm")).unwrap();
    assert_eq!(comm.trim(), "revue");

    // The connection drops: the client dies without a word to the server.
    let client: u32 = t.format("#{pane_pid}").parse().unwrap();
    let killed = Command::new("kill")
        .args(["-KILL", &client.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    wait_until("revue to exit after the connection dropped", || {
        if alive(revue) {
            Err(format!("pid {revue} is still running"))
        } else {
            Ok(())
        }
    });
}
