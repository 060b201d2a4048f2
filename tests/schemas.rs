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
        } else if rel.ends_with(".en.md") {
            assert_valid(
                "translation.schema.json",
                path,
                &front_matter(&fs::read_to_string(path).unwrap()),
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
    // The bundled site shows the promise record, so its fields are validated too.
    let contracts: String = walkdir::WalkDir::new(content.join("contracts"))
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .collect();
    for field in [
        "rescheduled:",
        "revised:",
        "report_by:",
        "needs_volunteers: true",
        "scale: district",
        "scale: city",
    ] {
        assert!(
            contracts.contains(field),
            "no bundled contract uses `{field}`"
        );
    }
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

/// A minimal contract around `question`, one item of its `questions` list.
fn with_question(question: &str) -> serde_json::Value {
    yaml(&format!(
        "period: {{ from: 2026-04-01, to: 2027-03-31 }}\nsignatories: [wijkraad]\nquestions:\n{question}"
    ))
}

#[test]
fn schemas_accept_moves_and_revisions() {
    let contract = schema("contract.schema.json");
    let v = jsonschema::validator_for(&contract).unwrap();
    let valid = [
        // The example of the guide: the promise as signed, and its moves.
        "  - id: 1\n    title: T\n    asked: A\n    topic: veilig\n    partner: gemeente\n    outcome: honoured\n    when: 2026-Q3\n    rescheduled:\n      - { date: 2026-09-15, when: 2027-Q1, reason: De aannemer is failliet. }\n      - { date: 2027-01-10, when: 2027, reason: De nieuwe aannemer begint later. }\n",
        "  - { id: 2, title: T, asked: A, topic: veilig, partner: gemeente, outcome: prioritised, report_by: 2026-11, rescheduled: [{ date: 2026-10-20, report_by: 2027-01, reason: De begroting is later klaar. }] }\n",
        "  - { id: 3, title: T, asked: A, topic: veilig, partner: gemeente, outcome: scheduled, when: 2028, planning_adjusted: true, rescheduled: [{ date: 2026-10-20, when: 2029, reason: R }] }\n",
        "  - id: 4\n    title: T\n    asked: A\n    topic: veilig\n    partner: gemeente\n    outcome: declined\n    ground: legal\n    reason: De grond is verkocht.\n    revised:\n      - { date: 2026-05-01, from: scheduled, reason: R }\n      - { date: 2026-07-06, from: honoured, reason: De grond bleek verkocht. }\n",
    ];
    for question in valid {
        let instance = with_question(question);
        let errors: Vec<String> = v.iter_errors(&instance).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{question}: {errors:#?}");
    }
    let invalid = [
        // No reason.
        "  - { id: 1, title: T, asked: A, topic: veilig, partner: gemeente, outcome: honoured, when: 2026-Q3, rescheduled: [{ date: 2026-09-15, when: 2027-Q1 }] }\n",
        // A key a move does not have.
        "  - { id: 1, title: T, asked: A, topic: veilig, partner: gemeente, outcome: honoured, when: 2026-Q3, rescheduled: [{ date: 2026-09-15, when: 2027-Q1, reason: R, note: N }] }\n",
        // An honoured answer's move sets `when`; a prioritised one's `report_by`.
        "  - { id: 1, title: T, asked: A, topic: veilig, partner: gemeente, outcome: honoured, when: 2026-Q3, rescheduled: [{ date: 2026-09-15, report_by: 2027-Q1, reason: R }] }\n",
        "  - { id: 1, title: T, asked: A, topic: veilig, partner: gemeente, outcome: prioritised, report_by: 2026-11, rescheduled: [{ date: 2026-10-20, when: 2027-01, reason: R }] }\n",
        // Nothing was promised, so nothing moves.
        "  - { id: 1, title: T, asked: A, topic: veilig, partner: gemeente, outcome: declined, ground: legal, reason: R, rescheduled: [{ date: 2026-10-20, when: 2027-01, reason: R }] }\n",
        // `from` is one of the five answers, and every entry has a date.
        "  - { id: 1, title: T, asked: A, topic: veilig, partner: gemeente, outcome: resolved, revised: [{ date: 2026-10-20, from: maybe, reason: R }] }\n",
        "  - { id: 1, title: T, asked: A, topic: veilig, partner: gemeente, outcome: resolved, revised: [{ from: declined, reason: R }] }\n",
    ];
    for question in invalid {
        assert!(!v.is_valid(&with_question(question)), "{question}");
    }
}

#[test]
fn schemas_accept_volunteers_scale_and_opting_out() {
    let contract = schema("contract.schema.json");
    let v = jsonschema::validator_for(&contract).unwrap();
    let valid = [
        "  - { id: 1, title: T, asked: A, topic: sociaal, partner: dock, kind: initiative, needs_volunteers: true, outcome: honoured, when: 2026-Q4 }\n",
        "  - { id: 2, title: T, asked: A, topic: verkeer, partner: gemeente, scale: city, outcome: prioritised, report_by: 2026-11 }\n",
        "  - { id: 3, title: T, asked: A, topic: verkeer, partner: gemeente, scale: district, needs_volunteers: false, outcome: resolved }\n",
        "  - { id: 4, title: T, asked: A, topic: verkeer, partner: gemeente, scale: neighbourhood, outcome: resolved }\n",
    ];
    for question in valid {
        let instance = with_question(question);
        let errors: Vec<String> = v.iter_errors(&instance).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{question}: {errors:#?}");
    }
    let invalid = [
        // Only an initiative waits for volunteers.
        "  - { id: 1, title: T, asked: A, topic: sociaal, partner: dock, needs_volunteers: true, outcome: resolved }\n",
        "  - { id: 1, title: T, asked: A, topic: sociaal, partner: dock, kind: question, needs_volunteers: true, outcome: resolved }\n",
        "  - { id: 1, title: T, asked: A, topic: sociaal, partner: dock, kind: initiative, needs_volunteers: ja, outcome: resolved }\n",
        "  - { id: 1, title: T, asked: A, topic: verkeer, partner: gemeente, scale: stadsdeel, outcome: resolved }\n",
    ];
    for question in invalid {
        assert!(!v.is_valid(&with_question(question)), "{question}");
    }

    let districts = schema("districts.schema.json");
    let v = jsonschema::validator_for(&districts).unwrap();
    let with_neighbourhood = |fields: &str| {
        yaml(&format!(
            "- slug: schalkwijk\n  name: Schalkwijk\n  neighbourhoods:\n    - slug: zuiderpolder\n      name: Zuiderpolder\n{fields}"
        ))
    };
    let valid = [
        "      opted_out: { since: 2019, note: De wijkraad praat liever zelf met de gemeente. }\n",
        "      opted_out:\n        since: '2019'\n        note: |\n          De wijkraad praat liever zelf met de gemeente.\n",
    ];
    for fields in valid {
        let instance = with_neighbourhood(fields);
        let errors: Vec<String> = v.iter_errors(&instance).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{fields}: {errors:#?}");
    }
    let invalid = [
        "      opted_out: true\n",
        "      opted_out: { since: 2019 }\n",
        "      opted_out: { note: N }\n",
        "      opted_out: { since: 19, note: N }\n",
        "      opted_out: { since: 'sinds 2019', note: N }\n",
        "      opted_out: { since: 2019, note: N, reason: R }\n",
    ];
    for fields in invalid {
        assert!(!v.is_valid(&with_neighbourhood(fields)), "{fields}");
    }
    // The bundled site has a neighbourhood that opted out.
    assert!(
        fs::read_to_string(repo().join("content/districts.yaml"))
            .unwrap()
            .contains("opted_out:")
    );
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
        "title = \"T\"\nas_of = 2011-12-31T12:00:00\n\n[open_data]\npublisher = { name = \"Gemeente\" }\ncontact = { name = \"Team\", email = \"team@example.nl\" }\n",
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
            "rescheduled" => "rescheduled: [{ date: 2011-11-01, when: 2013, reason: R }]",
            "revised" => "revised: [{ date: 2011-10-01, from: honoured, reason: R }]",
            "needs_volunteers" => "needs_volunteers: true",
            "scale" => "scale: city",
            "en" => "en: { title: T, asked: A, answer: B, reason: R }",
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
