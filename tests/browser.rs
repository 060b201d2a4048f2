//! The audit suite: builds the bundled example site into a tempdir and checks it.
//!
//! - `bundled_site_passes_the_browser_audit` serves it on 127.0.0.1 and runs
//!   `tests/browser/audit.mjs` over one page of every kind, in Dutch and English,
//!   in Debian's headless Chromium (playwright-core, axe-core): WCAG 2.2 AA and
//!   serious best-practice rules in light and dark mode, lang/title/h1, page
//!   budgets, foreign requests, console errors, a keyboard walk (skip link,
//!   focus indicators), colour not the only carrier, JavaScript off, reflow at
//!   320 px, and print media on a contract page.
//! - `bundled_site_is_valid_html` runs the Nu HTML Checker (vnu-jar, on the
//!   machine's Java) over every built HTML file: 0 errors.
//! - `bundled_site_links_and_budgets` runs `tests/browser/site.mjs` over the
//!   built files: every internal link and #fragment resolves, page weight and
//!   request budgets, gzipped HTML/CSS/JS budgets, no web fonts.
//! - `the_printed_contract_is_a4_and_its_qr_codes_scan` prints the contract for
//!   the neighbourhood paper to PDF with Chromium, checks A4, and reads every
//!   QR code back with zbarimg (poppler-utils and zbar-tools).
//! - `the_press_card_renders_in_an_iframe_of_another_origin` embeds a press card
//!   in a 360 px `<iframe>` on another port (`tests/browser/card.mjs`).
//!
//! Needs `npm ci`, `apt-get install chromium` and Java; set
//! AFSPRAAK_SKIP_BROWSER=1 to skip them.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";

const VNU_JAR: &str = "node_modules/vnu-jar/build/dist/vnu.jar";

/// One page of each kind, and of each state a question page shows; each is
/// checked in Dutch and under /en/.
const PAGES: &[&str] = &[
    "/",
    "/wijken/",
    "/wijken/meerwijk/",
    "/wijken/meerwijk/2025/",
    "/wijken/meerwijk/2025/1/",
    // The promise record: a moved deadline, a moved one now late, a changed
    // answer, a moved report date, and work done late.
    "/wijken/meerwijk/2026/1/",
    "/wijken/europawijk/2026/3/",
    "/wijken/delftwijk/2026/6/",
    "/wijken/rozenprieel/2026/9/",
    "/wijken/parkwijk/2025/6/",
    "/stadsdelen/schalkwijk/",
    "/partners/gemeente/",
    "/partners/gemeente/pagina/2/",
    "/themas/veilig/",
    "/nieuws/",
    "/nieuws/moestuin-meerwijk/",
    "/over/",
    "/toegankelijkheid/",
    "/zoeken/",
    "/data/",
    "/404.html",
    "/te-laat/",
    "/cijfers/",
    "/cijfers/nagekomen/",
    "/stadsdelen/",
    "/partners/",
    "/themas/",
    // On paper, on a map, in the press release.
    "/wijken/meerwijk/2025/afdrukken/",
    "/kaart/",
    "/wijken/meerwijk/kaart/",
];

/// Pages printed (print media emulated) in the audit: a contract page.
const PRINTED: &[&str] = &["/wijken/meerwijk/2025/", "/en/wijken/meerwijk/2025/"];

/// Whether the browser tests can run here; fails with what to install otherwise.
fn browser_available(root: &Path) -> bool {
    if std::env::var_os("AFSPRAAK_SKIP_BROWSER").is_some_and(|v| v == "1") {
        println!("AFSPRAAK_SKIP_BROWSER=1: skipping the browser test");
        return false;
    }
    let mut missing = Vec::new();
    if !root.join("node_modules/playwright-core").is_dir()
        || !root.join("node_modules/axe-core").is_dir()
        || !root.join(VNU_JAR).is_file()
    {
        missing.push("node_modules/playwright-core, axe-core and vnu-jar (run `npm ci` in the repository root)");
    }
    if Command::new("java").arg("-version").output().is_err() {
        missing.push("java (run `apt-get install default-jre-headless`)");
    }
    if !Path::new(CHROMIUM).exists() {
        missing.push("/usr/bin/chromium (run `apt-get install chromium`)");
    }
    assert!(
        missing.is_empty(),
        "the browser tests need: {}; or set AFSPRAAK_SKIP_BROWSER=1 to skip them",
        missing.join("; ")
    );
    true
}

/// Builds the bundled site and serves it on loopback; returns the port.
fn build_and_serve(root: &Path) -> (tempfile::TempDir, std::path::PathBuf, u16) {
    let (tmp, public) = build(root);

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let port = listener.local_addr().expect("local addr").port();
    let docroot = public.clone();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let docroot = docroot.clone();
            thread::spawn(move || {
                let _ = serve(stream, &docroot);
            });
        }
    });

    (tmp, public, port)
}

#[test]
fn bundled_site_passes_the_browser_audit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let (_tmp, public, port) = build_and_serve(root);

    // The server itself: an unknown path answers 404 with the site's 404 page.
    let mut probe = TcpStream::connect(("127.0.0.1", port)).expect("connect to the test server");
    write!(probe, "GET /no-such-page/ HTTP/1.1\r\nHost: x\r\n\r\n").expect("send request");
    let mut answer = String::new();
    std::io::Read::read_to_string(&mut probe, &mut answer).expect("read answer");
    assert!(
        answer.starts_with("HTTP/1.1 404")
            && answer.contains("text/html")
            && answer.contains("<h1"),
        "test server: expected the 404 page, got:\n{answer}"
    );

    let mut paths: Vec<String> = PAGES.iter().map(|p| (*p).to_owned()).collect();
    paths.extend(PAGES.iter().map(|p| format!("/en{p}")));
    for path in paths.iter().chain(
        PRINTED
            .iter()
            .map(|p| (*p).to_owned())
            .collect::<Vec<_>>()
            .iter(),
    ) {
        assert!(
            resolve(&public, path).is_some(),
            "{path} is not in the built site; update PAGES or PRINTED in tests/browser.rs"
        );
    }
    let mut args = vec![format!("http://127.0.0.1:{port}")];
    for p in PRINTED {
        args.push("--print".into());
        args.push((*p).into());
    }
    args.extend(paths);
    let (ok, text) = node(root, "tests/browser/audit.mjs", &args);
    assert!(ok, "the browser audit found problems:\n{text}");
}

/// Builds the bundled site into a tempdir; returns it and the output directory.
fn build(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let public = tmp.path().join("public");
    let build = Command::new(env!("CARGO_BIN_EXE_afspraak"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(&public)
        .output()
        .expect("run afspraak build");
    assert!(
        build.status.success(),
        "afspraak build failed:\n{}{}",
        String::from_utf8_lossy(&build.stdout),
        String::from_utf8_lossy(&build.stderr)
    );
    (tmp, public)
}

/// The Nu HTML Checker over every built HTML file: no errors.
#[test]
fn bundled_site_is_valid_html() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let (_tmp, public) = build(root);
    let pages = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    let out = Command::new("java")
        .arg("-jar")
        .arg(root.join(VNU_JAR))
        .args(["--errors-only", "--skip-non-html", "--format", "json"])
        .arg(&public)
        .output()
        .expect("run java -jar vnu.jar");
    // vnu writes its JSON report to stderr.
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu.jar gave no JSON report ({e}):\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let messages = report["messages"].as_array().cloned().unwrap_or_default();
    let errors: Vec<String> = messages
        .iter()
        .filter(|m| m["type"] != "info")
        .map(|m| {
            let url = m["url"].as_str().unwrap_or("");
            let page = url
                .strip_prefix(&format!("file:{}", public.display()))
                .unwrap_or(url);
            format!(
                "{page}:{}: {} ({})",
                m["lastLine"],
                m["message"].as_str().unwrap_or(""),
                m["extract"].as_str().unwrap_or("").replace('\n', " ")
            )
        })
        .collect();
    println!(
        "vnu: {pages} pages, {} errors (vnu {})",
        errors.len(),
        report["version"].as_str().unwrap_or("?")
    );
    assert!(
        errors.is_empty(),
        "the Nu HTML Checker found {} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(
        pages > 100,
        "expected the whole bundled site, found {pages} HTML files"
    );
}

/// Links, fragments, page weight, gzipped budgets and web fonts, over the built files.
#[test]
fn bundled_site_links_and_budgets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let (_tmp, public) = build(root);
    let (ok, text) = node(
        root,
        "tests/browser/site.mjs",
        &[public.display().to_string()],
    );
    assert!(ok, "the static site audit found problems:\n{text}");
}

/// Maps a URL path to a file under `docroot`: `/dir/` → `dir/index.html`.
/// Returns `None` for anything outside the docroot or not a file.
fn resolve(docroot: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let mut file = docroot.to_path_buf();
    for part in Path::new(path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(name) => file.push(name),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.ends_with('/') || file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// Answers one request (GET or HEAD) and closes the connection.
fn serve(mut stream: TcpStream, docroot: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");

    let (status, file) = match resolve(docroot, target) {
        Some(file) => ("200 OK", Some(file)),
        None => ("404 Not Found", resolve(docroot, "/404.html")),
    };
    let (status, body, ctype) = match (method, file) {
        ("GET" | "HEAD", Some(file)) => (status, std::fs::read(&file)?, content_type(&file)),
        ("GET" | "HEAD", None) => (status, b"not found".to_vec(), "text/plain; charset=utf-8"),
        _ => (
            "405 Method Not Allowed",
            Vec::new(),
            "text/plain; charset=utf-8",
        ),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

fn node(root: &Path, script: &str, args: &[String]) -> (bool, String) {
    let out = Command::new("node")
        .current_dir(root)
        .arg(script)
        .args(args)
        .output()
        .expect("run node (is it installed?)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{text}");
    (out.status.success(), text)
}

/// Types a word from a decline reason into the search page and finds the question.
#[test]
fn search_finds_a_question_by_a_word_from_its_decline_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let site = afspraak::check(root, None)
        .unwrap()
        .site
        .expect("the bundled site checks");
    let (contract, question, word) = site
        .public_contracts()
        .flat_map(|c| c.questions.iter().map(move |q| (c, q)))
        .find_map(|(c, q)| match &q.outcome {
            afspraak::model::Outcome::Declined { reason, .. } => reason
                .0
                .split(|ch: char| !ch.is_alphabetic())
                .filter(|w| w.chars().count() >= 9 && !q.title.contains(*w))
                .max_by_key(|w| w.len())
                .map(|w| (c, q, w.to_string())),
            _ => None,
        })
        .expect("a declined question with a long word in its reason");
    let slug = &site.neighbourhood(contract.neighbourhood).slug;
    let expected = format!("/wijken/{slug}/{}/{}/", contract.year, question.id);
    let (_tmp, _public, port) = build_and_serve(root);
    let base = format!("http://127.0.0.1:{port}");
    // The word as typed, upper-cased, and cut to a prefix: all must find it.
    let prefix: String = word.chars().take(6).collect();
    for query in [word.clone(), word.to_uppercase(), prefix] {
        let (ok, text) = node(
            root,
            "tests/browser/search.mjs",
            &[base.clone(), query.clone(), expected.clone()],
        );
        assert!(ok, "searching {query:?} did not find {expected}:\n{text}");
    }
    // Filters narrow the results: the right neighbourhood and outcome keep it.
    let (ok, text) = node(
        root,
        "tests/browser/search.mjs",
        &[
            base.clone(),
            word.clone(),
            expected.clone(),
            format!("wijk={slug}"),
            "uitkomst=declined".into(),
        ],
    );
    assert!(ok, "filtered search lost the question:\n{text}");
    let (ok, _) = node(
        root,
        "tests/browser/search.mjs",
        &[base, word, expected, "uitkomst=resolved".into()],
    );
    assert!(!ok, "the outcome filter let a declined question through");
}

/// The whole-site search in a real browser, with the keyboard only: a Dutch
/// stem finds its inflected form, a compound's end finds the compound, a news
/// item is found, the filters narrow the results and stay in the address, a
/// query without hits suggests what to try next, and the page passes axe with
/// the results on screen (focus moves to them; the count is a status message).
#[test]
fn search_stems_folds_filters_and_suggests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let site = afspraak::check(root, None)
        .unwrap()
        .site
        .expect("the bundled site checks");
    // A question that says "bomen" and never "boom": the query "boom" finds it by its stem.
    let (contract, question) = site
        .public_contracts()
        .flat_map(|c| c.questions.iter().map(move |q| (c, q)))
        .find(|(_, q)| {
            let text = format!(
                "{} {} {}",
                q.title,
                q.asked.0,
                q.answer.as_ref().map_or("", |a| a.0.as_str())
            )
            .to_lowercase();
            text.contains("bomen") && !text.contains("boom")
        })
        .expect("a question about trees in the plural");
    let slug = &site.neighbourhood(contract.neighbourhood).slug;
    let expected = format!("/wijken/{slug}/{}/{}/", contract.year, question.id);
    let state = question
        .delivery(site.today())
        .map(|d| afspraak::model::Keyword::key(d).to_string());
    let news = site
        .updates
        .iter()
        .find(|u| u.title.contains("Moestuin") && u.is_public(site.as_of))
        .expect("the news item about the vegetable garden");
    let news_url = format!("/nieuws/{}/", news.slug);
    let (_tmp, _public, port) = build_and_serve(root);
    let base = format!("http://127.0.0.1:{port}");
    let run = |args: &[&str]| {
        let mut all = vec![base.clone()];
        all.extend(args.iter().map(|a| a.to_string()));
        node(root, "tests/browser/search.mjs", &all)
    };
    let (ok, text) = run(&["boom", &expected, "--audit"]);
    assert!(
        ok,
        "the stem did not find {expected}, or the audit failed:\n{text}"
    );
    let (ok, text) = run(&["moestuin", &news_url]);
    assert!(ok, "news is not found:\n{text}");
    // "cafe" is the end of "Taalcafé": folded and matched inside the compound.
    let (ok, text) = run(&["cafe", "/wijken/meerwijk/2026/5/"]);
    assert!(ok, "the compound was not found:\n{text}");
    // "Fröbelstraat" without its umlaut, folded or spelled out.
    for query in ["frobelstraat", "froebelstraat", "Fröbelstraat"] {
        let (ok, text) = run(&[query, "/wijken/meerwijk/2025/4/"]);
        assert!(ok, "{query} did not find the Fröbelstraat:\n{text}");
    }
    let (ok, text) = run(&["boom", &format!("/en{expected}"), "--en"]);
    assert!(
        ok,
        "the English page does not link to English pages:\n{text}"
    );
    let year = format!("jaar={}", contract.year);
    let wijk = format!("wijk={slug}");
    let mut filtered = vec!["bomen", &expected, &wijk, &year];
    let stand;
    if let Some(s) = &state {
        stand = format!("stand={s}");
        filtered.push(&stand);
    }
    let (ok, text) = run(&filtered);
    assert!(ok, "the filters lost the question:\n{text}");
    let other = if afspraak::model::Keyword::key(question.outcome.kind()) == "resolved" {
        "declined"
    } else {
        "resolved"
    };
    let (ok, text) = run(&["bomen", &expected, &format!("uitkomst={other}")]);
    assert!(!ok, "the outcome filter let a question through:\n{text}");
    // A neighbourhood where nothing mentions a vegetable garden: the filter leaves nothing,
    // and the page suggests searching without it.
    let treeless = site
        .neighbourhoods
        .iter()
        .enumerate()
        .find(|(i, _)| {
            let mut texts = Vec::new();
            for c in site
                .public_contracts()
                .filter(|c| c.neighbourhood.index() == *i)
            {
                for q in &c.questions {
                    texts.push(format!("{:?}", q).to_lowercase());
                }
            }
            for u in &site.updates {
                if u.neighbourhoods.iter().any(|n| n.index() == *i) {
                    texts.push(format!("{} {}", u.title, u.body.0).to_lowercase());
                }
            }
            let has_contract = site
                .public_contracts()
                .any(|c| c.neighbourhood.index() == *i);
            has_contract && texts.iter().all(|t| !t.contains("moestuin"))
        })
        .map(|(_, n)| n.slug.clone())
        .expect("a neighbourhood without a vegetable garden");
    let (ok, text) = run(&[
        "moestuin",
        "-",
        &format!("wijk={treeless}"),
        "--nohits",
        "--audit",
    ]);
    assert!(ok, "no hits, no suggestions:\n{text}");
    let (ok, text) = run(&["bomenxq", "-", "--nohits"]);
    assert!(ok, "no hits, no suggestions:\n{text}");
}

/// `afspraak serve` in a real browser: an edit appears without reloading by
/// hand, a broken edit shows the overlay with file and line, a fix removes it.
#[test]
fn serve_reloads_the_open_page_and_shows_errors_over_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    for entry in walkdir::WalkDir::new(root.join("tests/fixtures/build-site")) {
        let entry = entry.unwrap();
        let target = site.join(
            entry
                .path()
                .strip_prefix(root.join("tests/fixtures/build-site"))
                .unwrap(),
        );
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_afspraak"))
        .args([
            "serve",
            "--root",
            site.to_str().unwrap(),
            "--port",
            &port.to_string(),
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(std::time::Instant::now() < deadline, "serve did not start");
        thread::sleep(std::time::Duration::from_millis(50));
    }
    let contract = site.join("content/contracts/meerwijk/2011.yaml");
    let yaml = std::fs::read_to_string(&contract).unwrap();
    let site_model = afspraak::check(&site, None).unwrap().site.unwrap();
    let (_, question) = site_model
        .find_question(&afspraak::model::QuestionRef::parse("meerwijk/2011/7").unwrap())
        .unwrap();
    assert!(yaml.contains(&question.title));
    let (ok, text) = node(
        root,
        "tests/browser/serve.mjs",
        &[
            format!("http://127.0.0.1:{port}/wijken/meerwijk/2011/7/"),
            contract.to_str().unwrap().to_string(),
            question.title.clone(),
            "Een titel die de redacteur net opsloeg".to_string(),
        ],
    );
    let _ = server.kill();
    let _ = server.wait();
    assert!(ok, "{text}");
}

/// The editor of `afspraak serve` in a real browser (tests/browser/editor.mjs):
/// Bewerken on a question, a new title and a progress entry, Opslaan; the
/// YAML holds the new values with every comment line still there, `check`
/// passes, and the page shows the change without a manual reload. The
/// editor's pages pass axe and work without JavaScript.
#[test]
fn the_editor_saves_a_question_from_the_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    for entry in walkdir::WalkDir::new(root.join("tests/fixtures/build-site")) {
        let entry = entry.unwrap();
        let target = site.join(
            entry
                .path()
                .strip_prefix(root.join("tests/fixtures/build-site"))
                .unwrap(),
        );
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    let contract = site.join("content/contracts/meerwijk/2011.yaml");
    let yaml = std::fs::read_to_string(&contract).unwrap();
    let yaml = format!(
        "# Wijkcontract Meerwijk 2011, bijgehouden door de wijkredactie.\n{}",
        yaml.replacen(
            "    outcome: honoured\n",
            "    outcome: honoured          # zoals getekend\n    # de aannemer is gekozen in mei\n",
            1
        )
    );
    std::fs::write(&contract, &yaml).unwrap();
    let comments: Vec<String> = yaml
        .lines()
        .filter(|l| l.contains('#'))
        .map(str::to_owned)
        .collect();
    assert_eq!(comments.len(), 3);
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_afspraak"))
        .args(["serve", "--root", site.to_str().unwrap(), "--port"])
        .arg(port.to_string())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(std::time::Instant::now() < deadline, "serve did not start");
        thread::sleep(std::time::Duration::from_millis(50));
    }
    // The Nu HTML Checker over the editor's pages, as served.
    let pages = tmp.path().join("editor-pages");
    std::fs::create_dir_all(&pages).unwrap();
    for (name, path) in [
        ("vraag", "/__afspraak/bewerken/vraag/meerwijk/2011/7"),
        ("stand", "/__afspraak/bewerken/stand/meerwijk/2011/7"),
        ("termijn", "/__afspraak/bewerken/termijn/meerwijk/2011/7"),
        ("betwist", "/__afspraak/bewerken/betwist/meerwijk/2011/7"),
        (
            "nieuwe-vraag",
            "/__afspraak/bewerken/nieuwe-vraag/meerwijk/2011",
        ),
        ("contract", "/__afspraak/bewerken/contract/meerwijk/2011"),
        (
            "nieuw-contract",
            "/__afspraak/bewerken/nieuw-contract/meerwijk",
        ),
        ("nieuws", "/__afspraak/bewerken/nieuws"),
        ("vraagpagina", "/wijken/meerwijk/2011/7/"),
    ] {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        std::io::Read::read_to_string(&mut s, &mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{path}: {answer}");
        let body = &answer[answer.find("\r\n\r\n").unwrap() + 4..];
        std::fs::write(pages.join(format!("{name}.html")), body).unwrap();
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(root.join(VNU_JAR))
        .args(["--errors-only", "--skip-non-html"])
        .arg(&pages)
        .output()
        .expect("run java -jar vnu.jar");
    assert!(
        out.status.success(),
        "the Nu HTML Checker found errors in the editor's pages:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let title = "Vier lantaarnpalen langs het pad: opgeslagen in de browser";
    let (ok, text) = node(
        root,
        "tests/browser/editor.mjs",
        &[
            format!("http://127.0.0.1:{port}"),
            "/wijken/meerwijk/2011/7/".to_string(),
            title.to_string(),
        ],
    );
    let _ = server.kill();
    let _ = server.wait();
    assert!(ok, "{text}");
    let after = std::fs::read_to_string(&contract).unwrap();
    assert!(
        after.contains(&format!("    title: \"{title}\"\n")),
        "{after}"
    );
    assert!(
        after.contains(
            "      - { date: 2011-10-20, state: done, note: De lantaarnpalen staan er. }\n"
        ),
        "{after}"
    );
    for line in &comments {
        assert!(
            after.contains(line.as_str()),
            "the comment `{line}` is gone:\n{after}"
        );
    }
    let check = Command::new(env!("CARGO_BIN_EXE_afspraak"))
        .args(["check", "--root", site.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Residents first (tests/browser/residents.mjs): every question page's answer
/// on a phone's first screen, badges that never contradict the derived state,
/// sharing metadata with a real share image, Dutch text marked on /en/ pages,
/// and tables that reflow at 320 px.
#[test]
fn bundled_site_puts_residents_first() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let (_tmp, _public, port) = build_and_serve(root);
    let mut args = vec![format!("http://127.0.0.1:{port}")];
    args.extend(PAGES.iter().map(|p| (*p).to_owned()));
    args.extend(PAGES.iter().map(|p| format!("/en{p}")));
    let (ok, text) = node(root, "tests/browser/residents.mjs", &args);
    assert!(ok, "residents first:\n{text}");
}

/// The printed contract, printed by Chromium: A4 pages, and every QR code on
/// them, read back from the rendered PDF by a real decoder (zbarimg), is the
/// short link of a question or of the contract, whose page forwards there.
#[test]
fn the_printed_contract_is_a4_and_its_qr_codes_scan() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    for tool in ["pdftoppm", "zbarimg"] {
        assert!(
            Command::new(tool).arg("-h").output().is_ok(),
            "this test needs {tool} (run `apt-get install poppler-utils zbar-tools`)"
        );
    }
    let (tmp, public, port) = build_and_serve(root);
    let pdf = tmp.path().join("print.pdf");
    let url = format!("http://127.0.0.1:{port}/wijken/meerwijk/2025/afdrukken/");
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&url)
        .output()
        .expect("run chromium");
    assert!(
        pdf.is_file(),
        "chromium printed no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let boxes: Vec<&str> = text
        .split("/MediaBox [")
        .skip(1)
        .map(|s| s.split(']').next().unwrap())
        .collect();
    assert!(!boxes.is_empty());
    for b in &boxes {
        let n: Vec<f64> = b.split_whitespace().map(|x| x.parse().unwrap()).collect();
        // A4 is 595.3 × 841.9 points.
        assert!(
            (n[2] - 595.3).abs() < 2.0 && (n[3] - 841.9).abs() < 2.0,
            "not A4: {b}"
        );
    }
    let prefix = tmp.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "200"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
    let mut decoded = Vec::new();
    for entry in std::fs::read_dir(tmp.path()).unwrap().flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|x| x == "png") {
            let o = Command::new("zbarimg")
                .args(["-q", "--raw"])
                .arg(&p)
                .output()
                .unwrap();
            decoded.extend(
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .map(str::to_string),
            );
        }
    }
    let html =
        std::fs::read_to_string(public.join("wijken/meerwijk/2025/afdrukken/index.html")).unwrap();
    let expected = html.matches("<svg class=\"qr\"").count();
    assert_eq!(decoded.len(), expected, "every QR code scans: {decoded:?}");
    let record = std::fs::read_to_string(root.join("published.txt")).unwrap();
    for link in &decoded {
        let code = link
            .strip_prefix("https://wijkcontracten.example.nl/k/")
            .and_then(|c| c.strip_suffix('/'))
            .unwrap_or_else(|| panic!("{link} is not a short link"));
        let line = record
            .lines()
            .find(|l| l.ends_with(&format!("\tk={code}")))
            .unwrap_or_else(|| panic!("{code} is not in the record"));
        let target = line.split('\t').next().unwrap();
        assert!(
            target.starts_with("/wijken/meerwijk/2025/"),
            "{link} leads to {target}"
        );
        let forward = std::fs::read_to_string(public.join(format!("k/{code}/index.html"))).unwrap();
        assert!(
            forward.contains(&format!("url={target}\"")),
            "{code} forwards to {target}"
        );
    }
}

/// The press card renders inside an `<iframe>` on a page of another origin
/// (another port on 127.0.0.1), 360 px wide, with its links opening in the parent.
#[test]
fn the_press_card_renders_in_an_iframe_of_another_origin() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if !browser_available(root) {
        return;
    }
    let (_tmp, _public, port) = build_and_serve(root);
    let embedding = format!(
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Persbericht</title></head><body><h1>Persbericht</h1><iframe src=\"http://127.0.0.1:{port}/wijken/meerwijk/kaart/\" title=\"Wijkcontract Meerwijk in cijfers\" width=\"360\" height=\"820\" style=\"border:0\"></iframe></body></html>"
    );
    let other = TcpListener::bind("127.0.0.1:0").expect("bind");
    let other_port = other.local_addr().unwrap().port();
    thread::spawn(move || {
        for mut stream in other.incoming().flatten() {
            let mut request = [0u8; 2048];
            let _ = std::io::Read::read(&mut stream, &mut request);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{embedding}",
                embedding.len()
            );
        }
    });
    let (ok, text) = node(
        root,
        "tests/browser/card.mjs",
        &[format!("http://127.0.0.1:{other_port}/")],
    );
    assert!(ok, "the press card in an iframe:\n{text}");
}
