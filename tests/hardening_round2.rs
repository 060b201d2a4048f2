//! Hardening, round 2 (issue 18): concurrent builds, bounded imports, the
//! personal-data check on what is published, and a stricter preview server.

mod hardening_support;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hardening_support::*;
use tempfile::TempDir;

// ---------------------------------------------------------------------------
// 1. Concurrent builds
// ---------------------------------------------------------------------------

/// The program under test; `AFSPRAAK_BIN` runs these tests against another build of it.
fn bin() -> String {
    std::env::var("AFSPRAAK_BIN").unwrap_or_else(|_| BIN.to_string())
}

fn build_command(root: &Path, out: &Path) -> Command {
    let mut c = Command::new(bin());
    c.env("AFSPRAAK_LANG", "en")
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn signal(pid: u32, sig: &str) {
    let st = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(st.success());
}

fn staging_exists(parent: &Path) -> bool {
    fs::read_dir(parent).is_ok_and(|d| {
        d.flatten().any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".public.staging-")
        })
    })
}

/// A second build into the same output, run to its end while the first is
/// paused in the middle of writing: the first build's site must come out
/// whole, and the second must not report success over a partial site.
#[test]
fn a_second_build_never_leaves_an_incomplete_site() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_site(&repo(), &root);
    let reference = tmp.path().join("ref/public");
    assert!(build_command(&root, &reference).status().unwrap().success());
    let expected = tree(&reference);
    let parent = tmp.path().join("pub");
    let out = parent.join("public");
    let mut caught = false;
    for _ in 0..20 {
        let _ = fs::remove_dir_all(&parent);
        fs::create_dir_all(&parent).unwrap();
        let mut first = build_command(&root, &out).spawn().unwrap();
        let pid = first.id();
        // Pause the first build as soon as it writes into its staging folder.
        let started = Instant::now();
        while !staging_exists(&parent) && started.elapsed() < Duration::from_secs(60) {
            if first.try_wait().unwrap().is_some() {
                break;
            }
        }
        signal(pid, "-STOP");
        if first.try_wait().unwrap().is_some() || !staging_exists(&parent) {
            signal(pid, "-CONT");
            first.wait().unwrap();
            continue; // it finished before it could be paused; try again
        }
        caught = true;
        let second = build_command(&root, &out).output().unwrap();
        let second_err = String::from_utf8_lossy(&second.stderr).into_owned();
        signal(pid, "-CONT");
        let first = first.wait_with_output().unwrap();
        assert!(
            first.status.success(),
            "the first build failed: {}",
            String::from_utf8_lossy(&first.stderr)
        );
        if second.status.success() {
            panic!("the second build reported success while the first was writing: {second_err}");
        }
        assert!(
            second_err.contains("another build is writing into"),
            "the second build says why it stopped: {second_err}"
        );
        let got = tree(&out);
        assert!(
            got == expected,
            "the output is not the complete site: {}",
            tree_diff(&expected, &got).unwrap_or_default()
        );
        let left: Vec<_> = fs::read_dir(&parent)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "public")
            .collect();
        assert!(left.is_empty(), "left beside the output: {left:?}");
        break;
    }
    assert!(caught, "never caught the first build while it was writing");
}

// ---------------------------------------------------------------------------
// 2. Bounded imports
// ---------------------------------------------------------------------------

/// The memory an import may use: its address space is capped at this, so a
/// run that needs more fails instead of passing slowly.
const MEMORY_KIB: u64 = 256 * 1024;

struct Run {
    code: Option<i32>,
    stderr: String,
}

/// `afspraak import FILE --contract meerwijk/2011 --root ROOT`, with its
/// address space capped at 256 MiB.
fn import_capped(root: &Path, file: &Path) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KIB}; exec \"$0\" \"$@\""))
        .arg(bin())
        .arg("import")
        .arg(file)
        .args(["--contract", "meerwijk/2011", "--root"])
        .arg(root)
        .env("AFSPRAAK_LANG", "en")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A guard against a hang, not a measurement.
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(300) {
            child.kill().ok();
            panic!("the import did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn import_site() -> TempDir {
    let tmp = TempDir::new().unwrap();
    copy_site(
        &repo().join("tests/fixtures/build-site"),
        &tmp.path().join("site"),
    );
    tmp
}

/// The import was refused as a content problem (exit 1) that says `what`,
/// and the contract file was left as it was.
fn assert_refused(tmp: &TempDir, file: &Path, what: &str) -> String {
    let contract = tmp.path().join("site/content/contracts/meerwijk/2011.yaml");
    let before = fs::read(&contract).unwrap();
    let run = import_capped(&tmp.path().join("site"), file);
    assert_eq!(
        run.code,
        Some(1),
        "{}: exit status {:?} (1 is a content error; none is a kill)\n{}",
        file.display(),
        run.code,
        run.stderr
    );
    assert!(
        run.stderr.contains(what),
        "{what:?} not in:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.len() < 2000,
        "the message is short: {}",
        run.stderr
    );
    assert_eq!(fs::read(&contract).unwrap(), before);
    run.stderr
}

const HEADER: [&str; 7] = [
    "id", "title", "topic", "asked", "partner", "outcome", "when",
];

/// A valid workbook: the header and one new question, as rust_xlsxwriter writes it.
fn workbook(extra: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in [
        "13",
        "Stoep",
        "heel",
        "De stoep ligt scheef.",
        "gemeente",
        "honoured",
        "2011-Q4",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    extra(ws);
    book.save_to_buffer().unwrap()
}

/// CRC-32 (IEEE), bit by bit: only for small parts.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A raw DEFLATE stream in one block with the fixed Huffman codes, written by
/// hand so that a test can make hundreds of megabytes of XML in a few: the
/// text `unit` is repeated by copies of 258 bytes from one `unit` back.
struct Deflate {
    out: Vec<u8>,
    bits: u64,
    nbits: u32,
}

impl Deflate {
    fn new() -> Deflate {
        let mut d = Deflate {
            out: Vec::new(),
            bits: 0,
            nbits: 0,
        };
        d.put(1, 1); // the last block
        d.put(1, 2); // fixed Huffman codes
        d
    }
    /// `n` bits of `v`, least significant first.
    fn put(&mut self, v: u32, n: u32) {
        self.bits |= u64::from(v) << self.nbits;
        self.nbits += n;
        while self.nbits >= 8 {
            self.out.push(self.bits as u8);
            self.bits >>= 8;
            self.nbits -= 8;
        }
    }
    /// A Huffman code of `n` bits, most significant first.
    fn code(&mut self, code: u32, n: u32) {
        for i in (0..n).rev() {
            self.put((code >> i) & 1, 1);
        }
    }
    fn symbol(&mut self, s: u32) {
        match s {
            0..=143 => self.code(0x30 + s, 8),
            144..=255 => self.code(0x190 + s - 144, 9),
            256..=279 => self.code(s - 256, 7),
            _ => self.code(0xC0 + s - 280, 8),
        }
    }
    fn text(&mut self, t: &[u8]) {
        for &b in t {
            self.symbol(u32::from(b));
        }
    }
    /// A copy of 258 bytes from `dist` back.
    fn copy_258(&mut self, dist: u32) {
        self.symbol(285);
        let (mut code, mut base, mut extra) = (0u32, 1u32, 0u32);
        while base + (1 << extra) <= dist {
            base += 1 << extra;
            code += 1;
            extra = if code < 4 { 0 } else { code / 2 - 1 };
        }
        self.code(code, 5);
        self.put(dist - base, extra);
    }
    fn finish(mut self) -> Vec<u8> {
        self.symbol(256);
        self.put(0, 7);
        self.out
    }
}

/// `prefix`, then `unit` repeated to about `size` bytes, then `suffix`: as
/// DEFLATE data, with its unpacked length.
fn deflated_repeat(prefix: &str, unit: &str, size: u64, suffix: &str) -> (Vec<u8>, u64, u32) {
    let mut d = Deflate::new();
    d.text(prefix.as_bytes());
    d.text(unit.as_bytes());
    let p = unit.len() as u64;
    // Copies that end on a whole unit.
    let step = p / gcd(p, 258) * 258;
    let copies = (size / step).max(1) * (step / 258);
    for _ in 0..copies {
        d.copy_258(p as u32);
    }
    d.text(suffix.as_bytes());
    let len = prefix.len() as u64 + p + copies * 258 + suffix.len() as u64;
    // The check value of hundreds of megabytes is not worth computing: a
    // reader that unpacks this far has already failed.
    let crc = if len < 1 << 20 {
        let repeats = (len as usize - prefix.len() - suffix.len()) / unit.len();
        crc32(format!("{prefix}{}{suffix}", unit.repeat(repeats)).as_bytes())
    } else {
        0
    };
    (d.finish(), len, crc)
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// A zip archive by hand: each part `(name, method, data, crc, unpacked length)`.
fn zip_archive(parts: &[(String, u16, Vec<u8>, u32, u64)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, method, data, crc, len) in parts {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(method.to_le_bytes());
            h.extend([0u8; 4]); // time and date
            h.extend(crc.to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((*len as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 6]); // comment, disk, attributes
                h.extend(0u32.to_le_bytes());
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(data);
        central.extend(header(0x0201_4b50, true));
    }
    let (cd_offset, cd_size) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend(cd_size.to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A workbook whose sheet is `sheet` (packed data, unpacked length and check
/// value), its other parts those of a valid workbook, stored.
fn workbook_with_sheet(sheet: (Vec<u8>, u64, u32)) -> Vec<u8> {
    let valid = workbook(|_| {});
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(valid)).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            parts.push((name, 8, sheet.0.clone(), sheet.2, sheet.1));
        } else {
            let crc = crc32(&bytes);
            let len = bytes.len() as u64;
            parts.push((name, 0, bytes, crc, len));
        }
    }
    zip_archive(&parts)
}

const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c></row>"#;
const SHEET_END: &str = "</sheetData></worksheet>";

#[test]
fn a_valid_workbook_imports_within_the_memory_bound() {
    let tmp = import_site();
    let file = tmp.path().join("vragen.xlsx");
    fs::write(&file, workbook(|_| {})).unwrap();
    let run = import_capped(&tmp.path().join("site"), &file);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // The hand-made archive reads as well, with a small sheet.
    let sheet = deflated_repeat(
        SHEET_START,
        r#"<row><c t="inlineStr"><is><t>13</t></is></c><c t="inlineStr"><is><t>Stoep</t></is></c></row>"#,
        1,
        SHEET_END,
    );
    fs::write(&file, workbook_with_sheet(sheet)).unwrap();
    let run = import_capped(&tmp.path().join("site"), &file);
    assert!(
        run.stderr.contains("row 2") && !run.stderr.contains("damaged"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_cell_at_xfd1048576_is_refused_in_bounded_memory() {
    let tmp = import_site();
    let file = tmp.path().join("vragen.xlsx");
    let bytes = workbook(|ws| {
        ws.write_string(1_048_575, 16_383, "x").unwrap();
    });
    assert!(bytes.len() < 10_000);
    fs::write(&file, bytes).unwrap();
    assert_refused(&tmp, &file, "XFD1048576");
}

#[test]
fn a_zip_bomb_is_refused_in_bounded_memory() {
    let tmp = import_site();
    let file = tmp.path().join("vragen.xlsx");
    // 600 MB of rows from a 4 MB file.
    let sheet = deflated_repeat(
        SHEET_START,
        r#"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#,
        600 << 20,
        SHEET_END,
    );
    let bytes = workbook_with_sheet(sheet);
    assert!(bytes.len() < 10 << 20, "{} bytes", bytes.len());
    fs::write(&file, bytes).unwrap();
    assert_refused(&tmp, &file, "xl/worksheets/sheet1.xml");
}

#[test]
fn a_huge_cell_is_refused_in_bounded_memory() {
    let tmp = import_site();
    let file = tmp.path().join("vragen.xlsx");
    // One cell of 600 MB.
    let sheet = deflated_repeat(
        &format!(
            r#"{SHEET_START}<row r="2"><c r="A2" t="inlineStr"><is><t>13</t></is></c><c r="B2" t="inlineStr"><is><t>"#
        ),
        "x",
        600 << 20,
        &format!("</t></is></c></row>{SHEET_END}"),
    );
    fs::write(&file, workbook_with_sheet(sheet)).unwrap();
    assert_refused(&tmp, &file, "xl/worksheets/sheet1.xml");
    // A long cell within the sheet's limits: refused at its row and column.
    let sheet = deflated_repeat(
        &format!(
            r#"{SHEET_START}<row r="2"><c r="A2" t="inlineStr"><is><t>13</t></is></c><c r="B2" t="inlineStr"><is><t>"#
        ),
        "x",
        100_000,
        &format!("</t></is></c></row>{SHEET_END}"),
    );
    fs::write(&file, workbook_with_sheet(sheet)).unwrap();
    let err = assert_refused(&tmp, &file, "row 2, column B");
    assert!(err.contains("at most 65536 bytes"), "{err}");
}

/// An imported cell too large for a contract file was an internal error (exit
/// 3); it is a content error at its row and column, or the file is too large.
#[test]
fn an_oversized_csv_cell_is_a_content_error() {
    let tmp = import_site();
    let file = tmp.path().join("vragen.csv");
    let big = format!(
        "{}\n13,Stoep,heel,{},gemeente,honoured,2011-Q4\n",
        HEADER.join(","),
        "x".repeat(70 << 20)
    );
    fs::write(&file, big).unwrap();
    assert_refused(&tmp, &file, "import reads spreadsheets of at most 32 MB");
    let long = format!(
        "{}\n13,Stoep,heel,{},gemeente,honoured,2011-Q4\n",
        HEADER.join(","),
        "x".repeat(9 << 20)
    );
    fs::write(&file, long).unwrap();
    assert_refused(&tmp, &file, "row 2, column D");
}

// ---------------------------------------------------------------------------
// 3. The personal-data check sees what is published
// ---------------------------------------------------------------------------

/// Each line holds one piece of personal data, spelled as the second round of
/// attacks spelled it; every one is reported on its own line.
const HIDDEN: &[&str] = &[
    "Mail jan&#64;example.nl gerust.",
    "Bel 06&#45;12345678 gerust.",
    "Bel 06\\-12345678 gerust.",
    "Mail jan@<!-- x -->example.nl gerust.",
    "Bel (06) 12345678 gerust.",
    "Bel (023) 5115115 gerust.",
    "Bel 06/12345678 gerust.",
    "Bel 06 - 12345678 gerust.",
    "Bel 06\u{2013}12345678 gerust.",
    "Bel 06\u{2011}12345678 gerust.",
    "Bel 06\u{200B}12345678 gerust.",
    "Bel ０６１２３４５６７８ gerust.",
    "Woon op 2011 ab 12 gerust.",
    "Woon op 2011AB12 gerust.",
    "Woon op 2011 AB, 12 gerust.",
    "Woon op 2011 AB nr. 12 gerust.",
    "BSN 123 456 782 gerust.",
    "BSN 12-34-56-782 gerust.",
    "Mail jan＠example.nl gerust.",
    "Mail jan@bücher.nl gerust.",
    "Stort op NL91 ABNA 0417 1643 00 gerust.",
    "Nog eens 06-87654321 en nog eens 06-87654321.",
];

fn personal_data_lines(checked: &afspraak::Checked, path: &str) -> Vec<usize> {
    checked
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "personal-data")
        .filter(|d| checked.sources.get(d.span.file).path == path)
        .map(|d| {
            checked
                .sources
                .get(d.span.file)
                .line_col(d.span.start as usize)
                .0
        })
        .collect()
}

#[test]
fn personal_data_is_found_as_it_is_published() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path();
    copy_site(&repo().join("tests/fixtures/build-site"), root);
    let mut page = String::from("---\ntitle: Contact\n---\n");
    for line in HIDDEN {
        page.push_str(line);
        page.push_str("\n\n");
    }
    page.push_str("Het publieke nummer 14 023 mag.\n");
    fs::write(root.join("content/pages/contact.md"), &page).unwrap();
    let toml = fs::read_to_string(root.join("site.toml"))
        .unwrap()
        .replace(
            "description = \"Testsite voor de build-tests.\"",
            "description = \"Bel de wethouder: 06-11223344.\"",
        )
        .replace(
            "NOTICEMARKER",
            "Vragen? Mail jan&#64;example.nl of bel (023) 5115115.",
        );
    fs::write(root.join("site.toml"), toml).unwrap();

    let checked = afspraak::check(root, None).unwrap();
    let mut lines = personal_data_lines(&checked, "content/pages/contact.md");
    lines.sort();
    // Line 4 is the first of the body; one blank line between paragraphs.
    let mut expected: Vec<usize> = (0..HIDDEN.len()).map(|i| 4 + 2 * i).collect();
    expected.push(*expected.last().unwrap()); // the same number twice
    let missed: Vec<&str> = HIDDEN
        .iter()
        .enumerate()
        .filter(|(i, _)| !lines.contains(&(4 + 2 * i)))
        .map(|(_, l)| *l)
        .collect();
    assert!(missed.is_empty(), "not reported: {missed:#?}");
    assert_eq!(lines, expected);
    let in_toml = personal_data_lines(&checked, "site.toml");
    assert_eq!(
        in_toml.len(),
        3,
        "description, and two in the notice: {in_toml:?}"
    );
}

// ---------------------------------------------------------------------------
// 4. A stricter preview server
// ---------------------------------------------------------------------------

struct Server {
    child: std::process::Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn serve(root: &Path, args: &[&str], connect: &str) -> Server {
    let port = free_port();
    let child = Command::new(bin())
        .args([
            "serve",
            "--root",
            root.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .args(args)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let started = Instant::now();
    while std::net::TcpStream::connect((connect, port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "serve did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

/// The status line and headers of `GET path` with the given `Host`.
fn request(addr: (&str, u16), path: &str, host: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    text.split("\r\n\r\n").next().unwrap_or("").to_string()
}

fn fixture_site() -> TempDir {
    let tmp = TempDir::new().unwrap();
    copy_site(&repo().join("tests/fixtures/build-site"), tmp.path());
    tmp
}

#[test]
fn serve_answers_only_to_its_own_host_names() {
    let site = fixture_site();
    let server = serve(site.path(), &["--host", "preview.test"], "127.0.0.1");
    let at = ("127.0.0.1", server.port);
    let port = server.port;
    for host in [
        "localhost".to_string(),
        format!("127.0.0.1:{port}"),
        "preview.test".into(),
    ] {
        let head = request(at, "/", &host);
        assert!(head.starts_with("HTTP/1.1 200"), "{host}: {head}");
    }
    for host in ["evil.example", "evil.example:80", "localhost.evil.example"] {
        let head = request(at, "/", host);
        assert!(head.starts_with("HTTP/1.1 421"), "{host}: {head}");
    }
}

#[test]
fn serve_never_redirects_to_another_host() {
    let site = fixture_site();
    let server = serve(site.path(), &[], "127.0.0.1");
    let at = ("127.0.0.1", server.port);
    let plain = request(at, "/wijken/meerwijk", "localhost");
    assert!(plain.contains("location: /wijken/meerwijk/"), "{plain}");
    for path in [
        "/%2Fwijken/meerwijk",
        "/%2F%2Fwijken/meerwijk",
        "/%5Cwijken/meerwijk",
    ] {
        let head = request(at, path, "localhost");
        let location = head
            .lines()
            .find_map(|l| l.strip_prefix("location: "))
            .unwrap_or("");
        assert!(
            !location.starts_with("//") && !location.starts_with("/\\"),
            "{path}: {head}"
        );
    }
}

#[test]
fn a_bind_other_computers_reach_needs_a_confirmation() {
    let site = fixture_site();
    let mut child = Command::new(bin())
        .args(["serve", "--root", site.path().to_str().unwrap()])
        .args(["--bind", "0.0.0.0", "--port", &free_port().to_string()])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A server that starts instead of refusing is stopped (a hang guard).
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--allow-remote"), "{err}");
    // `::` is an address like any other; it listens on IPv6 (and, on most
    // systems, IPv4 too).
    if std::net::TcpListener::bind("[::1]:0").is_ok() {
        let server = serve(site.path(), &["--bind", "::", "--allow-remote"], "::1");
        let head = request(("::1", server.port), "/", "localhost");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    }
}

/// A client that never finishes its headers (slowloris) is dropped after a
/// few seconds, and the server keeps answering others meanwhile.
#[test]
fn serve_drops_a_client_that_never_finishes_its_headers() {
    use std::io::{Read, Write};
    let site = fixture_site();
    let server = serve(site.path(), &[], "127.0.0.1");
    let at = ("127.0.0.1", server.port);
    let mut slow = std::net::TcpStream::connect(at).unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .unwrap();
    let mut silent = std::net::TcpStream::connect(at).unwrap();
    let head = request(at, "/", "localhost");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    for (name, stream) in [("partial headers", &mut slow), ("no bytes", &mut silent)] {
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let started = Instant::now();
        let mut rest = Vec::new();
        // The server closes the connection (EOF), perhaps after a 408; a
        // read timeout means it was still open after 20 s.
        let closed = stream.read_to_end(&mut rest).is_ok();
        assert!(closed, "{name}: still open after {:?}", started.elapsed());
    }
}

/// Waits until `path` contains `text`.
fn wait_for_text(port: u16, path: &str, text: &str) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(20) {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut page = String::new();
        s.read_to_string(&mut page).unwrap();
        if page.contains(text) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// `git checkout` or a sync tool replaces content/ as a whole; edits made
/// after that still rebuild, and so do edits saved by renaming a new copy
/// over site.toml.
#[test]
fn serve_keeps_watching_a_replaced_content_folder() {
    let site = fixture_site();
    let root = site.path();
    let server = serve(root, &[], "127.0.0.1");
    let page = "/wijken/meerwijk/";
    assert!(wait_for_text(server.port, page, "veel groen en water"));

    // Replace the folder with an edited copy, as a checkout does.
    let content = root.join("content");
    let fresh = root.join("content.new");
    copy_dir(&content, &fresh);
    let text = fresh.join("neighbourhoods/meerwijk.md");
    fs::write(&text, "Meerwijk na de wissel van de map.\n").unwrap();
    fs::remove_dir_all(&content).unwrap();
    fs::rename(&fresh, &content).unwrap();
    assert!(
        wait_for_text(server.port, page, "na de wissel van de map"),
        "the replaced folder is read"
    );

    // An edit inside the new folder.
    std::thread::sleep(Duration::from_millis(300));
    fs::write(
        content.join("neighbourhoods/meerwijk.md"),
        "Meerwijk, bewerkt na de wissel.\n",
    )
    .unwrap();
    assert!(
        wait_for_text(server.port, page, "bewerkt na de wissel"),
        "an edit after the replacement rebuilds"
    );

    // Moved aside rather than deleted: the old folder's edits no longer count,
    // the new folder's do.
    let old = root.join("content.old");
    copy_dir(&content, &fresh);
    fs::rename(&content, &old).unwrap();
    fs::rename(&fresh, &content).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    fs::write(
        content.join("neighbourhoods/meerwijk.md"),
        "Meerwijk, tweede keer bewerkt.\n",
    )
    .unwrap();
    assert!(wait_for_text(server.port, page, "tweede keer bewerkt"));

    // site.toml saved by renaming a new copy over it (as many editors do).
    let toml = fs::read_to_string(root.join("site.toml")).unwrap();
    let title = toml
        .lines()
        .find(|l| l.starts_with("title"))
        .unwrap()
        .to_string();
    fs::write(
        root.join("site.toml.tmp"),
        toml.replacen(&title, "title = \"Hernoemde titel\"", 1),
    )
    .unwrap();
    fs::rename(root.join("site.toml.tmp"), root.join("site.toml")).unwrap();
    assert!(wait_for_text(server.port, page, "Hernoemde titel"));
}

// ---------------------------------------------------------------------------
// 5. The smaller problems
// ---------------------------------------------------------------------------

/// A build in English, its exit status and what it printed.
fn build_en(root: &Path, out: &Path) -> (Option<i32>, String) {
    let run = build_command(root, out)
        .env("AFSPRAAK_LANG", "en")
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    (run.status.code(), text)
}

#[test]
fn a_redirect_to_a_hidden_page_is_an_error_that_names_nothing_hidden() {
    let site = fixture_site();
    let root = site.path();
    // europawijk/2011 is a draft; the second redirect reaches it through the first.
    fs::write(
        root.join("content/redirects.yaml"),
        "- { from: /oud/, to: /wijken/europawijk/2011/1/ }\n- { from: /ouder/, to: /oud/ }\n",
    )
    .unwrap();
    let out = root.join("public");
    let (code, text) = build_en(root, &out);
    assert_eq!(code, Some(1), "{text}");
    assert_eq!(
        text.matches("error[redirect-conflict]").count(),
        2,
        "{text}"
    );
    assert!(text.contains("not public"), "{text}");
    // The source line is quoted in the snippet; the messages themselves name nothing.
    for line in text
        .lines()
        .filter(|l| l.starts_with("error") || l.contains("help:"))
    {
        assert!(!line.contains("europawijk"), "{line}");
    }
    assert!(!out.join("oud/index.html").exists());
}

#[test]
fn redirect_loops_are_refused() {
    let site = fixture_site();
    let root = site.path();
    fs::write(
        root.join("content/redirects.yaml"),
        "- { from: /a/, to: /b/ }\n- { from: /b/, to: /a/ }\n\
         - { from: /c/, to: /d/ }\n- { from: /d/, to: /e/ }\n- { from: /e/, to: /c/#top }\n\
         - { from: /f/, to: /c/ }\n",
    )
    .unwrap();
    let (code, text) = build_en(root, &root.join("public"));
    assert_eq!(code, Some(1), "{text}");
    assert!(text.contains("/a/ → /b/ → /a/"), "{text}");
    assert!(text.contains("/c/ → /d/ → /e/ → /c/"), "{text}");
    // Each circle once, at its first redirect; /f/ leads into one, also refused.
    let errors: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("error[redirect-conflict]"))
        .collect();
    assert_eq!(errors.len(), 3, "{text}");
    assert!(
        errors.iter().all(|l| l.contains("go round in a circle")),
        "{text}"
    );
}

#[test]
fn an_output_inside_content_is_refused() {
    let site = fixture_site();
    let root = site.path();
    for out in ["content/pub", "content/pub/nested", "themes/x"] {
        let (code, text) = build_en(root, &root.join(out));
        assert_eq!(code, Some(2), "{out}: {text}");
        assert!(text.contains("inside the site's"), "{out}: {text}");
        assert!(!root.join(out).exists(), "{out} was made");
    }
    // Through `..` and a symbolic link too.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("content"), root.join("link")).unwrap();
        let (code, text) = build_en(root, &root.join("link/pub"));
        assert_eq!(code, Some(2), "{text}");
        let (code, text) = build_en(root, &root.join("themes/../content/pub"));
        assert_eq!(code, Some(2), "{text}");
    }
    let check = Command::new(bin())
        .args(["check", "--root"])
        .arg(root)
        .env("AFSPRAAK_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0));
}

#[test]
fn the_node_limit_is_named_as_such() {
    let site = fixture_site();
    let root = site.path();
    // A list of 260,000 values: flat, and no alias in sight.
    let mut contract =
        fs::read_to_string(root.join("content/contracts/meerwijk/2011.yaml")).unwrap();
    contract.push_str("x_padding: [");
    contract.push_str(&"1,".repeat(260_000));
    contract.push_str("1]\n");
    fs::write(root.join("content/contracts/meerwijk/2011.yaml"), contract).unwrap();
    let check = Command::new(bin())
        .args(["check", "--root"])
        .arg(root)
        .env("AFSPRAAK_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&check.stdout).into_owned()
        + &String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{text}");
    assert!(text.contains("more than 250000 values"), "{text}");
    assert!(!text.contains("nests too deeply"), "{text}");
}

/// An import that makes the contract too large to read back was an internal
/// error (exit 3); it is a content error at a row.
#[test]
fn an_import_too_large_to_read_back_is_a_content_error_at_a_row() {
    let tmp = import_site();
    let file = tmp.path().join("vragen.csv");
    let mut csv = format!("{}\n", HEADER.join(","));
    for id in 13..25_013 {
        csv.push_str(&format!(
            "{id},Stoep {id},heel,De stoep ligt scheef.,gemeente,honoured,2011-Q4\n"
        ));
    }
    fs::write(&file, csv).unwrap();
    let err = assert_refused(&tmp, &file, "nothing was written");
    assert!(err.contains("row "), "{err}");
    assert!(err.contains("more than 250000 values"), "{err}");
    assert!(!err.contains("internal error"), "{err}");
}

/// The id-reused warning quotes both titles shortened, however long.
#[test]
fn long_values_are_shortened_in_messages() {
    let site = fixture_site();
    let root = site.path();
    fs::copy(
        repo().join("tests/fixtures/build-site/published.txt"),
        root.join("published.txt"),
    )
    .unwrap();
    let path = root.join("content/contracts/meerwijk/2011.yaml");
    let contract = fs::read_to_string(&path).unwrap();
    let long = "Zwembadje".repeat(160_000);
    fs::write(
        &path,
        contract.replacen(
            "title: Betere verlichting in het Floris van Adrichempark",
            &format!("title: {long}"),
            1,
        ),
    )
    .unwrap();
    // The record is compared when building.
    let (_, text) = build_en(root, &root.join("public"));
    let reused: Vec<&str> = text.lines().filter(|l| l.contains("id-reused")).collect();
    assert_eq!(reused.len(), 1, "{}", &text[..text.len().min(4000)]);
    assert!(
        reused[0].len() < 400,
        "{}",
        &reused[0][..reused[0].len().min(400)]
    );
    assert!(reused[0].contains("(1440000 characters)"), "{}", reused[0]);
}
