//! Every command in the editors' guide (docs/handleiding.md) is run here, in
//! the order the guide gives them, on a site made by the guide's own `init`.
//! The error the guide shows is produced for real and compared line by line.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_afspraak");

fn guide() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/handleiding.md")).unwrap()
}

/// The fenced blocks of one language, each with the heading it stands under.
fn blocks(text: &str, lang: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(block) = &mut current {
            if line.starts_with("```") {
                out.push((heading.clone(), std::mem::take(block)));
                current = None;
            } else {
                block.push_str(line);
                block.push('\n');
            }
        } else if let Some(h) = line.strip_prefix("## ") {
            heading = h.to_string();
        } else if line == format!("```{lang}") {
            current = Some(String::new());
        }
    }
    out
}

fn run(cwd: &Path, args: &[&str]) -> (i32, String) {
    let o = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("AFSPRAAK_LANG", "nl")
        .output()
        .unwrap();
    (
        o.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
    )
}

fn serve_briefly(cwd: &Path, args: &[&str]) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let mut child = Command::new(BIN)
        .args(args)
        .args(["--port", &port])
        .current_dir(cwd)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    for line in BufReader::new(stderr).lines() {
        let line = line.unwrap();
        if line.contains("http://127.0.0.1:") {
            break;
        }
        assert!(Instant::now() < deadline, "serve did not start");
    }
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn every_command_in_the_guide_works() {
    let text = guide();
    let tmp = tempfile::TempDir::new().unwrap();
    let mut cwd: PathBuf = tmp.path().to_path_buf();
    let mut ran = 0;
    let mut imported = false;
    for (heading, block) in blocks(&text, "sh") {
        for line in block.lines() {
            let command = line.split(" #").next().unwrap().trim();
            if command.is_empty() {
                continue;
            }
            let words: Vec<&str> = command.split_whitespace().collect();
            match words.as_slice() {
                ["cd", dir] => {
                    cwd = cwd.join(dir);
                    continue;
                }
                ["afspraak", "serve", rest @ ..] => {
                    serve_briefly(&cwd, &[&["serve"], rest].concat())
                }
                ["afspraak", "import", file, "--contract", contract] => {
                    // The spreadsheet template that `init` put in the site, as shipped.
                    assert_eq!(
                        fs::read(cwd.join(file)).unwrap(),
                        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap(),
                        "init ships {file}"
                    );
                    let (code, out) = run(&cwd, &words[1..]);
                    assert_eq!(code, 0, "`{command}` under \"{heading}\" failed:\n{out}");
                    // Its example rows are in the contract now.
                    let yaml =
                        fs::read_to_string(cwd.join(format!("content/contracts/{contract}.yaml")))
                            .unwrap();
                    assert!(yaml.contains("Betere verlichting in het park"), "{yaml}");
                    assert!(yaml.contains("Speeltuin aan de Kleverlaan"), "{yaml}");
                    imported = true;
                }
                ["afspraak", rest @ ..] if heading == "Een foutmelding lezen" => {
                    // The guide's example mistake, made for real.
                    let contract = cwd.join("content/contracts/voorbeeldwijk/2026.yaml");
                    let yaml = fs::read_to_string(&contract).unwrap();
                    fs::write(
                        &contract,
                        yaml.replacen("partner: gemeente\n", "partner: gemeentee\n", 1),
                    )
                    .unwrap();
                    let (code, out) = run(&cwd, rest);
                    assert_eq!(code, 1, "{out}");
                    let shown = blocks(&text, "text")
                        .into_iter()
                        .find(|(h, _)| h == &heading)
                        .expect("the guide shows the error")
                        .1;
                    for expected in shown.lines().filter(|l| !l.trim().is_empty()) {
                        assert!(
                            out.lines().any(|l| l.trim_end() == expected.trim_end()),
                            "the guide shows\n{expected}\nbut check printed:\n{out}"
                        );
                    }
                    fs::write(&contract, yaml).unwrap();
                }
                ["afspraak", rest @ ..] => {
                    let (code, out) = run(&cwd, rest);
                    assert_eq!(code, 0, "`{command}` under \"{heading}\" failed:\n{out}");
                }
                _ => panic!("the guide shows a command the test does not know: {command}"),
            }
            ran += 1;
        }
    }
    assert!(ran >= 8, "only {ran} commands ran");
    assert!(
        imported,
        "the guide imports the shipped spreadsheet template"
    );
    // What the guide says the commands did.
    assert!(
        cwd.join("public/index.html").exists(),
        "`afspraak build` published into public/"
    );
    assert!(cwd.join("voorbeeld-na-embargo/index.html").exists());
    assert!(
        cwd.join("content/contracts/voorbeeldwijk/2027.yaml")
            .exists()
    );
}

#[test]
fn the_guide_names_only_fields_the_format_has() {
    let text = guide();
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/contract.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let question = &schema["properties"]["questions"]["items"]["properties"];
    // Every field of a contract and of a question has a row in the guide's tables.
    for field in schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .chain(question.as_object().unwrap().keys())
    {
        assert!(
            text.contains(&format!("| `{field}` |")),
            "the guide describes `{field}` in its tables of fields"
        );
    }
    for field in [
        "outcome",
        "when",
        "planning_adjusted",
        "reason",
        "report_by",
        "ground",
        "progress",
        "disputed",
        "decision",
        "rescheduled",
        "revised",
        "needs_volunteers",
        "scale",
    ] {
        assert!(question.get(field).is_some(), "{field}");
        assert!(
            text.contains(&format!("`{field}")),
            "the guide explains `{field}`"
        );
    }
}

/// The guide's whole-question examples (a YAML block starting `  - id: N`)
/// take the place of question N in the example contract of `init`, one at a
/// time, and the site still checks clean: a move or a change written as the
/// guide shows it is accepted.
#[test]
fn the_guides_example_questions_check_clean() {
    let text = guide();
    let examples: Vec<String> = blocks(&text, "yaml")
        .into_iter()
        .map(|(_, block)| block)
        .filter(|block| block.starts_with("  - id: "))
        .collect();
    assert!(
        examples.iter().any(|q| q.contains("rescheduled:"))
            && examples.iter().any(|q| q.contains("revised:")),
        "the guide shows a whole question with `rescheduled` and one with `revised`"
    );
    for question in examples {
        let tmp = tempfile::TempDir::new().unwrap();
        let (code, out) = run(tmp.path(), &["init", "site"]);
        assert_eq!(code, 0, "{out}");
        let site = tmp.path().join("site");
        let contract = site.join("content/contracts/voorbeeldwijk/2026.yaml");
        let yaml = fs::read_to_string(&contract).unwrap();
        fs::write(&contract, replace_question(&yaml, &question)).unwrap();
        let (code, out) = run(&site, &["check"]);
        assert_eq!(
            code, 0,
            "the guide's example\n{question}\ndoes not check:\n{out}"
        );
        assert!(out.contains("alles in orde"), "{out}");
    }
}

/// `contract` with the question whose `- id:` line opens `question` replaced by it.
fn replace_question(contract: &str, question: &str) -> String {
    let id_line = format!("{}\n", question.lines().next().unwrap());
    let start = contract
        .find(&id_line)
        .unwrap_or_else(|| panic!("the example contract has no question `{}`", id_line.trim()));
    let end = contract[start + 1..]
        .find("\n  - id: ")
        .map_or(contract.len(), |i| start + i + 2);
    format!("{}{question}\n{}", &contract[..start], &contract[end..])
}

/// The guide's neighbourhood example (a YAML block starting `    - slug:`)
/// joins the example site's districts.yaml: it checks clean, its page says
/// the council chose so, and a contract for it is refused as the guide says.
#[test]
fn the_guides_opted_out_neighbourhood_checks_clean() {
    let text = guide();
    let examples: Vec<String> = blocks(&text, "yaml")
        .into_iter()
        .map(|(_, block)| block)
        .filter(|block| block.starts_with("    - slug: "))
        .collect();
    assert_eq!(examples.len(), 1, "the guide shows one neighbourhood");
    let example = &examples[0];
    assert!(example.contains("opted_out:"), "{example}");
    assert!(
        text.contains("`needs_volunteers: true`") && text.contains("`scale: city`"),
        "the guide explains volunteers and scale"
    );

    let tmp = tempfile::TempDir::new().unwrap();
    let (code, out) = run(tmp.path(), &["init", "site"]);
    assert_eq!(code, 0, "{out}");
    let site = tmp.path().join("site");
    let districts = site.join("content/districts.yaml");
    let before = fs::read_to_string(&districts).unwrap();
    fs::write(&districts, format!("{before}{example}")).unwrap();
    let (code, out) = run(&site, &["check"]);
    assert_eq!(
        code, 0,
        "the guide's example\n{example}\ndoes not check:\n{out}"
    );
    assert!(out.contains("alles in orde"), "{out}");
    let (code, out) = run(&site, &["build"]);
    assert_eq!(code, 0, "{out}");
    let page = fs::read_to_string(site.join("public/wijken/zuiderpolder/index.html")).unwrap();
    assert!(
        page.contains(
            "De wijkraad van Zuiderpolder heeft sinds 2019 gekozen voor geen wijkcontract."
        ),
        "{page}"
    );

    // "Zolang `opted_out` er staat, weigert `afspraak check` een contract".
    let (code, out) = run(&site, &["new", "contract", "zuiderpolder", "2027"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run(&site, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("fout[field-not-applicable]"), "{out}");
}

/// The guide's examples of a new neighbourhood, partner and topic (YAML
/// blocks whose first line names the file, `# content/…`) join the example
/// site of `init`: it checks clean and publishes their pages.
#[test]
fn the_guides_new_neighbourhood_partner_and_topic_check_clean() {
    let text = guide();
    let examples: Vec<String> = blocks(&text, "yaml")
        .into_iter()
        .map(|(_, block)| block)
        .filter(|block| block.starts_with("# content/"))
        .collect();
    assert_eq!(examples.len(), 3, "a neighbourhood, a partner and a topic");
    let tmp = tempfile::TempDir::new().unwrap();
    let (code, out) = run(tmp.path(), &["init", "site"]);
    assert_eq!(code, 0, "{out}");
    let site = tmp.path().join("site");
    for example in &examples {
        let file = example.lines().next().unwrap()[2..]
            .split([',', ' '])
            .next()
            .unwrap()
            .to_string();
        let path = site.join(&file);
        let before = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{before}{example}")).unwrap();
    }
    let (code, out) = run(&site, &["check"]);
    assert_eq!(code, 0, "the guide's examples do not check:\n{out}");
    assert!(out.contains("alles in orde"), "{out}");
    let (code, out) = run(&site, &["build"]);
    assert_eq!(code, 0, "{out}");
    for page in ["wijken/zeewijk", "partners/welzijn-haarlem", "themas/groen"] {
        assert!(
            site.join("public").join(page).join("index.html").exists(),
            "{page} is published"
        );
    }
}

/// A request to the preview on `port`: (status, whole answer).
fn http(port: u16, method: &str, path: &str, body: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    (text.split(' ').nth(1).unwrap().parse().unwrap(), text)
}

/// The value of the hidden field `name` of a form page.
fn hidden_field(page: &str, name: &str) -> String {
    let key = format!("name=\"{name}\" value=\"");
    let rest = &page[page.find(&key).unwrap_or_else(|| panic!("no {name}")) + key.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// "Bewerken in de browser": on the example site of `init`, served, every
/// word the chapter puts in bold is a link, label, button or heading of the
/// editor, and its steps (Bewerken, a new title, a progress entry, Opslaan)
/// change the contract file as it says, keeping its comments; a refused
/// save and a file changed on disk read as the chapter says.
#[test]
fn the_guides_steps_for_editing_in_the_browser_work() {
    let text = guide();
    let start = text.find("## Bewerken in de browser").expect("the chapter");
    let chapter = &text[start..start + text[start + 3..].find("\n## ").unwrap() + 3];
    let tmp = tempfile::TempDir::new().unwrap();
    let (code, out) = run(tmp.path(), &["init", "site"]);
    assert_eq!(code, 0, "{out}");
    let site = tmp.path().join("site");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(BIN)
        .args(["serve", "--port", &port.to_string()])
        .current_dir(&site)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "serve did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Step 1: the question page the chapter names, with its Bewerken link.
    let url = chapter
        .split('<')
        .filter_map(|s| s.split('>').next())
        .find(|u| u.contains("/wijken/"))
        .expect("the chapter names a question page");
    let page_path = &url[url.find("/wijken/").unwrap()..];
    let (status, page) = http(port, "GET", page_path, "");
    assert_eq!(status, 200, "{page}");
    let link = page
        .split("href=\"")
        .skip(1)
        .find(|s| s.contains("\">Bewerken</a>"))
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .expect("a Bewerken link");
    let (status, form) = http(port, "GET", &link, "");
    assert_eq!(status, 200, "{form}");

    // Steps 2 to 4: a new title and a progress entry, Opslaan.
    let file = site.join("content/contracts/voorbeeldwijk/2026.yaml");
    let before = fs::read_to_string(&file).unwrap();
    let mut fields: Vec<(String, String)> = ["token", "versie"]
        .iter()
        .map(|n| (n.to_string(), hidden_field(&form, n)))
        .collect();
    let contract = afspraak::check(&site, None).unwrap().site.unwrap();
    let (_, q) = contract
        .find_question(&afspraak::model::QuestionRef::parse("voorbeeldwijk/2026/2").unwrap())
        .unwrap();
    let when = match &q.outcome {
        afspraak::model::Outcome::Honoured { when } => when.to_string(),
        other => panic!("question 2 is honoured, not {other:?}"),
    };
    for (k, v) in [
        ("title", "Drie nieuwe bankjes in het park"),
        ("kind", "initiative"),
        ("channel", "meeting"),
        ("topic", contract.topic(q.topic).slug.as_str()),
        ("asked", q.asked.0.trim()),
        ("partner", contract.partner(q.partner).slug.as_str()),
        ("outcome", "honoured"),
        ("when", when.as_str()),
        ("answer", q.answer.as_ref().map_or("", |a| a.0.trim())),
        ("progress_date", "2026-06-01"),
        ("progress_state", "started"),
        ("progress_note", "De bankjes zijn besteld."),
    ] {
        fields.push((k.into(), v.into()));
    }
    let body = |fields: &[(String, String)]| {
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish()
    };
    let mut empty = fields.clone();
    empty[2].1 = String::new();
    let (status, refused) = http(port, "POST", &link, &body(&empty));
    assert_eq!(status, 422, "{refused}");
    let (status, answer) = http(port, "POST", &link, &body(&fields));
    assert_eq!(status, 303, "{answer}");
    let after = fs::read_to_string(&file).unwrap();
    assert!(
        after.contains("    title: Drie nieuwe bankjes in het park\n"),
        "{after}"
    );
    assert!(
        after.contains("- { date: 2026-06-01, state: started, note: De bankjes zijn besteld. }"),
        "{after}"
    );
    for line in before.lines().filter(|l| l.contains('#')) {
        assert!(after.contains(line), "the comment `{line}` is gone");
    }
    let (code, out) = run(&site, &["check"]);
    assert_eq!(code, 0, "{out}");
    let (_, shown) = http(port, "GET", page_path, "");
    assert!(
        shown.contains("Drie nieuwe bankjes in het park"),
        "the page shows the change"
    );

    // A file changed on disk since the form was opened.
    fs::write(
        &file,
        after.replace("Nieuwe speeltuin", "Een nieuwe speeltuin"),
    )
    .unwrap();
    let (status, conflict) = http(port, "POST", &link, &body(&fields));
    assert_eq!(status, 409, "{conflict}");

    // Every word in bold is on one of the editor's pages.
    let mut pages = vec![page, form, refused, conflict];
    for path in [
        "/wijken/voorbeeldwijk/2026/",
        "/wijken/voorbeeldwijk/",
        "/nieuws/",
        "/__afspraak/bewerken/stand/voorbeeldwijk/2026/2",
        "/__afspraak/bewerken/termijn/voorbeeldwijk/2026/2",
        "/__afspraak/bewerken/nieuws",
    ] {
        let (status, text) = http(port, "GET", path, "");
        assert_eq!(status, 200, "{path}");
        pages.push(text);
    }
    // Another Uitkomst, and "Velden bij deze uitkomst tonen": its fields, nothing saved.
    let mut declined: Vec<(String, String)> = fields
        .iter()
        .filter(|(k, _)| k != "outcome")
        .cloned()
        .collect();
    declined.push(("outcome".into(), "declined".into()));
    declined.push(("actie".into(), "uitkomst".into()));
    let (status, other) = http(port, "POST", &link, &body(&declined));
    assert_eq!(status, 200, "{other}");
    assert!(other.contains("name=\"ground\"") && !other.contains("name=\"when\""));
    pages.push(other);
    let news = pages[6].clone();
    let update = news
        .split("href=\"")
        .skip(1)
        .filter(|s| s.starts_with("/nieuws/") && s.len() > 9)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .next()
        .expect("an update in the list");
    pages.push(http(port, "GET", &update, "").1);
    child.kill().unwrap();
    child.wait().unwrap();
    let mut bold = 0;
    for phrase in chapter.split("**").skip(1).step_by(2) {
        let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            pages.iter().any(|p| p.contains(&phrase)),
            "the chapter names **{phrase}**, which no page of the editor shows"
        );
        bold += 1;
    }
    assert!(bold >= 15, "only {bold} words in bold");
}
