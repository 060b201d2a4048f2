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
