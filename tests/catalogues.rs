//! Every message the code asks for exists in both catalogues, so that no
//! message falls back to its id, and both catalogues read without errors.

use std::path::Path;

use afspraak::i18n::{self, Lang};

/// The message ids named in the sources: `msg!("id"`, `tr!("id"`,
/// `Msg::new("id")` and the item names passed to `Fields::of`.
fn ids_in(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ids_in(&path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for marker in ["msg!(\"", "tr!(\"", "msg!(\n", "Msg::new(\"", "\"item-"] {
            for (at, _) in text.match_indices(marker) {
                let rest = &text[at + marker.len()..];
                let rest = rest.trim_start().trim_start_matches('"');
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                    .collect();
                let id = if marker == "\"item-" {
                    format!("item-{id}")
                } else {
                    id
                };
                // "id" is the placeholder in the macros' own documentation.
                if !id.is_empty() && id != "id" {
                    out.push((id, path.display().to_string()));
                }
            }
        }
    }
}

#[test]
fn every_message_the_code_uses_is_in_both_catalogues() {
    let mut used = Vec::new();
    ids_in(Path::new("src"), &mut used);
    assert!(used.len() > 200, "found only {} message ids", used.len());
    let mut missing = Vec::new();
    for (id, file) in &used {
        for lang in Lang::ALL {
            if !i18n::has(lang, id) {
                missing.push(format!("{id} ({file}) is not in {}.ftl", lang.code()));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
