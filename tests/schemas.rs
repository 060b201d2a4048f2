//! The JSON Schemas in schemas/ describe the content files: the bundled site
//! validates against them, and every field they offer is one `check` accepts.

use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(repo().join("schemas").join(name)).unwrap()).unwrap()
}

fn yaml(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).unwrap()
}

fn front_matter(text: &str) -> serde_json::Value {
    let rest = text.strip_prefix("---\n").expect("front matter");
    yaml(rest.split_once("\n---").unwrap().0)
}

fn assert_valid(schema_name: &str, file: &Path, instance: &serde_json::Value) {
    let s = schema(schema_name);
    let validator = jsonschema::validator_for(&s).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{} against {schema_name}: {errors:#?}",
        file.display()
    );
}

#[test]
fn bundled_content_validates_against_the_schemas() {
    let content = repo().join("content");
    let mut checked = 0;
    for (file, schema_name) in [
        ("districts.yaml", "districts.schema.json"),
        ("partners.yaml", "partners.schema.json"),
        ("topics.yaml", "topics.schema.json"),
    ] {
        let path = content.join(file);
        assert_valid(
            schema_name,
            &path,
            &yaml(&fs::read_to_string(&path).unwrap()),
        );
        checked += 1;
    }
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.unwrap();
        let path = entry.path();
        let rel = path
            .strip_prefix(&content)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.starts_with("contracts/") && rel.ends_with(".yaml") {
            assert_valid(
                "contract.schema.json",
                path,
                &yaml(&fs::read_to_string(path).unwrap()),
            );
            checked += 1;
        } else if rel.starts_with("updates/") {
            assert_valid(
                "update.schema.json",
                path,
                &front_matter(&fs::read_to_string(path).unwrap()),
            );
            checked += 1;
        } else if rel.starts_with("pages/") {
            assert_valid(
                "page.schema.json",
                path,
                &front_matter(&fs::read_to_string(path).unwrap()),
            );
            checked += 1;
        }
    }
    let site: toml::Value =
        toml::from_str(&fs::read_to_string(repo().join("site.toml")).unwrap()).unwrap();
    assert_valid(
        "site.schema.json",
        &repo().join("site.toml"),
        &serde_json::to_value(site).unwrap(),
    );
    assert!(checked > 20, "only {checked} files validated");
}

#[test]
fn schemas_reject_what_check_rejects() {
    let contract = schema("contract.schema.json");
    let v = jsonschema::validator_for(&contract).unwrap();
    let declined_without_reason = yaml(
        "period: { from: 2011-04-01, to: 2012-03-31 }\nsignatories: [wijkraad]\nquestions:\n  - { id: 1, title: t, asked: a, topic: x, partner: y, outcome: declined, ground: legal }\n",
    );
    assert!(!v.is_valid(&declined_without_reason));
    let unknown_key = yaml(
        "period: { from: 2011-04-01, to: 2012-03-31 }\nsignatories: [wijkraad]\nquestions:\n  - { id: 1, titel: t, title: t, asked: a, topic: x, partner: y, outcome: resolved }\n",
    );
    assert!(!v.is_valid(&unknown_key));
}

/// Every property the question schema offers is a key `check` accepts: a
/// contract using them all yields no `unknown-key`.
#[test]
fn every_schema_property_is_known_to_check() {
    let contract = schema("contract.schema.json");
    let question_keys: Vec<String> = contract["properties"]["questions"]["items"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let top_keys: Vec<String> = contract["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let tmp = tempfile::TempDir::new().unwrap();
    let root = tmp.path();
    fs::create_dir_all(root.join("content/contracts/meerwijk")).unwrap();
    fs::write(
        root.join("site.toml"),
        "title = \"T\"\nas_of = 2011-12-31T12:00:00\n",
    )
    .unwrap();
    fs::write(
        root.join("content/districts.yaml"),
        "- { slug: d, name: D, neighbourhoods: [{ slug: meerwijk, name: M }] }\n",
    )
    .unwrap();
    fs::write(
        root.join("content/partners.yaml"),
        "- { slug: gemeente, name: G }\n",
    )
    .unwrap();
    fs::write(
        root.join("content/topics.yaml"),
        "- { slug: veilig, name: V }\n",
    )
    .unwrap();
    let mut q = String::from(
        "  - id: 1\n    title: T\n    asked: A\n    topic: veilig\n    partner: gemeente\n    outcome: scheduled\n",
    );
    for key in &question_keys {
        let line = match key.as_str() {
            "id" | "title" | "asked" | "topic" | "partner" | "outcome" => continue,
            "kind" => "kind: initiative",
            "channel" => "channel: walk",
            "location" => "location: Park",
            "when" => "when: 2012",
            "answer" => "answer: B",
            "progress" => "progress: [{ date: 2011-06-01, state: started }]",
            "ground" => "ground: legal",
            "reason" => "reason: R",
            "planning_adjusted" => "planning_adjusted: false",
            "report_by" => "report_by: 2011-12",
            "decision" => "decision: { date: 2011-11-30, included: true }",
            "follows" => "follows: meerwijk/2010/1",
            "disputed" => "disputed: { date: 2011-09-01, note: N }",
            other => panic!("the test does not know schema property `{other}`: add an example"),
        };
        q.push_str(&format!("    {line}\n"));
    }
    assert!(top_keys.contains(&"publish_from".to_string()));
    let contract_yaml = format!(
        "period: {{ from: 2011-04-01, to: 2012-03-31 }}\nsigned: 2011-04-12\nsignatories: [wijkraad, gemeente]\npublish_from: 2011-04-14T10:00\ndraft: false\ncollected_via: [walk]\nquestions:\n{q}"
    );
    fs::write(
        root.join("content/contracts/meerwijk/2011.yaml"),
        contract_yaml,
    )
    .unwrap();
    let checked = afspraak::check(root, None).unwrap();
    let unknown: Vec<&str> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == afspraak::diagnostic::Code::UnknownKey)
        .map(|d| d.message.as_str())
        .collect();
    assert!(unknown.is_empty(), "{unknown:?}");
}
