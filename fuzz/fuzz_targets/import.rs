//! The spreadsheet import: any bytes as a CSV or XLSX file, imported into a
//! small site, never panic; and a rejected import leaves the contract as it was.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const CONTRACT: &str = "content/contracts/meerwijk/2011.yaml";

fn site() -> &'static (tempfile::TempDir, String) {
    static SITE: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::TempDir::new().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/contracts/meerwijk")).unwrap();
        std::fs::write(root.join("site.toml"), "title = \"T\"\nas_of = 2011-12-31T12:00:00\n\n[open_data]\npublisher = { name = \"Gemeente\" }\ncontact = { name = \"Team\", email = \"team@example.nl\" }\n").unwrap();
        std::fs::write(root.join("content/districts.yaml"), "- { slug: d, name: D, neighbourhoods: [{ slug: meerwijk, name: M }] }\n").unwrap();
        std::fs::write(root.join("content/partners.yaml"), "- { slug: gemeente, name: Gemeente }\n").unwrap();
        std::fs::write(root.join("content/topics.yaml"), "- { slug: veilig, name: Veilig }\n").unwrap();
        let contract = "period: { from: 2011-04-01, to: 2012-03-31 }\nsignatories: [wijkraad]\nquestions:\n  - id: 1\n    title: T\n    asked: |\n      A\n    topic: veilig\n    partner: gemeente\n    outcome: resolved\n";
        std::fs::write(root.join(CONTRACT), contract).unwrap();
        (dir, contract.to_string())
    })
}

fuzz_target!(|data: &[u8]| {
    let (dir, original) = site();
    let root = dir.path();
    let name = if data.first().is_some_and(|b| b % 2 == 0) { "in.csv" } else { "in.xlsx" };
    let file: PathBuf = root.join(name);
    std::fs::write(&file, data).unwrap();
    let result = afspraak::import::import(root, &file, "meerwijk/2011");
    let now = std::fs::read_to_string(root.join(CONTRACT)).unwrap_or_default();
    if result.is_err() {
        assert_eq!(&now, original, "a rejected import changed the contract");
    }
    std::fs::write(root.join(CONTRACT), original).unwrap();
    let _ = std::fs::remove_file(&file);
});
