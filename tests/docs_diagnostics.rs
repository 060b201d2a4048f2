//! docs/diagnostics.md documents every diagnostic code, and only real ones:
//! the codes are a public interface of `check --format json`.

use afspraak::diagnostic::Code;

fn doc() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.md");
    std::fs::read_to_string(path).expect("docs/diagnostics.md exists")
}

/// The table rows of the document, by their first cell: `| \`code\` | … |`.
fn rows(doc: &str) -> Vec<(String, String)> {
    doc.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("| `")?;
            let (code, _) = rest.split_once('`')?;
            Some((code.to_string(), line.to_string()))
        })
        .collect()
}

#[test]
fn every_code_has_a_row_with_its_description_and_an_example_fix() {
    let doc = doc();
    let rows = rows(&doc);
    for code in Code::ALL {
        let name = code.as_str();
        let found: Vec<&String> = rows
            .iter()
            .filter(|(c, _)| c == name)
            .map(|(_, row)| row)
            .collect();
        assert_eq!(
            found.len(),
            1,
            "`{name}` needs one row in docs/diagnostics.md"
        );
        let row = found[0];
        assert!(
            row.contains(code.description()),
            "the row of `{name}` should give its description: {:?}",
            code.description()
        );
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").collect();
        assert_eq!(
            cells.len(),
            4,
            "code, severity, meaning, example fix: {row}"
        );
        assert!(cells[3].trim().len() > 10, "`{name}` needs an example fix");
    }
}

#[test]
fn the_document_lists_no_unknown_codes() {
    for (name, _) in rows(&doc()) {
        assert!(
            Code::ALL.iter().any(|c| c.as_str() == name),
            "docs/diagnostics.md lists `{name}`, which is not a code"
        );
    }
}
