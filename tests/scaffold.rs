//! `afspraak init` and `afspraak new contract`.

use std::fs;
use std::process::Command;

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_afspraak");

fn run(args: &[&str]) -> (i32, String) {
    let o = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .env("AFSPRAAK_LANG", "en")
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn init_creates_a_site_that_checks_and_builds() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("nieuw");
    let d = dir.to_str().unwrap();
    assert_eq!(run(&["init", d]).0, 0);
    assert!(
        dir.join("content/pages/toegankelijkheid.md").exists(),
        "the accessibility statement ships"
    );
    // The starter kit: the guide, the spreadsheet templates and the schemas
    // as the repository has them, with the editor settings that use them.
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in [
        "docs/handleiding.md",
        "docs/diagnostics.md",
        "docs/sjabloon-vragen.xlsx",
        "docs/sjabloon-vragen.csv",
        "schemas/contract.schema.json",
        "schemas/site.schema.json",
    ] {
        assert_eq!(
            fs::read(dir.join(file)).unwrap(),
            fs::read(manifest.join(file)).unwrap(),
            "init ships {file}"
        );
    }
    let leesmij = fs::read_to_string(dir.join("LEESMIJ.md")).unwrap();
    assert!(leesmij.contains("docs/handleiding.md"), "{leesmij}");
    let settings: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join(".vscode/settings.json")).unwrap())
            .unwrap();
    let schemas = settings["yaml.schemas"].as_object().unwrap();
    assert!(schemas.len() >= 5);
    for schema in schemas.keys() {
        assert!(dir.join(schema).exists(), "{schema} is in the site");
    }
    let (code, stderr) = run(&["check", "--root", d]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = run(&["build", "--root", d]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        dir.join("public/wijken/voorbeeldwijk/2026/index.html")
            .exists()
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = TempDir::new().unwrap();
    fs::write(tmp.path().join("notities.txt"), "mijn werk").unwrap();
    let (code, stderr) = run(&["init", tmp.path().to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is not empty"), "{stderr}");
    assert_eq!(
        fs::read_to_string(tmp.path().join("notities.txt")).unwrap(),
        "mijn werk"
    );
    assert!(!tmp.path().join("site.toml").exists());
}

#[test]
fn new_contract_writes_a_draft_to_fill_in() {
    let tmp = TempDir::new().unwrap();
    let site = tmp.path().join("site");
    let s = site.to_str().unwrap();
    assert_eq!(run(&["init", s]).0, 0);
    let (code, stderr) = run(&["new", "contract", "voorbeeldwijk", "2027", "--root", s]);
    assert_eq!(code, 0, "{stderr}");
    let path = site.join("content/contracts/voorbeeldwijk/2027.yaml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("draft: true")
            && text.contains("period: { from: 2027-04-01, to: 2028-03-31 }"),
        "{text}"
    );
    // The file checks as it is, and as a draft it publishes nothing.
    let (code, stderr) = run(&["check", "--root", s]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn new_contract_refuses_to_overwrite_and_unknown_neighbourhoods() {
    let tmp = TempDir::new().unwrap();
    let site = tmp.path().join("site");
    let s = site.to_str().unwrap();
    assert_eq!(run(&["init", s]).0, 0);
    let existing = site.join("content/contracts/voorbeeldwijk/2026.yaml");
    let before = fs::read_to_string(&existing).unwrap();
    let (code, stderr) = run(&["new", "contract", "voorbeeldwijk", "2026", "--root", s]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(fs::read_to_string(&existing).unwrap(), before);
    let (code, stderr) = run(&["new", "contract", "voorbeeldwyk", "2027", "--root", s]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("did you mean `voorbeeldwijk`?"), "{stderr}");
    assert!(!site.join("content/contracts/voorbeeldwyk").exists());
}

/// The accessibility statement `init` ships is a draft until its fill-ins
/// are filled in; published with them, or with one copied into a news item,
/// it is refused at the line that holds them.
#[test]
fn the_kits_fill_ins_are_refused_once_published() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("nieuw");
    let d = dir.to_str().unwrap();
    assert_eq!(run(&["init", d]).0, 0);
    let page = dir.join("content/pages/toegankelijkheid.md");
    let text = fs::read_to_string(&page).unwrap();
    assert!(text.contains("\ndraft: true\n"), "{text}");
    let published = text.replace("\ndraft: true\n", "\n");
    fs::write(&page, &published).unwrap();
    let r = afspraak_json(d);
    let placeholders: Vec<_> = r
        .iter()
        .filter(|d| d["code"] == "placeholder-text")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let line =
        |needle: &str| published.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1;
    assert_eq!(
        placeholders,
        [
            (
                "content/pages/toegankelijkheid.md".to_string(),
                line("[vul de datum in]")
            ),
            (
                "content/pages/toegankelijkheid.md".to_string(),
                line("[het adres van deze site]")
            ),
        ],
        "{r:?}"
    );
    // Filled in, the statement publishes.
    let filled = published
        .replace("[vul de datum in]", "1 oktober 2026")
        .replace(
            "[het adres van deze site]",
            "https://wijkcontracten.example.nl",
        );
    fs::write(&page, filled).unwrap();
    let (code, stderr) = run(&["check", "--root", d]);
    assert_eq!(code, 0, "{stderr}");
    // A news item is held to the same.
    let news = dir.join("content/updates/2026-04-15-wijkcontract-getekend.md");
    let text = fs::read_to_string(&news).unwrap();
    fs::write(
        &news,
        format!("{text}\nDe verklaring is van [vul de datum in].\n"),
    )
    .unwrap();
    let r = afspraak_json(d);
    assert!(
        r.iter().any(|d| d["code"] == "placeholder-text"
            && d["file"] == "content/updates/2026-04-15-wijkcontract-getekend.md"),
        "{r:?}"
    );
}

fn afspraak_json(root: &str) -> Vec<serde_json::Value> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_afspraak"))
        .args(["check", "--format", "json", "--root", root])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"].as_array().unwrap().clone()
}
