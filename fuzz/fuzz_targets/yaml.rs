//! YAML loader and front-matter split: arbitrary bytes must give a node or a
//! diagnostic, never a panic, and every span must lie inside the file.
#![no_main]

use afspraak::load::{front_matter, yaml};
use afspraak::source::SourceMap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // As a whole YAML file (the loader strips a BOM first).
    let mut map = SourceMap::default();
    let id = map.add("content/x.yaml".into(), text.to_string());
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let base = text.len() - body.len();
    check(&map, yaml::parse(id, map.get(id), base, body), text.len());
    // As a Markdown file with front matter.
    if let Ok(parts) = front_matter::split(text) {
        assert!(parts.body.0 <= text.len());
        assert_eq!(&text[parts.body.0..], parts.body.1);
        if let Some((start, y)) = parts.yaml {
            assert_eq!(&text[start..start + y.len()], y);
            check(&map, yaml::parse(id, map.get(id), start, y), text.len());
        }
    }
});

fn check(
    map: &SourceMap,
    result: Result<yaml::Node, afspraak::diagnostic::Diagnostic>,
    len: usize,
) {
    match result {
        Ok(node) => walk(&node, len),
        Err(d) => {
            let r = d.span.range();
            assert!(
                r.start <= r.end && r.end <= len,
                "diagnostic span {r:?} outside {len}"
            );
            let _ = map.snippet(d.span);
        }
    }
}

fn walk(node: &yaml::Node, len: usize) {
    let r = node.span.range();
    assert!(
        r.start <= r.end && r.end <= len,
        "node span {r:?} outside {len}"
    );
    match &node.value {
        yaml::Value::Seq(items) => items.iter().for_each(|n| walk(n, len)),
        yaml::Value::Map(entries) => entries.iter().for_each(|(_, n)| walk(n, len)),
        _ => {}
    }
}
