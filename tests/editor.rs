//! The editor of `afspraak serve`, over HTTP: forms, safe saves, refused
//! saves (invalid, changed on disk, cross-site), and nothing of it in `build`.

mod common;
use common::copy_dir;

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_afspraak");
const CONTRACT: &str = "content/contracts/meerwijk/2011.yaml";
const FORM: &str = "/__afspraak/bewerken/vraag/meerwijk/2011/7";

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

/// The fixture site, its contract with comments added, served.
fn site() -> (TempDir, Server) {
    let tmp = TempDir::new().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        tmp.path(),
    );
    let path = tmp.path().join(CONTRACT);
    let yaml = fs::read_to_string(&path).unwrap();
    let yaml = format!(
        "# Wijkcontract Meerwijk 2011\n{}",
        yaml.replacen(
            "    outcome: honoured\n",
            "    outcome: honoured          # zoals getekend\n    # de aannemer is gekozen\n",
            1
        )
    );
    fs::write(&path, yaml).unwrap();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(BIN)
        .args(["serve", "--root", tmp.path().to_str().unwrap(), "--port"])
        .arg(port.to_string())
        .env("AFSPRAAK_LANG", "nl")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (tmp, server)
}

fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    write!(s, "{head}\r\n{body}").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status = text.split(' ').nth(1).unwrap().parse().unwrap();
    (status, text)
}

fn get(port: u16, path: &str) -> (u16, String) {
    request(port, "GET", path, &[], "")
}

/// The value of the hidden field `name` in a form page.
fn hidden(page: &str, name: &str) -> String {
    let at = page
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no {name} in\n{page}"));
    let rest = &page[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

fn encode(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The question form's fields as the page has them, with `changes` made.
fn post_form(
    port: u16,
    page: &str,
    changes: &[(&str, &str)],
    origin: Option<&str>,
) -> (u16, String) {
    let mut pairs: Vec<(String, String)> = vec![
        ("token".into(), hidden(page, "token")),
        ("versie".into(), hidden(page, "versie")),
    ];
    for name in [
        "title", "topic", "asked", "partner", "outcome", "when", "answer", "location", "channel",
        "kind",
    ] {
        pairs.push((name.into(), field_value(page, name)));
    }
    for (k, v) in changes {
        pairs.retain(|(n, _)| n != k);
        pairs.push((k.to_string(), v.to_string()));
    }
    let body = encode(
        &pairs
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect::<Vec<_>>(),
    );
    let own = format!("http://127.0.0.1:{port}");
    let mut headers = vec![("Content-Type", "application/x-www-form-urlencoded")];
    let origin = origin.unwrap_or(&own);
    if !origin.is_empty() {
        headers.push(("Origin", origin));
    }
    request(port, "POST", FORM, &headers, &body)
}

/// The current value of a field in the form (input, textarea or select).
fn field_value(page: &str, name: &str) -> String {
    let unescape = |s: &str| {
        s.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    if let Some(at) = page.find(&format!(
        "<input type=\"text\" id=\"veld-{name}\" name=\"{name}\" value=\""
    )) {
        let rest = &page[at..];
        let rest = &rest[rest.find("value=\"").unwrap() + 7..];
        return unescape(&rest[..rest.find('"').unwrap()]);
    }
    if let Some(at) = page.find(&format!("<textarea id=\"veld-{name}\"")) {
        let rest = &page[at..];
        let rest = &rest[rest.find('>').unwrap() + 1..];
        return unescape(&rest[..rest.find("</textarea>").unwrap()]);
    }
    if let Some(at) = page.find(&format!("<select id=\"veld-{name}\"")) {
        let rest = &page[at..page[at..].find("</select>").unwrap() + at];
        if let Some(sel) = rest.find(" selected>") {
            let before = &rest[..sel];
            let v = &before[before.rfind("value=\"").unwrap() + 7..];
            return unescape(&v[..v.find('"').unwrap()]);
        }
    }
    String::new()
}

#[test]
fn a_question_is_edited_in_place_and_the_page_shows_it() {
    let (tmp, server) = site();
    let port = server.port;
    let (status, page) = get(port, "/wijken/meerwijk/2011/7/");
    assert_eq!(status, 200);
    assert!(
        page.contains(&format!("href=\"{FORM}\">Bewerken</a>")),
        "{page}"
    );
    assert!(page.contains("Stand van zaken bijwerken"));
    let (status, form) = get(port, FORM);
    assert_eq!(status, 200, "{form}");
    for label in [
        "Titel",
        "Thema",
        "Vraag",
        "Partner",
        "Uitkomst",
        "Wanneer",
        "Antwoord",
        "Datum",
        "Stand",
        "Toelichting",
        "Opslaan",
    ] {
        assert!(form.contains(&format!(">{label}<")), "the form has {label}");
    }
    // Only the fields of the outcome: `honoured` has a `when`, not a `ground`.
    assert!(form.contains("name=\"when\"") && !form.contains("name=\"ground\""));
    let before = fs::read_to_string(tmp.path().join(CONTRACT)).unwrap();
    let (status, answer) = post_form(
        port,
        &form,
        &[
            ("title", "Vier nieuwe lantaarnpalen: langs het pad"),
            ("progress_date", "2011-10-20"),
            ("progress_state", "done"),
            ("progress_note", "De palen staan er, alle vier"),
        ],
        None,
    );
    assert_eq!(status, 303, "{answer}");
    assert!(
        answer.contains("location: /wijken/meerwijk/2011/7/"),
        "{answer}"
    );
    let after = fs::read_to_string(tmp.path().join(CONTRACT)).unwrap();
    assert!(
        after.contains("    title: \"Vier nieuwe lantaarnpalen: langs het pad\"\n"),
        "{after}"
    );
    assert!(after.contains(
        "      - { date: 2011-06-01, state: started, note: Opdracht verleend aan de aannemer. }\n      - { date: 2011-10-20, state: done, note: \"De palen staan er, alle vier\" }\n"
    ), "{after}");
    for line in before
        .lines()
        .filter(|l| l.trim_start().starts_with('#') || l.contains(" # "))
    {
        assert!(
            after.contains(line),
            "the comment `{line}` is gone:\n{after}"
        );
    }
    // Only the title line changed and one line came in.
    assert_eq!(after.lines().count(), before.lines().count() + 1);
    let (code, out) = {
        let o = Command::new(BIN)
            .args(["check", "--root"])
            .arg(tmp.path())
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    assert_eq!(code, Some(0), "{out}");
    let (_, page) = get(port, "/wijken/meerwijk/2011/7/");
    assert!(
        page.contains("Vier nieuwe lantaarnpalen: langs het pad"),
        "the page shows the new title"
    );
}

#[test]
fn refused_saves_leave_the_file_unchanged() {
    let (tmp, server) = site();
    let port = server.port;
    let path = tmp.path().join(CONTRACT);
    let (_, form) = get(port, FORM);
    let before = fs::read_to_string(&path).unwrap();

    // An emptied required field: a Dutch error beside it.
    let (status, answer) = post_form(port, &form, &[("title", "")], None);
    assert_eq!(status, 422, "{answer}");
    assert!(answer.contains("Er is niets opgeslagen"), "{answer}");
    let at = answer.find("<label for=\"veld-title\">").unwrap();
    let field = &answer[at..at + answer[at..].find("</div>").unwrap()];
    assert!(
        field.contains("class=\"error\""),
        "the error stands beside the title:\n{field}"
    );
    assert!(field.contains("aria-invalid=\"true\""), "{field}");
    assert!(field.contains("is leeg"), "in Dutch: {field}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);

    // A move of the deadline in place: refused, the promise stays.
    let (status, answer) = post_form(port, &form, &[("when", "2012-02")], None);
    assert_eq!(status, 422, "{answer}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);

    // Without the token, or from another site: 403.
    let (status, _) = post_form(port, &form, &[("token", ""), ("title", "X")], None);
    assert_eq!(status, 403);
    let (status, _) = post_form(port, &form, &[("title", "X")], Some("http://evil.example"));
    assert_eq!(status, 403);
    let (status, _) = post_form(port, &form, &[("title", "X")], Some(""));
    assert_eq!(status, 403);
    assert_eq!(fs::read_to_string(&path).unwrap(), before);

    // Changed on disk since the form was opened: both versions shown.
    let theirs = before.replacen(
        "Kapotte bank bij de vijver",
        "Kapotte bank bij de grote vijver",
        1,
    );
    fs::write(&path, &theirs).unwrap();
    let (status, answer) = post_form(port, &form, &[("title", "Mijn nieuwe titel")], None);
    assert_eq!(status, 409, "{answer}");
    assert!(answer.contains("Het bestand zoals het nu is"), "{answer}");
    assert!(
        answer.contains("Kapotte bank bij de grote vijver"),
        "the version on disk"
    );
    assert!(
        answer.contains("Jouw versie") && answer.contains("Mijn nieuwe titel"),
        "your version"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn the_short_forms_record_progress_a_move_and_a_dispute() {
    let (tmp, server) = site();
    let port = server.port;
    let path = tmp.path().join(CONTRACT);
    let origin = format!("http://127.0.0.1:{port}");
    let headers = [
        ("Content-Type", "application/x-www-form-urlencoded"),
        ("Origin", origin.as_str()),
    ];
    let send = |target: &str, fields: &[(&str, &str)]| {
        let (_, form) = get(port, &format!("/__afspraak/bewerken/{target}"));
        let mut pairs = vec![
            ("token", hidden(&form, "token")),
            ("versie", hidden(&form, "versie")),
        ];
        pairs.extend(fields.iter().map(|(k, v)| (*k, v.to_string())));
        let body = encode(
            &pairs
                .iter()
                .map(|(a, b)| (*a, b.as_str()))
                .collect::<Vec<_>>(),
        );
        request(
            port,
            "POST",
            &format!("/__afspraak/bewerken/{target}"),
            &headers,
            &body,
        )
    };
    let (status, answer) = send(
        "stand/meerwijk/2011/7",
        &[
            ("date", "2011-09-01"),
            ("state", "delayed"),
            ("note", "Levering later"),
        ],
    );
    assert_eq!(status, 303, "{answer}");
    let (status, answer) = send(
        "termijn/meerwijk/2011/7",
        &[
            ("date", "2011-09-02"),
            ("to", "2012-01"),
            ("reason", "De palen komen later."),
        ],
    );
    assert_eq!(status, 303, "{answer}");
    let (status, answer) = send(
        "betwist/meerwijk/2011/6",
        &[("date", "2011-05-01"), ("note", "De bank wiebelt nog.")],
    );
    assert_eq!(status, 303, "{answer}");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("      - { date: 2011-09-01, state: delayed, note: Levering later }\n"),
        "{text}"
    );
    assert!(text.contains("    rescheduled:\n      - { date: 2011-09-02, when: 2012-01, reason: De palen komen later. }\n"), "{text}");
    assert!(
        text.contains("    disputed: { date: 2011-05-01, note: De bank wiebelt nog. }\n"),
        "{text}"
    );
    assert!(
        text.contains("    when: 2011-10\n"),
        "the promise as signed stays"
    );
    let (status, answer) = send("stand/meerwijk/2011/7", &[("date", ""), ("state", "done")]);
    assert_eq!(status, 422, "{answer}");

    // A new question, a new contract and a news update.
    let (status, answer) = send(
        "nieuwe-vraag/meerwijk/2011",
        &[
            ("title", "Nieuwe bankjes"),
            ("topic", "veilig"),
            ("asked", "Waar kunnen ouderen zitten?"),
            ("partner", "gemeente"),
            ("outcome", "resolved"),
        ],
    );
    assert_eq!(status, 303, "{answer}");
    let (status, answer) = send("nieuw-contract/meerwijk", &[("year", "2013")]);
    assert_eq!(status, 303, "{answer}");
    assert!(
        tmp.path()
            .join("content/contracts/meerwijk/2013.yaml")
            .exists()
    );
    let (status, answer) = send(
        "nieuws",
        &[
            ("title", "Nieuwe palen"),
            ("date", "2011-10-21"),
            ("summary", "Ze staan er."),
            ("neighbourhoods", "meerwijk"),
            ("body", "De palen staan er."),
        ],
    );
    assert_eq!(status, 303, "{answer}");
    assert!(
        tmp.path()
            .join("content/updates/2011-10-21-nieuwe-palen.md")
            .exists()
    );
    let o = Command::new(BIN)
        .args(["check", "--root"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn nothing_of_the_editor_is_built() {
    let (tmp, server) = site();
    let (_, form) = get(server.port, FORM);
    let token = hidden(&form, "token");
    drop(server);
    let out = tmp.path().join("public");
    let o = Command::new(BIN)
        .args(["build", "--root"])
        .arg(tmp.path())
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
    {
        let bytes = fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for leak in [
            "__afspraak",
            "bewerken/",
            ">Bewerken<",
            "afspraak-bewerken",
            "name=\"token\"",
            "name=\"versie\"",
            &token,
        ] {
            assert!(
                !text.contains(leak),
                "{} holds {leak}",
                entry.path().display()
            );
        }
        files += 1;
    }
    assert!(files > 10);
}

#[test]
fn the_editor_is_off_when_serve_listens_beyond_loopback() {
    let tmp = TempDir::new().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        tmp.path(),
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(BIN)
        .args([
            "serve",
            "--root",
            tmp.path().to_str().unwrap(),
            "--bind",
            "0.0.0.0",
            "--allow-remote",
            "--port",
        ])
        .arg(port.to_string())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let (status, page) = get(server.port, "/wijken/meerwijk/2011/7/");
    assert_eq!(status, 200);
    assert!(!page.contains("afspraak-bewerken"), "no edit links");
    let (status, _) = get(server.port, FORM);
    assert_eq!(status, 403);
}
