//! docs/diagnostics.md (Dutch, what an editor finds first) and
//! docs/diagnostics.en.md (English) document every diagnostic code, and only
//! real ones: the codes are a public interface of `check --format json`.

use afspraak::diagnostic::Code;

const DUTCH: &str = "docs/diagnostics.md";
const ENGLISH: &str = "docs/diagnostics.en.md";

fn doc(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(path).unwrap_or_else(|_| panic!("{name} exists"))
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

/// Each code's one row: code, severity, meaning, example fix.
fn row_of(name: &str, doc_name: &str, rows: &[(String, String)]) -> Vec<String> {
    let found: Vec<&String> = rows
        .iter()
        .filter(|(c, _)| c == name)
        .map(|(_, row)| row)
        .collect();
    assert_eq!(found.len(), 1, "`{name}` needs one row in {doc_name}");
    let cells: Vec<String> = found[0]
        .trim_matches('|')
        .split(" | ")
        .map(|c| c.trim().to_string())
        .collect();
    assert_eq!(
        cells.len(),
        4,
        "code, severity, meaning, example fix: {}",
        found[0]
    );
    assert!(
        cells[3].len() > 10,
        "`{name}` needs an example fix in {doc_name}"
    );
    cells
}

#[test]
fn every_code_has_a_row_in_english_with_its_description_and_an_example_fix() {
    let rows = rows(&doc(ENGLISH));
    for code in Code::ALL {
        let cells = row_of(code.as_str(), ENGLISH, &rows);
        assert!(
            cells[2].contains(code.description()),
            "the row of `{}` should give its description: {:?}",
            code.as_str(),
            code.description()
        );
    }
}

#[test]
fn every_code_has_a_row_in_dutch_with_the_same_severity() {
    let dutch = rows(&doc(DUTCH));
    let english = rows(&doc(ENGLISH));
    let severity = |s: &str| {
        s.replace("fout", "error")
            .replace("waarschuwing", "warning")
            .replace(", of ", ", or ")
    };
    for code in Code::ALL {
        let nl = row_of(code.as_str(), DUTCH, &dutch);
        let en = row_of(code.as_str(), ENGLISH, &english);
        assert_eq!(
            severity(&nl[1]),
            en[1],
            "`{}`: the severity differs between the two documents",
            code.as_str()
        );
        assert_ne!(nl[2], en[2], "`{}` is not translated", code.as_str());
    }
}

#[test]
fn the_documents_list_no_unknown_codes() {
    for name in [DUTCH, ENGLISH] {
        for (code, _) in rows(&doc(name)) {
            assert!(
                Code::ALL.iter().any(|c| c.as_str() == code),
                "{name} lists `{code}`, which is not a code"
            );
        }
    }
}

#[test]
fn each_document_links_the_other() {
    assert!(doc(DUTCH).contains("(diagnostics.en.md)"));
    assert!(doc(ENGLISH).contains("(diagnostics.md)"));
}
