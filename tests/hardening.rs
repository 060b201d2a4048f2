//! Hardening (issue 8): hostile text in every field stays inert in every output
//! file; hostile files end `check` quickly with a clear diagnostic; a build
//! killed at any moment leaves the old site or the new one; and the fuzzers'
//! crashing inputs are replayed as ordinary tests.

mod hardening_support;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hardening_support::*;
use tempfile::TempDir;

// ---------------------------------------------------------------------------
// 1. Hostile text everywhere
// ---------------------------------------------------------------------------

/// Template syntax that must come out as typed, never evaluated.
const TEMPLATE: &str = "TPL{{ 7*7 }}TPL {% raw %}RAWTAG{% endraw %} {# c #}";
const EVALUATED: &str = "TPL49TPL";

/// The hostile text for one field. `lead` is the first character, so that
/// every formula start (= + - @) reaches some CSV cell.
fn payload(lead: char, field: &str) -> String {
    format!(
        "{lead}cmd|' /C calc'!A0 HOSTILE-{field} <script>alert(1)</script> \"><svg onload=alert(1)> \
         '><img src=x onerror=alert(1)> ]]></content><script>alert(2)</script> </title><script>alert(3)</script> \
         {TEMPLATE} \u{202E}gnp.exe \u{7}\u{1b}[31m\u{8}\u{b}\u{c}\u{7f}\u{85} &amp; &lt;b&gt; &#x6A;"
    )
}

/// Markdown-only extras: script links in every spelling.
fn markdown_payload(lead: char, field: &str) -> String {
    format!(
        "{}\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](  javascript:alert(1)) \
         [d](java\tscript:alert(1)) [e](&#106;avascript:alert(1)) [f](javascript&colon;alert(1)) \
         [g](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [h](vbscript:msgbox(1)) \
         ![i](javascript:alert(1)) ![j](x \"onerror=alert(1)\") <a href=\"javascript:alert(1)\">k</a> \
         <a href=\"https://ok.example\" onclick=\"alert(1)\">l</a> <iframe src=\"javascript:alert(1)\"></iframe> \
         <style>body{{background:url(javascript:alert(1))}}</style> <math><mi xlink:href=\"javascript:alert(1)\">m</mi></math> \
         <details open ontoggle=alert(1)>n</details> [ref]\n\n[ref]: javascript:alert(1)\n\n\
         ```\n</code><script>alert(4)</script>\n```\n\n<!-- --><script>alert(5)</script> -->\n",
        payload(lead, field)
    )
}

/// A YAML double-quoted scalar (JSON strings are valid ones).
fn y(s: &str) -> String {
    // YAML takes no raw DEL; JSON leaves it raw.
    serde_json::to_string(s)
        .unwrap()
        .replace('\u{7f}', "\\u007F")
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Hands out the four formula starts in turn.
struct Leads(std::cell::Cell<usize>);
impl Leads {
    fn next(&self) -> char {
        self.0.set(self.0.get() + 1);
        ['=', '+', '-', '@'][self.0.get() % 4]
    }
}

/// The build fixture with hostile text in every text field.
fn hostile_site(root: &Path) {
    copy_site(&repo().join("tests/fixtures/build-site"), root);
    let l = Leads(Default::default());
    let p = |f: &str| y(&payload(l.next(), f));
    let site_toml = format!(
        "title = {}\ndescription = {}\nbase_url = \"https://wijkcontracten.example.nl\"\nlanguage = \"nl\"\n\
         languages = [\"nl\", \"en\"]\ntheme = \"default\"\noutput_dir = \"public\"\n\
         council = {{ singular = \"wijkplatform\", plural = \"wijkplatforms\" }}\nas_of = 2011-12-31T12:00:00\n\n\
         [privacy]\nallow = [\"14 023\"]\n\n[notice]\ntext = {}\n\n[open_data]\npublisher = {{ name = \"Gemeente\" }}\ncontact = {{ name = \"Team\", email = \"team@example.nl\" }}\n",
        toml_str(&payload('=', "site-title")),
        toml_str(&payload('+', "site-description")),
        toml_str(&markdown_payload('-', "site-notice")),
    );
    fs::write(root.join("site.toml"), site_toml).unwrap();
    let c = root.join("content");
    fs::write(
        c.join("districts.yaml"),
        format!(
            "- slug: schalkwijk\n  name: {}\n  description: {}\n  neighbourhoods:\n    - slug: meerwijk\n      name: {}\n      focus: true\n      council: {}\n    - slug: europawijk\n      name: {}\n      council: {}\n    - slug: boerhaavewijk\n      name: Boerhaavewijk\n      council: Wijkplatform Boerhaavewijk\n- slug: noord\n  name: Noord\n  neighbourhoods:\n    - slug: delftwijk\n      name: Delftwijk\n      council: Wijkplatform Delftwijk\n",
            p("district-name"), p("district-description"), p("neighbourhood-name"), p("council"), p("neighbourhood-name-2"), p("council-2")
        ),
    )
    .unwrap();
    fs::write(
        c.join("partners.yaml"),
        format!(
            "- slug: gemeente\n  name: {}\n  kind: municipality\n  url: https://www.example.nl/gemeente\n  description: {}\n- slug: elan-wonen\n  name: {}\n  kind: housing\n  url: https://www.example.nl/elan-wonen\n  description: {}\n",
            p("partner-name"), p("partner-description"), p("partner-name-2"), p("partner-description-2")
        ),
    )
    .unwrap();
    fs::write(
        c.join("topics.yaml"),
        format!(
            "- slug: veilig\n  name: {}\n  description: {}\n- slug: sociaal\n  name: {}\n  description: {}\n- slug: heel\n  name: {}\n  description: {}\n",
            p("topic-name"), p("topic-description"), p("topic-name-2"), p("topic-description-2"), p("topic-name-3"), p("topic-description-3")
        ),
    )
    .unwrap();
    let m = |f: &str| y(&markdown_payload(l.next(), f));
    let contract = format!(
        "period: {{ from: 2011-04-01, to: 2012-03-31 }}\nsigned: 2011-04-12\nsignatories: [wijkraad, gemeente, elan-wonen]\ncollected_via: [walk, meeting]\nquestions:\n\
\x20 - id: 6\n    title: {}\n    channel: walk\n    topic: heel\n    location: {}\n    asked: {}\n    partner: gemeente\n    outcome: honoured\n    when: 2011-06\n    answer: {}\n    progress:\n      - {{ date: 2011-06-10, state: started, note: {} }}\n      - {{ date: 2011-06-20, state: done, note: {} }}\n    disputed: {{ date: 2011-09-01, note: {} }}\n\
\x20 - id: 7\n    title: {}\n    channel: walk\n    topic: veilig\n    location: {}\n    asked: {}\n    partner: gemeente\n    outcome: honoured\n    when: 2011-10\n    answer: {}\n    rescheduled:\n      - {{ date: 2011-09-01, when: 2012-Q1, reason: {} }}\n\
\x20 - id: 8\n    title: {}\n    kind: initiative\n    channel: meeting\n    topic: sociaal\n    asked: {}\n    partner: gemeente\n    outcome: declined\n    ground: financial\n    reason: {}\n    revised:\n      - {{ date: 2011-08-01, from: honoured, reason: {} }}\n\
\x20 - id: 9\n    title: {}\n    channel: meeting\n    topic: heel\n    asked: {}\n    partner: gemeente\n    outcome: scheduled\n    when: 2013\n    planning_adjusted: false\n    reason: {}\n\
\x20 - id: 10\n    title: {}\n    channel: meeting\n    topic: sociaal\n    asked: {}\n    partner: elan-wonen\n    outcome: prioritised\n    report_by: 2011-11\n    decision: {{ date: 2011-11-30, included: true, note: {} }}\n\
\x20 - id: 11\n    title: {}\n    channel: walk\n    topic: heel\n    follows: delftwijk/2010/4\n    asked: {}\n    partner: gemeente\n    outcome: resolved\n    answer: {}\n",
        p("q6-title"),
        p("q6-location"),
        m("q6-asked"),
        m("q6-answer"),
        p("q6-progress-note"),
        m("q6-progress-note-2"),
        m("q6-disputed-note"),
        p("q7-title"),
        p("q7-location"),
        m("q7-asked"),
        m("q7-answer"),
        p("q7-move-reason"),
        p("q8-title"),
        m("q8-asked"),
        m("q8-reason"),
        p("q8-revision-reason"),
        p("q9-title"),
        m("q9-asked"),
        m("q9-reason"),
        p("q10-title"),
        m("q10-asked"),
        m("q10-decision-note"),
        p("q11-title"),
        m("q11-asked"),
        m("q11-answer"),
    );
    fs::write(c.join("contracts/meerwijk/2011.yaml"), contract).unwrap();
    fs::write(
        c.join("contracts/meerwijk/2011.md"),
        markdown_payload('=', "contract-narrative"),
    )
    .unwrap();
    let updates = c.join("updates");
    fs::remove_dir_all(&updates).unwrap();
    fs::create_dir_all(&updates).unwrap();
    fs::write(
        updates.join("2011-10-21-lantaarnpalen.md"),
        format!(
            "---\ntitle: {}\ndate: 2011-10-21\nsummary: {}\nneighbourhoods: [meerwijk]\nquestions: [meerwijk/2011/7]\n---\n{}",
            p("update-title"), p("update-summary"), markdown_payload('@', "update-body")
        ),
    )
    .unwrap();
    fs::write(
        updates.join("2011-11-02-zonder-samenvatting.md"),
        format!(
            "---\ntitle: {}\ndate: 2011-11-02\n---\n{}",
            p("update2-title"),
            markdown_payload('+', "update2-body")
        ),
    )
    .unwrap();
    fs::write(
        c.join("pages/over.md"),
        format!(
            "---\ntitle: {}\nsummary: {}\n---\n{}",
            p("page-title"),
            p("page-summary"),
            markdown_payload('-', "page-body")
        ),
    )
    .unwrap();
    fs::write(
        c.join("neighbourhoods/meerwijk.md"),
        markdown_payload('=', "intro-body"),
    )
    .unwrap();
    fs::write(
        c.join("_index.md"),
        format!(
            "---\ntitle: {}\n---\n{}",
            p("home-title"),
            markdown_payload('@', "home-body")
        ),
    )
    .unwrap();
}

/// The theme's own script tags: the only ones allowed anywhere.
const THEME_SCRIPT: &str = r#"<script src="/static/search.js" defer></script>"#;

/// The theme's script tag as the search page has it: its address carries a
/// version from the file's content (`search.js?v=…`).
fn theme_script() -> String {
    let theme = afspraak::render::Theme::load(Path::new(env!("CARGO_MANIFEST_DIR")), "default")
        .expect("the default theme");
    format!(
        r#"<script src="{}" defer></script>"#,
        theme.asset_urls["search.js"]
    )
}

fn diagnostics_text(c: &afspraak::Checked) -> String {
    afspraak::diagnostic::render_human(&c.diagnostics, &c.sources, false)
}

fn build_hostile() -> (TempDir, BTreeMap<String, Vec<u8>>) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    hostile_site(&root);
    let out = tmp.path().join("out");
    let built = afspraak::build(&root, Some(&out), None).expect("build runs");
    assert!(
        built.succeeded(),
        "the hostile site must build (hostile text is allowed text):\n{}",
        diagnostics_text(&built.checked)
    );
    let files = tree(&out);
    (tmp, files)
}

#[test]
fn hostile_text_is_inert_in_every_output_file() {
    let (_tmp, files) = build_hostile();
    let mut problems = Vec::new();
    let mut seen_template = false;
    let mut csv_cells = 0;
    let mut hostile_cells = 0;
    let mut feeds = 0;
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        if text.contains(EVALUATED) {
            problems.push(format!(
                "{path}: template syntax was evaluated ({EVALUATED})"
            ));
        }
        if text.contains("TPL{{ 7*7 }}TPL")
            || text.contains("TPL{{ 7*7 }}TPL".replace('*', "\\u002a").as_str())
        {
            seen_template = true;
        }
        // Nothing of `serve`'s editor: no edit link, form or token.
        for trace in [
            "/__afspraak/bewerken",
            "afspraak-bewerken",
            "method=\"post\"",
            "name=\"token\"",
            "name=\"versie\"",
        ] {
            if text.contains(trace) {
                problems.push(format!(
                    "{path}: the editor's {trace} reached the built site"
                ));
            }
        }
        let ext = path.rsplit('.').next().unwrap_or("");
        match ext {
            "html" | "htm" => {
                let script = theme_script();
                let allowed: &[&str] =
                    if path.ends_with("zoeken/index.html") || path.ends_with("search/index.html") {
                        &[script.as_str()]
                    } else {
                        &[]
                    };
                for p in html_problems(&text, allowed) {
                    problems.push(format!("{path}: {p}"));
                }
            }
            "xml" => {
                // Forbidden control characters are a known bug with its own
                // test below; everything else about the XML is judged here.
                if let Err(e) = xml_well_formed(&without_xml_forbidden_chars(&text)) {
                    problems.push(format!("{path}: not well-formed XML: {e}"));
                }
                let lower = text.to_ascii_lowercase();
                if lower.contains("<script") {
                    problems.push(format!("{path}: a <script element in XML"));
                }
                if path.ends_with("atom.xml") || text.contains("http://www.w3.org/2005/Atom") {
                    feeds += 1;
                    match text.parse::<atom_syndication::Feed>() {
                        Err(e) => problems.push(format!("{path}: Atom feed does not parse: {e}")),
                        Ok(feed) => {
                            // Feed readers render html content: it must be as inert as a page.
                            let mut htmls = Vec::new();
                            let is_html = |t: &atom_syndication::Text| {
                                t.r#type != atom_syndication::TextType::Text
                            };
                            if is_html(feed.title()) {
                                htmls.push(feed.title().value.clone());
                            }
                            for e in feed.entries() {
                                if let Some(c) = e.content()
                                    && c.content_type().is_none_or(|t| t != "text")
                                {
                                    htmls.extend(c.value().map(str::to_string));
                                }
                                if let Some(s) = e.summary().filter(|s| is_html(s)) {
                                    htmls.push(s.value.clone());
                                }
                                if is_html(e.title()) {
                                    htmls.push(e.title().value.clone());
                                }
                            }
                            for h in htmls {
                                for p in html_problems(&h, &[]) {
                                    problems.push(format!("{path}: entry html: {p}"));
                                }
                            }
                        }
                    }
                }
            }
            "json" => {
                if let Err(e) = serde_json::from_slice::<serde_json::Value>(bytes) {
                    problems.push(format!("{path}: JSON does not parse: {e}"));
                }
            }
            "csv" => {
                let body = bytes
                    .strip_prefix("\u{feff}".as_bytes())
                    .unwrap_or_else(|| {
                        problems.push(format!("{path}: CSV has no BOM"));
                        bytes
                    });
                let mut r = csv::ReaderBuilder::new()
                    .delimiter(b';')
                    .has_headers(false)
                    .flexible(false)
                    .from_reader(body);
                for rec in r.records() {
                    match rec {
                        Err(e) => problems.push(format!("{path}: CSV does not parse: {e}")),
                        Ok(rec) => {
                            for cell in rec.iter() {
                                csv_cells += 1;
                                if let Some(c @ ('=' | '+' | '-' | '@' | '\t' | '\r')) =
                                    cell.chars().next()
                                {
                                    problems.push(format!(
                                        "{path}: cell starts with {c:?}: {:?}",
                                        &cell[..cell.len().min(40)]
                                    ));
                                }
                                if cell.contains("HOSTILE-") && cell.starts_with('\'') {
                                    hostile_cells += 1;
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        feeds > 0,
        "no Atom feed among {:?}",
        files.keys().collect::<Vec<_>>()
    );
    assert!(csv_cells > 0, "no CSV file was checked");
    assert!(
        hostile_cells >= 4,
        "the hostile cells were not found apostrophed ({hostile_cells})"
    );
    assert!(
        seen_template,
        "the template payload was not found verbatim in any output"
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Removes what XML 1.0 forbids (C0 controls but tab, LF and CR).
fn without_xml_forbidden_chars(text: &str) -> String {
    text.chars()
        .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

#[test]
fn feeds_with_control_characters_are_well_formed_xml() {
    let (_tmp, files) = build_hostile();
    let mut problems = Vec::new();
    for (path, bytes) in &files {
        if path.ends_with(".xml")
            && let Err(e) = xml_well_formed(&String::from_utf8_lossy(bytes))
        {
            problems.push(format!("{path}: {e}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every field's marker reaches the output: the payloads were really placed
/// (a field that silently vanished would make the test above vacuous).
#[test]
fn hostile_payloads_reach_the_output() {
    let (_tmp, files) = build_hostile();
    let all: String = files
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let fields = [
        "site-title",
        "site-description",
        "site-notice",
        "district-name",
        "neighbourhood-name",
        "council",
        "partner-name",
        "partner-description",
        "topic-name",
        "topic-description",
        "q6-title",
        "q6-location",
        "q6-asked",
        "q6-answer",
        "q6-progress-note",
        "q6-disputed-note",
        "q7-move-reason",
        "q8-reason",
        "q8-revision-reason",
        "q9-reason",
        "q10-decision-note",
        "update-title",
        "update-summary",
        "update-body",
        "page-title",
        "page-body",
        "intro-body",
        "home-body",
        "contract-narrative",
    ];
    let missing: Vec<&str> = fields
        .iter()
        .filter(|f| !all.contains(&format!("HOSTILE-{f} ")))
        .copied()
        .collect();
    assert!(missing.is_empty(), "fields not in any output: {missing:?}");
    // The promise record's texts are in the feeds too, so their checks above are not vacuous.
    let feeds: String = files
        .iter()
        .filter(|(path, _)| path.ends_with("atom.xml"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    for f in [
        "q6-progress-note",
        "q7-move-reason",
        "q8-revision-reason",
        "q10-decision-note",
    ] {
        assert!(
            feeds.contains(&format!("HOSTILE-{f} ")),
            "{f} is in no feed"
        );
    }
}

/// The same checks, unit-sized: the scanners catch live payloads (so a pass
/// above means something).
#[test]
fn the_scanners_catch_live_payloads() {
    assert!(!html_problems("<p><script>alert(1)</script></p>", &[]).is_empty());
    assert!(!html_problems("<svg onload=alert(1)>", &[]).is_empty());
    assert!(!html_problems("<a href=\" jav&#x61;script:x\">", &[]).is_empty());
    assert!(!html_problems("<img src=x onerror=alert(1)>", &[]).is_empty());
    assert!(html_problems("<p title=\"&quot; onload=alert(1)\">x onload=y</p>", &[]).is_empty());
    assert!(html_problems("<p>&lt;script&gt;</p>", &[]).is_empty());
    assert!(html_problems(THEME_SCRIPT, &[THEME_SCRIPT]).is_empty());
    assert!(xml_well_formed("<a><b x=\"1\">t &amp; u</b></a>").is_ok());
    assert!(xml_well_formed("<a><b></a>").is_err());
    assert!(xml_well_formed("<a>\u{7}</a>").is_err());
    assert!(xml_well_formed("<a>&#x7;</a>").is_err());
    assert!(xml_well_formed("<a>&nbsp;</a>").is_err());
}

// ---------------------------------------------------------------------------
// 2. Hostile files
// ---------------------------------------------------------------------------

#[derive(Debug)]
struct CheckRun {
    status: i32,
    elapsed: Duration,
    /// (code, file, line, column, message)
    diags: Vec<(String, String, usize, usize, String)>,
    stdout: String,
}

impl CheckRun {
    fn has(&self, code: &str, file: &str) -> bool {
        self.diags.iter().any(|d| d.0 == code && d.1 == file)
    }
    fn about(&self, file: &str) -> Vec<&(String, String, usize, usize, String)> {
        self.diags.iter().filter(|d| d.1 == file).collect()
    }
}

/// `afspraak check --format json` on `root`, killed after `limit` so that a
/// hang fails the test instead of hanging it.
fn check_bin(root: &Path, limit: Duration) -> CheckRun {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run afspraak");
    let stdout_pipe = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::BufReader::new(stdout_pipe), &mut s).ok();
        s
    });
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("afspraak check did not finish within {limit:?} (killed)");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let elapsed = start.elapsed();
    let stdout = reader.join().unwrap();
    let code = status
        .code()
        .unwrap_or_else(|| panic!("afspraak check died of a signal: {status:?}; stdout {stdout}"));
    let json: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}), exit {code}: {stdout:.2000}"));
    let diags = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap() as usize,
                d["column"].as_u64().unwrap() as usize,
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    CheckRun {
        status: code,
        elapsed,
        diags,
        stdout,
    }
}

const CONTRACT: &str = "content/contracts/meerwijk/2011.yaml";
const PAGE: &str = "content/pages/over.md";
/// Quick checks must end within this: a guard against a blow-up on hostile
/// input (they take well under a second), not a speed measurement, so it
/// leaves room for a debug build on a small, busy machine.
const QUICK: Duration = Duration::from_secs(5);
/// Generous, for inputs that are large on purpose (a debug build parses slowly).
const GENEROUS: Duration = Duration::from_secs(10);

fn base_site() -> TempDir {
    let tmp = TempDir::new().unwrap();
    copy_site(&repo().join("tests/fixtures/base"), tmp.path());
    tmp
}

/// No panic, no signal, status 0 or 1, within `limit`; status 1 iff an error is reported.
#[track_caller]
fn sane(run: &CheckRun, limit: Duration) {
    assert!(
        run.elapsed <= limit,
        "check took {:?}, more than {limit:?}",
        run.elapsed
    );
    assert!(
        run.status == 0 || run.status == 1,
        "exit status {} (0 or 1 expected): {}",
        run.status,
        run.stdout
    );
    assert!(
        !run.stdout.contains("panicked"),
        "a panic message in the report: {}",
        run.stdout
    );
}

#[test]
fn baseline_fixture_checks_clean_and_fast() {
    let site = base_site();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    assert_eq!(run.status, 0, "{:?}", run.diags);
}

#[test]
fn contract_over_ten_megabytes_is_refused_unread() {
    let site = base_site();
    let path = site.path().join(CONTRACT);
    let mut text = fs::read_to_string(&path).unwrap();
    let line = "# padding padding padding padding padding padding padding padding padding\n";
    while text.len() <= 10 * 1024 * 1024 + 10 {
        text.push_str(line);
    }
    fs::write(&path, text).unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    assert_eq!(run.status, 1);
    assert!(run.has("file-too-large", CONTRACT), "{:?}", run.diags);
}

#[test]
fn alias_bomb_is_stopped() {
    let site = base_site();
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    bomb.push_str("questions: *i\n");
    fs::write(site.path().join(CONTRACT), bomb).unwrap();
    let run = check_bin(site.path(), GENEROUS);
    // Generous: the parser expands 250,000 nodes before its budget stops it
    // (about 1 s in a debug build).
    sane(&run, GENEROUS);
    assert!(run.has("yaml-too-complex", CONTRACT), "{:?}", run.diags);
    assert_eq!(run.status, 1);
    assert!(!run.about(CONTRACT).is_empty(), "{:?}", run.diags);
    assert!(run.diags.len() < 50, "{} diagnostics", run.diags.len());
}

#[test]
fn ten_thousand_deep_nesting_is_stopped() {
    for (name, text) in [
        (
            "flow",
            format!("questions: {}{}\n", "[".repeat(10_000), "]".repeat(10_000)),
        ),
        (
            "flow-map",
            format!(
                "questions: {}1{}\n",
                "{a: ".repeat(10_000),
                "}".repeat(10_000)
            ),
        ),
        ("block", {
            let mut s = String::from("questions:\n");
            for d in 1..10_000 {
                s.push_str(&" ".repeat(d));
                s.push_str("- \n");
            }
            s
        }),
    ] {
        let site = base_site();
        fs::write(site.path().join(CONTRACT), &text).unwrap();
        let run = check_bin(site.path(), GENEROUS);
        sane(&run, if name == "block" { GENEROUS } else { QUICK });
        assert_eq!(run.status, 1, "{name}");
        assert!(!run.about(CONTRACT).is_empty(), "{name}: {:?}", run.diags);
    }
}

#[test]
fn one_megabyte_single_line() {
    // As a YAML value, as junk YAML, and as a Markdown body.
    let site = base_site();
    let path = site.path().join(CONTRACT);
    let text = fs::read_to_string(&path).unwrap();
    let long = "x".repeat(1024 * 1024);
    let text = text.replacen("title: ", &format!("title: {long} "), 1);
    fs::write(&path, text).unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, GENEROUS);

    let site = base_site();
    fs::write(
        site.path().join(CONTRACT),
        format!("{{{}", "[a, ".repeat(256 * 1024)),
    )
    .unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, GENEROUS);
    assert_eq!(run.status, 1);
    assert!(!run.about(CONTRACT).is_empty(), "{:?}", run.diags);
    assert!(
        run.stdout.len() < 200_000,
        "the report repeats the megabyte line: {} bytes",
        run.stdout.len()
    );

    let site = base_site();
    fs::write(
        site.path().join(PAGE),
        format!("---\ntitle: Lang\n---\n{long}"),
    )
    .unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, GENEROUS);
    assert_eq!(run.status, 0, "{:?}", run.diags);
}

#[test]
fn symlink_outside_the_site_is_never_read() {
    let site = base_site();
    let outside = TempDir::new().unwrap();
    let secret = outside.path().join("secret.md");
    fs::write(&secret, "---\ntitle: SECRETMARKER\n---\nSECRETMARKER\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.path().join("content/pages/geheim.md")).unwrap();
    // A link to a folder outside, too.
    std::os::unix::fs::symlink(outside.path(), site.path().join("content/updates/buiten")).unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    assert_eq!(run.status, 1);
    assert!(
        run.has("unreadable-file", "content/pages/geheim.md"),
        "{:?}",
        run.diags
    );
    assert!(!run.stdout.contains("SECRETMARKER"));
    // The library never holds the text either.
    let checked = afspraak::check(site.path(), None).unwrap();
    for (_, f) in checked.sources.files() {
        assert!(!f.text.contains("SECRETMARKER"), "{} was read", f.path);
    }
}

#[test]
fn odd_file_names() {
    let site = base_site();
    let page = "---\ntitle: Vreemd\n---\nTekst.\n";
    let names = [
        "content/pages/café-ü.md",
        "content/pages/\u{5e9}\u{5dc}\u{5d5}\u{5dd}.md",
        "content/pages/evil\u{202E}dm.exe.md",
        "content/pages/a..b.md",
        "content/pages/..md",
        "content/pages/ spatie .md",
        "content/updates/2011-10-22-\u{645}\u{631}\u{62d}\u{628}\u{627}.md",
    ];
    for n in names {
        let p = site.path().join(n);
        fs::write(&p, page).unwrap();
    }
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    // Every diagnostic names a real file of the site.
    for d in &run.diags {
        assert!(
            site.path().join(&d.1).exists(),
            "diagnostic for a file that is not there: {d:?}"
        );
    }
    // Names that cannot be slugs are named, each in its own diagnostic.
    for n in [
        "content/pages/café-ü.md",
        "content/pages/evil\u{202E}dm.exe.md",
        "content/pages/a..b.md",
    ] {
        assert!(
            !run.about(n).is_empty(),
            "{n}: no diagnostic among {:?}",
            run.diags
        );
    }
    assert_eq!(run.status, 1);
    // The build must not write files outside the output folder either.
    let out = TempDir::new().unwrap();
    let built = afspraak::build(site.path(), Some(&out.path().join("public")), None).unwrap();
    assert!(!built.succeeded());
}

#[test]
fn non_utf8_folder_name_does_not_shift_the_path() {
    use std::os::unix::ffi::OsStrExt;
    let site = base_site();
    let dir = site
        .path()
        .join("content")
        .join(std::ffi::OsStr::from_bytes(b"x\xff"))
        .join("pages");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("sneaky.md"),
        "---\ntitle: SNEAKYMARKER\n---\nSNEAKYMARKER\n",
    )
    .unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    let checked = afspraak::check(site.path(), None).unwrap();
    let site_model = checked.site.expect("valid otherwise");
    let out = TempDir::new().unwrap();
    let files = afspraak::generate(site.path(), &site_model).unwrap();
    let _ = out;
    assert!(
        !files.keys().any(|k| k.contains("sneaky")),
        "content/x\\xff/pages/sneaky.md was published as the page pages/sneaky: {:?}",
        files
            .keys()
            .filter(|k| k.contains("sneaky"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn folder_named_like_a_file() {
    let site = base_site();
    fs::create_dir_all(site.path().join("content/contracts/meerwijk/2012.yaml")).unwrap();
    fs::create_dir_all(site.path().join("content/pages/leeg.md")).unwrap();
    fs::write(site.path().join("content/pages/leeg.md/binnen.md"), "x").unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    assert!(
        run.has("unexpected-file", "content/pages/leeg.md/binnen.md"),
        "{:?}",
        run.diags
    );

    // A required file that is a folder.
    let site = base_site();
    fs::remove_file(site.path().join("content/topics.yaml")).unwrap();
    fs::create_dir_all(site.path().join("content/topics.yaml")).unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    assert_eq!(run.status, 1);
    assert!(
        !run.about("content/topics.yaml").is_empty(),
        "{:?}",
        run.diags
    );
}

fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(st.success());
}

#[test]
fn fifo_in_content_is_not_read() {
    // A FIFO where afspraak reads no file is only unexpected.
    let site = base_site();
    mkfifo(&site.path().join("content/notes.fifo"));
    let run = check_bin(site.path(), Duration::from_secs(20));
    sane(&run, QUICK);
    assert!(
        run.has("unexpected-file", "content/notes.fifo"),
        "{:?}",
        run.diags
    );
}

#[test]
fn fifo_named_like_content_does_not_hang() {
    for rel in [
        "content/pages/fifo.md",
        "content/contracts/meerwijk/2012.yaml",
        "content/partners.yaml",
    ] {
        let site = base_site();
        let p = site.path().join(rel);
        let _ = fs::remove_file(&p);
        mkfifo(&p);
        let run = check_bin(site.path(), Duration::from_secs(20));
        sane(&run, QUICK);
        assert_eq!(run.status, 1, "{rel}");
        assert!(run.has("unreadable-file", rel), "{rel}: {:?}", run.diags);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(true)
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    if is_root() {
        eprintln!("skipped: running as root, chmod 000 does not stop reading");
        return;
    }
    let site = base_site();
    let p = site.path().join(PAGE);
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    assert_eq!(run.status, 1);
    assert!(run.has("unreadable-file", PAGE), "{:?}", run.diags);
}

#[test]
fn empty_and_comment_only_files() {
    for (rel, text) in [
        (CONTRACT, ""),
        (CONTRACT, "# alleen commentaar\n# nog meer\n"),
        (CONTRACT, "\u{feff}"),
        (CONTRACT, "   \n\t\n"),
        ("content/partners.yaml", ""),
        ("content/districts.yaml", "# niets\n"),
        (PAGE, ""),
        (PAGE, "---\n---\n"),
        (PAGE, "---\n# alleen commentaar\n---\nTekst\n"),
        ("content/updates/2011-10-21-lantaarnpalen.md", ""),
        ("site.toml", ""),
        ("site.toml", "# alleen commentaar\n"),
    ] {
        let site = base_site();
        fs::write(site.path().join(rel), text).unwrap();
        let run = check_bin(site.path(), GENEROUS);
        sane(&run, QUICK);
        assert_eq!(run.status, 1, "{rel} = {text:?}: {:?}", run.diags);
        assert!(
            !run.about(rel).is_empty(),
            "{rel} = {text:?}: no diagnostic for the file: {:?}",
            run.diags
        );
    }
}

/// The (line, column) of every diagnostic for `rel`, for a given spelling of the file.
fn positions(
    edit: impl Fn(&str) -> String,
    rel: &str,
    error_from: &str,
    error_to: &str,
) -> Vec<(String, usize, usize)> {
    let site = base_site();
    let p = site.path().join(rel);
    let text = fs::read_to_string(&p)
        .unwrap()
        .replacen(error_from, error_to, 1);
    fs::write(&p, edit(&text)).unwrap();
    let run = check_bin(site.path(), GENEROUS);
    sane(&run, QUICK);
    assert_eq!(run.status, 1);
    let mut v: Vec<_> = run
        .about(rel)
        .iter()
        .map(|d| (d.0.clone(), d.2, d.3))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no diagnostic for {rel}: {:?}", run.diags);
    v
}

#[test]
fn crlf_and_bom_keep_positions() {
    let lf = |t: &str| t.to_string();
    let crlf = |t: &str| t.replace('\n', "\r\n");
    let bom = |t: &str| format!("\u{feff}{t}");
    let both = |t: &str| format!("\u{feff}{}", t.replace('\n', "\r\n"));
    // A contract with a bad outcome, deep in the file.
    let want = positions(lf, CONTRACT, "outcome: honoured", "outcome: honored");
    assert_eq!(
        positions(crlf, CONTRACT, "outcome: honoured", "outcome: honored"),
        want,
        "CRLF"
    );
    assert_eq!(
        positions(bom, CONTRACT, "outcome: honoured", "outcome: honored"),
        want,
        "BOM"
    );
    assert_eq!(
        positions(both, CONTRACT, "outcome: honoured", "outcome: honored"),
        want,
        "BOM + CRLF"
    );
    // A YAML syntax error.
    let want = positions(lf, CONTRACT, "outcome: honoured", "outcome: [honoured");
    assert_eq!(
        positions(crlf, CONTRACT, "outcome: honoured", "outcome: [honoured"),
        want,
        "CRLF syntax"
    );
    assert_eq!(
        positions(both, CONTRACT, "outcome: honoured", "outcome: [honoured"),
        want,
        "BOM + CRLF syntax"
    );
    // Front matter of a page.
    let want = positions(lf, PAGE, "title:", "titel:");
    assert_eq!(
        positions(crlf, PAGE, "title:", "titel:"),
        want,
        "CRLF front matter"
    );
    assert_eq!(
        positions(both, PAGE, "title:", "titel:"),
        want,
        "BOM + CRLF front matter"
    );
    // site.toml.
    let want = positions(lf, "site.toml", "language = ", "langauge = ");
    assert_eq!(
        positions(both, "site.toml", "language = ", "langauge = "),
        want,
        "BOM + CRLF site.toml"
    );
}

#[test]
fn crlf_and_bom_build_the_same_site() {
    let plain = base_site();
    let odd = base_site();
    for entry in walkdir::WalkDir::new(odd.path().join("content"))
        .into_iter()
        .chain(walkdir::WalkDir::new(odd.path().join("site.toml")))
    {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let t = fs::read_to_string(entry.path()).unwrap();
            fs::write(entry.path(), format!("\u{feff}{}", t.replace('\n', "\r\n"))).unwrap();
        }
    }
    let a = TempDir::new().unwrap();
    let b = TempDir::new().unwrap();
    let ba = afspraak::build(plain.path(), Some(&a.path().join("o")), None).unwrap();
    assert!(ba.succeeded(), "{}", diagnostics_text(&ba.checked));
    let bb = afspraak::build(odd.path(), Some(&b.path().join("o")), None).unwrap();
    assert!(bb.succeeded(), "{}", diagnostics_text(&bb.checked));
    let ta = tree(&a.path().join("o"));
    let tb = tree(&b.path().join("o"));
    // Markdown keeps the author's line ends inside paragraphs; compare with CR removed.
    let norm = |t: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        t.iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.iter().copied().filter(|&c| c != b'\r').collect(),
                )
            })
            .collect()
    };
    if let Some(d) = tree_diff(&norm(&ta), &norm(&tb)) {
        panic!("BOM + CRLF content builds differently: {d}");
    }
}

// ---------------------------------------------------------------------------
// 3. Crash safety
// ---------------------------------------------------------------------------

const AS_OF: &str = "2026-11-27T12:00:00";

/// A copy of the bundled site (the repository root) and its two versions of
/// site.toml: the original and one with another title, so every page differs.
/// Both are judged at `AS_OF` through site.toml rather than `--as-of`, since
/// a preview of another moment records nothing, and the dropped-URL checks
/// below need what the first build published.
struct TwoVersions {
    tmp: TempDir,
    a: String,
    b: String,
}

impl TwoVersions {
    fn new() -> TwoVersions {
        let tmp = TempDir::new().unwrap();
        copy_site(&repo(), &tmp.path().join("site"));
        let a = format!(
            "as_of = {AS_OF}\n{}",
            fs::read_to_string(tmp.path().join("site/site.toml")).unwrap()
        );
        let b = a.replacen("title = \"", "title = \"KILLTEST ", 1);
        assert_ne!(a, b);
        TwoVersions { tmp, a, b }
    }
    fn root(&self) -> std::path::PathBuf {
        self.tmp.path().join("site")
    }
    fn set(&self, b: bool) {
        fs::write(
            self.root().join("site.toml"),
            if b { &self.b } else { &self.a },
        )
        .unwrap();
    }
    fn command(&self, out: &Path) -> Command {
        let mut c = Command::new(BIN);
        c.args(["build", "--root"])
            .arg(self.root())
            .arg("--output")
            .arg(out)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    }
    fn build(&self, out: &Path) -> Duration {
        let start = Instant::now();
        let st = self.command(out).status().unwrap();
        assert!(st.success(), "build into {} failed", out.display());
        start.elapsed()
    }
}

/// Folders beside `out` that a build left behind.
fn leftovers(out: &Path) -> Vec<String> {
    let name = out.file_name().unwrap().to_string_lossy().into_owned();
    fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!(".{name}.")))
        .collect()
}

/// A small deterministic generator (xorshift64*), so a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

#[test]
fn killed_builds_leave_the_old_or_the_new_site() {
    let v = TwoVersions::new();
    let refs = v.tmp.path().join("refs");
    v.set(false);
    v.build(&refs.join("a"));
    v.set(true);
    v.build(&refs.join("b"));
    let ref_a = tree(&refs.join("a"));
    let ref_b = tree(&refs.join("b"));
    assert!(ref_a != ref_b && ref_a.len() > 50);

    let out = v.tmp.path().join("pub/public");
    v.set(false);
    let mut dur = v.build(&out);
    let mut current = Some(false);
    let mut rng = Rng(0x5eed_2026_1127);
    let mut missing = Vec::new();
    let mut seen = [0usize; 3]; // old kept, new in place, output missing
    for i in 0..32 {
        let next = !current.unwrap_or(false);
        v.set(next);
        let delay = Duration::from_micros(rng.next() % (dur.as_micros() as u64).max(1));
        let start = Instant::now();
        let mut child = v.command(&out).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().ok(); // SIGKILL
        let status = child.wait().unwrap();
        if status.success() {
            dur = dur.max(start.elapsed());
        }
        if !out.exists() {
            missing.push(format!(
                "kill {i} after {delay:?}: leftovers {:?}",
                leftovers(&out)
            ));
            seen[2] += 1;
            current = None;
            continue;
        }
        let now = tree(&out);
        current = if now == ref_a {
            Some(false)
        } else if now == ref_b {
            Some(true)
        } else {
            let da = tree_diff(&ref_a, &now).unwrap_or_default();
            let db = tree_diff(&ref_b, &now).unwrap_or_default();
            panic!(
                "kill {i} after {delay:?} left a mixed output folder:\n vs old/new a: {da}\n vs b: {db}"
            );
        };
        seen[usize::from(current == Some(next))] += 1;
    }
    eprintln!(
        "kills: {} old site kept, {} new site in place, {} output missing (build {dur:?})",
        seen[0], seen[1], seen[2]
    );
    // A following successful build cleans up what the killed ones left.
    v.set(true);
    v.build(&out);
    assert_eq!(tree(&out), ref_b);
    assert_eq!(
        leftovers(&out),
        Vec::<String>::new(),
        "leftovers beside the output"
    );
    assert!(
        missing.is_empty(),
        "the output folder was missing after a kill:\n{}",
        missing.join("\n")
    );
}

/// Runs a build under strace, killing it with SIGKILL when it enters its
/// second rename: after `out` was moved aside and before staging took its place.
fn kill_between_renames(v: &TwoVersions, out: &Path) -> Option<std::process::ExitStatus> {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("skipped: strace is not installed");
        return None;
    }
    let mut c = Command::new("strace");
    c.args([
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        "trace=rename,renameat,renameat2",
    ])
    // The swap of the new site into place is the build's first rename.
    .args(["-e", "inject=rename,renameat,renameat2:signal=KILL:when=1"])
    .arg(BIN)
    .args(["build", "--root"])
    .arg(v.root())
    .arg("--output")
    .arg(out)
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    Some(c.status().unwrap())
}

#[test]
fn a_build_after_a_kill_between_the_renames_recovers() {
    let v = TwoVersions::new();
    let out = v.tmp.path().join("pub/public");
    v.set(false);
    v.build(&out);
    v.set(true);
    if kill_between_renames(&v, &out).is_none() {
        return;
    }
    let left = leftovers(&out);
    assert!(
        left.iter().any(|n| n.contains(".staging-")),
        "strace did not stop the build at its swap: {left:?}"
    );
    v.build(&out);
    let reference = v.tmp.path().join("ref");
    v.build(&reference);
    assert_eq!(tree(&out), tree(&reference));
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn a_kill_between_the_renames_leaves_an_output_folder() {
    let v = TwoVersions::new();
    let out = v.tmp.path().join("pub/public");
    v.set(false);
    v.build(&out);
    v.set(true);
    if kill_between_renames(&v, &out).is_none() {
        return;
    }
    assert!(
        out.is_dir(),
        "no output folder after a kill between the renames; beside it: {:?}",
        leftovers(&out)
    );
}

/// The control for the test below: normally, dropping a page is refused.
#[test]
fn dropping_a_published_page_is_refused() {
    let v = TwoVersions::new();
    let out = v.tmp.path().join("pub/public");
    v.set(false);
    v.build(&out);
    let page = fs::read_dir(v.root().join("content/pages"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    fs::remove_file(&page).unwrap();
    let st = v.command(&out).status().unwrap();
    assert_eq!(
        st.code(),
        Some(1),
        "a build that drops {} succeeded",
        page.display()
    );
}

#[test]
fn a_kill_between_the_renames_does_not_disable_the_dropped_url_check() {
    let v = TwoVersions::new();
    let out = v.tmp.path().join("pub/public");
    v.set(false);
    v.build(&out);
    if kill_between_renames(&v, &out).is_none() {
        return;
    }
    // Drop a published page; the next build must refuse (dropped-url).
    let page = fs::read_dir(v.root().join("content/pages"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    fs::remove_file(&page).unwrap();
    let st = v.command(&out).status().unwrap();
    assert_eq!(
        st.code(),
        Some(1),
        "a build that drops {} succeeded",
        page.display()
    );
}

// ---------------------------------------------------------------------------
// 5. Fuzzing regressions: every file in fuzz/regressions/<target>/ is run
// through the same functions as the fuzz target of that name.
// ---------------------------------------------------------------------------

fn regression_inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = repo().join("fuzz/regressions").join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut v: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        })
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

fn replay_yaml(text: &str) {
    use afspraak::load::{front_matter, yaml};
    let mut map = afspraak::source::SourceMap::default();
    let id = map.add("content/x.yaml".into(), text.to_string());
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let base = text.len() - body.len();
    let check = |r: Result<yaml::Node, afspraak::diagnostic::Diagnostic>| match r {
        Ok(node) => {
            fn walk(n: &yaml::Node, len: usize) {
                let r = n.span.range();
                assert!(
                    r.start <= r.end && r.end <= len,
                    "node span {r:?} outside {len}"
                );
                match &n.value {
                    yaml::Value::Seq(items) => items.iter().for_each(|i| walk(i, len)),
                    yaml::Value::Map(entries) => entries.iter().for_each(|(_, i)| walk(i, len)),
                    _ => {}
                }
            }
            walk(&node, text.len());
        }
        Err(d) => {
            let r = d.span.range();
            assert!(
                r.start <= r.end && r.end <= text.len(),
                "diagnostic span {r:?}"
            );
        }
    };
    check(yaml::parse(id, map.get(id), base, body));
    if let Ok(parts) = front_matter::split(text) {
        assert_eq!(&text[parts.body.0..], parts.body.1);
        if let Some((start, y)) = parts.yaml {
            check(yaml::parse(id, map.get(id), start, y));
        }
    }
}

fn replay_markdown(text: &str) {
    use afspraak::render::markdown::{Trust, plain_text, render};
    for trust in [Trust::Resident, Trust::Editor] {
        let html = render(text, trust, "p-");
        let problems = html_problems(&html, &[]);
        assert!(problems.is_empty(), "{trust:?}: {problems:?} in {html}");
    }
    let _ = plain_text(text);
}

fn replay_when(text: &str) {
    if let Ok(w) = afspraak::model::When::parse(text) {
        assert!(w.first_day() <= w.last_day(), "{w:?}");
        let _ = w.to_string();
    }
    let _ = afspraak::model::when::parse_day(text);
    let _ = afspraak::parse_as_of(text);
}

#[test]
fn fuzz_regressions_replay() {
    let mut n = 0;
    for (target, replay) in [
        ("yaml", replay_yaml as fn(&str)),
        ("markdown", replay_markdown),
        ("when", replay_when),
    ] {
        for (path, bytes) in regression_inputs(target) {
            n += 1;
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue; // the targets skip what is not UTF-8
            };
            let text = text.to_string();
            let result = std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn(move || replay(&text))
                .unwrap()
                .join();
            assert!(result.is_ok(), "{path} fails again");
        }
    }
    // The hostile corpus always runs, so the replay itself stays tested.
    replay_markdown(&markdown_payload('=', "replay"));
    replay_yaml("a: &a [1, *a]\nb: {c: [d, {e: f}]}\n");
    replay_when("2011-Q3");
    eprintln!("{n} regression inputs replayed");
}

/// Like rustc, the human report shows bidi controls escaped, so that a file
/// name cannot reorder what the reader sees (a Trojan-Source-style name).
#[test]
fn human_report_escapes_bidi_controls() {
    let site = base_site();
    fs::write(
        site.path().join("content/pages/evil\u{202E}dm.exe.md"),
        "---\ntitle: V\n---\nT\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["check", "--root"])
        .arg(site.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("dm.exe"), "the file is not reported: {all}");
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
    assert!(
        !all.chars().any(bidi),
        "raw bidi control in the report:\n{all}"
    );
}

/// Hostile redirects: a script or off-site target, and a `from` that climbs
/// out of the output folder. Each is refused with a diagnostic on
/// redirects.yaml, or else yields only inert pages inside the output.
#[test]
fn hostile_redirects_are_refused_or_inert() {
    let cases = [
        ("/oud/", "javascript:alert(1)"),
        ("/oud/", " JaVaScRiPt:alert(1)"),
        ("/oud/", "data:text/html,<script>alert(1)</script>"),
        ("/oud/", "/over/\" onload=\"alert(1)"),
        ("/oud/", "//evil.example/"),
        ("/../../buiten/", "/over/"),
        ("/oud/\"><script>alert(1)</script>/", "/over/"),
        ("/oud/{{ 7*7 }}/", "/over/"),
    ];
    for (from, to) in cases {
        let tmp = TempDir::new().unwrap();
        let root = tmp.path().join("site");
        copy_site(&repo().join("tests/fixtures/build-site"), &root);
        fs::write(
            root.join("content/redirects.yaml"),
            format!("- {{ from: {}, to: {} }}\n", y(from), y(to)),
        )
        .unwrap();
        let out = tmp.path().join("out");
        let result = afspraak::build(&root, Some(&out), None);
        let case = format!("from {from:?} to {to:?}");
        let built = match result {
            Ok(b) => b,
            Err(e) => panic!("{case}: the build ended in an error, not a diagnostic: {e:#}"),
        };
        // Nothing is ever written beside the output folder.
        let beside: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != "site" && n != "out")
            .collect();
        assert!(
            beside.is_empty(),
            "{case}: wrote {beside:?} beside the output"
        );
        if !built.succeeded() {
            assert!(
                built.checked.diagnostics.iter().any(|d| built
                    .checked
                    .sources
                    .get(d.span.file)
                    .path
                    == "content/redirects.yaml"),
                "{case}: refused without naming redirects.yaml:\n{}",
                diagnostics_text(&built.checked)
            );
            continue;
        }
        for (path, bytes) in tree(&out) {
            let text = String::from_utf8_lossy(&bytes);
            if text.contains(EVALUATED) || text.contains(">49/") {
                panic!("{case}: {path}: template syntax evaluated");
            }
            // The redirect pages; the rest of the site is judged by the test above.
            if path.ends_with(".html") && text.contains("http-equiv") {
                let mut problems = html_problems(&text, &[]);
                for tag in html_tags(&text) {
                    if tag.name == "meta"
                        && tag.attrs.iter().any(|(a, _)| a == "http-equiv")
                        && let Some((_, v)) = tag.attrs.iter().find(|(a, _)| a == "content")
                    {
                        let target = decode_entities(v);
                        let url = target.split_once("url=").map_or("", |(_, u)| u);
                        if is_script_url(url) || url.trim_start().starts_with("//") {
                            problems.push(format!("refresh to {url:?}"));
                        }
                    }
                }
                assert!(problems.is_empty(), "{case}: {path}: {problems:?}");
            }
        }
    }
}
