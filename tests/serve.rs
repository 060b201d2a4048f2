//! `afspraak serve`: rebuild on a change, overlay on a broken edit, clean stop.

mod common;
use common::copy_dir;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_afspraak");

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path) -> Server {
    let port = free_port();
    let child = Command::new(BIN)
        .args([
            "serve",
            "--root",
            root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status = text.split(' ').nth(1).unwrap().parse().unwrap();
    (status, text)
}

/// Waits until the event stream announces a version other than `seen`.
fn wait_for_rebuild(port: u16, seen: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "GET /__afspraak/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let reader = BufReader::new(s);
    for line in reader.lines() {
        let line = line.expect("an event within 20 s");
        if let Some(v) = line.strip_prefix("data: ")
            && v != seen
        {
            return v.to_string();
        }
    }
    panic!("event stream ended");
}

fn version_of(page: &str) -> String {
    page.split("var v=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn edits_rebuild_broken_edits_show_the_overlay_and_fixing_removes_it() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        &root,
    );
    let server = start(&root);
    let port = server.port;

    let (status, page) = get(port, "/wijken/meerwijk/2011/7/");
    assert_eq!(status, 200);
    assert!(
        page.contains("/__afspraak/events"),
        "the reload script is injected"
    );
    let v1 = version_of(&page);

    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let original = fs::read_to_string(&contract).unwrap();
    let title_line = original
        .lines()
        .find(|l| {
            l.trim_start().starts_with("title:")
                && original.find(l).unwrap() > original.find("id: 7").unwrap()
        })
        .unwrap()
        .to_string();
    let edited = original.replacen(
        &title_line,
        "    title: Een gloednieuwe titel uit de editor",
        1,
    );
    fs::write(&contract, &edited).unwrap();
    let v2 = wait_for_rebuild(port, &v1);
    let (_, page) = get(port, "/wijken/meerwijk/2011/7/");
    assert!(
        page.contains("Een gloednieuwe titel uit de editor"),
        "the edit is served"
    );
    assert!(!page.contains("afspraak-overlay"));

    // A broken edit: the last good page stays, with the overlay naming file and line.
    fs::write(&contract, edited.replacen("outcome:", "outcome: [", 1)).unwrap();
    let v3 = wait_for_rebuild(port, &v2);
    let (status, page) = get(port, "/wijken/meerwijk/2011/7/");
    assert_eq!(status, 200);
    assert!(page.contains("afspraak-overlay"), "overlay shown");
    assert!(
        page.contains("content/contracts/meerwijk/2011.yaml:"),
        "overlay names the file and line"
    );
    assert!(
        page.contains("Een gloednieuwe titel uit de editor"),
        "the last good site stays served"
    );

    fs::write(&contract, &edited).unwrap();
    wait_for_rebuild(port, &v3);
    let (_, page) = get(port, "/wijken/meerwijk/2011/7/");
    assert!(
        !page.contains("afspraak-overlay"),
        "fixing the file removes the overlay"
    );
}

#[test]
fn the_port_in_use_is_said_clearly() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = Command::new(BIN)
        .args([
            "serve",
            "--root",
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/build-site"),
            "--port",
            &port.to_string(),
        ])
        .env("AFSPRAAK_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{stderr}"
    );
}

#[test]
fn built_output_never_contains_the_reload_script() {
    let tmp = TempDir::new().unwrap();
    let out = tmp.path().join("public");
    afspraak::build(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        Some(&out),
        None,
    )
    .unwrap();
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = String::from_utf8_lossy(&fs::read(entry.path()).unwrap()).into_owned();
            assert!(
                !text.contains("__afspraak") && !text.contains("EventSource"),
                "{}",
                entry.path().display()
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let server = start(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/build-site"
    )));
    // An open event stream must not keep the server alive.
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        events,
        "GET /__afspraak/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let mut server = server;
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "serve did not stop within 5 s of Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// What `serve` reuses between rebuilds must never change a result: after
/// each edit, a cached check reports exactly what a fresh check does.
#[test]
fn cached_checks_agree_with_fresh_checks() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        &root,
    );
    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let partners = root.join("content/partners.yaml");
    let original = fs::read_to_string(&contract).unwrap();
    let partners_original = fs::read_to_string(&partners).unwrap();
    let summary = |c: &afspraak::Checked| -> Vec<String> {
        let mut v: Vec<String> = c
            .diagnostics
            .iter()
            .map(|d| {
                let at = afspraak::diagnostic::locate(&c.sources, d.span);
                format!(
                    "{} {}:{}:{} {}",
                    d.code.as_str(),
                    at.file,
                    at.line,
                    at.column,
                    d.message
                )
            })
            .collect();
        if let Some(site) = &c.site {
            v.push(format!(
                "questions {}",
                site.contracts
                    .iter()
                    .map(|c| c.questions.len())
                    .sum::<usize>()
            ));
            v.extend(
                site.contracts
                    .iter()
                    .flat_map(|c| c.questions.iter().map(|q| q.title.clone())),
            );
        }
        v
    };
    let mut cache = afspraak::Cache::default();
    let edits: Vec<Box<dyn Fn()>> = vec![
        Box::new(|| {}),
        Box::new(|| {
            fs::write(
                &contract,
                original.replacen("partner: gemeente", "partner: gemeentee", 1),
            )
            .unwrap()
        }),
        Box::new(|| fs::write(&contract, original.replace("outcome:", "outcome: [")).unwrap()),
        Box::new(|| fs::write(&contract, &original).unwrap()),
        // A change elsewhere that makes the unchanged contract wrong.
        Box::new(|| {
            fs::write(
                &partners,
                partners_original.replace("slug: gemeente", "slug: gemeente-x"),
            )
            .unwrap()
        }),
        Box::new(|| fs::write(&partners, &partners_original).unwrap()),
        Box::new(|| {
            fs::write(
                &contract,
                original.replacen("title: ", "title: Gewijzigd, ", 1),
            )
            .unwrap()
        }),
    ];
    for (i, edit) in edits.iter().enumerate() {
        edit();
        // Let the modification time move on, as between two saves.
        std::thread::sleep(Duration::from_millis(20));
        let cached = afspraak::check_cached(&root, None, &mut cache).unwrap();
        let fresh = afspraak::check(&root, None).unwrap();
        assert_eq!(summary(&cached), summary(&fresh), "after edit {i}");
    }
}
