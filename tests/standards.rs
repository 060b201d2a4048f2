//! The open data against the standards' own validators: the bundled site is
//! built into a temporary folder, and `tests/standards/validate.py` checks
//!
//! - `data/catalog.jsonld` with pyshacl against the SHACL shapes of DCAT-AP
//!   3.0 and of DCAT-AP-NL 3.0 (stored in `tests/data/shacl/`): 0 violations;
//! - `data/datapackage.json` (vragen.csv with its table schema) with
//!   frictionless: 0 errors.
//!
//! A broken catalogue and a broken CSV are checked too, so that a validator
//! that checks nothing cannot pass. Needs the Python packages pinned in
//! `requirements-test.txt` (`python3 -m pip install -r requirements-test.txt`);
//! set AFSPRAAK_SKIP_STANDARDS=1 to skip.

mod hardening_support;

use std::fs;
use std::path::Path;
use std::process::Command;

use hardening_support::{BIN, copy_site, repo};

/// Whether the validators can run here; fails with what to install otherwise.
fn validators_available() -> bool {
    if std::env::var_os("AFSPRAAK_SKIP_STANDARDS").is_some_and(|v| v == "1") {
        println!("AFSPRAAK_SKIP_STANDARDS=1: skipping the standards checks");
        return false;
    }
    let found = Command::new("python3")
        .args(["-c", "import pyshacl, frictionless"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "the standards checks need python3 with pyshacl and frictionless: run \
         `python3 -m pip install -r requirements-test.txt` in the repository root; \
         or set AFSPRAAK_SKIP_STANDARDS=1 to skip them"
    );
    true
}

/// The validators' verdict on a catalogue and a data package.
fn validate(catalog: &Path, package: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(repo().join("tests/standards/validate.py"))
        .arg(catalog)
        .arg(package)
        .arg(repo().join("tests/data/shacl"))
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "validate.py failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("validate.py prints JSON")
}

fn count(report: &serde_json::Value, check: &str, what: &str) -> u64 {
    report[check][what]
        .as_u64()
        .unwrap_or_else(|| panic!("no {check}.{what} in {report:#}"))
}

#[test]
fn open_data_passes_dcat_ap_dcat_ap_nl_and_its_table_schema() {
    if !validators_available() {
        return;
    }
    let tmp = tempfile::TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_site(&repo(), &root);
    let public = tmp.path().join("public");
    let built = Command::new(BIN)
        .arg("build")
        .arg("--root")
        .arg(&root)
        .arg("--output")
        .arg(&public)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let data = public.join("data");
    let report = validate(&data.join("catalog.jsonld"), &data.join("datapackage.json"));
    println!(
        "triples: {}; DCAT-AP 3.0 violations: {}; DCAT-AP-NL 3.0 violations: {}; \
         frictionless: {} errors in {} rows",
        report["triples"],
        count(&report, "dcat-ap", "violations"),
        count(&report, "dcat-ap-nl", "violations"),
        count(&report, "frictionless", "errors"),
        count(&report, "frictionless", "rows"),
    );
    for check in ["dcat-ap", "dcat-ap-nl"] {
        assert_eq!(
            count(&report, check, "violations"),
            0,
            "{check}: {:#}",
            report[check]["messages"]
        );
    }
    assert_eq!(
        count(&report, "frictionless", "errors"),
        0,
        "{:#}",
        report["frictionless"]["messages"]
    );
    // Every question is a row the table schema checked.
    let questions: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(data.join("vragen.json")).unwrap()).unwrap();
    assert_eq!(
        count(&report, "frictionless", "rows"),
        questions["questions"].as_array().unwrap().len() as u64
    );

    // The validators do find what is wrong: a catalogue without its publisher
    // and contact point, and an outcome the schema does not know.
    let broken = tmp.path().join("broken");
    fs::create_dir_all(&broken).unwrap();
    let catalog = fs::read_to_string(data.join("catalog.jsonld")).unwrap();
    let mut catalog: serde_json::Value = serde_json::from_str(&catalog).unwrap();
    let map = catalog.as_object_mut().unwrap();
    assert!(map.remove("dct:publisher").is_some() && map.remove("dcat:contactPoint").is_some());
    fs::write(broken.join("catalog.jsonld"), catalog.to_string()).unwrap();
    for file in ["datapackage.json", "vragen.csv.schema.json"] {
        fs::copy(data.join(file), broken.join(file)).unwrap();
    }
    let csv = fs::read_to_string(data.join("vragen.csv")).unwrap();
    let csv = csv.replacen(";honoured;", ";solved;", 1);
    fs::write(broken.join("vragen.csv"), csv).unwrap();
    let report = validate(
        &broken.join("catalog.jsonld"),
        &broken.join("datapackage.json"),
    );
    assert!(count(&report, "dcat-ap", "violations") > 0, "{report:#}");
    // DCAT-AP-NL also requires the contact point.
    assert!(
        count(&report, "dcat-ap-nl", "violations") > count(&report, "dcat-ap", "violations"),
        "{report:#}"
    );
    assert_eq!(
        count(&report, "frictionless", "errors"),
        1,
        "{:#}",
        report["frictionless"]
    );
}
