//! Property tests: whatever is in a content file — random bytes, YAML-ish
//! noise, or a valid contract with lines deleted, duplicated, re-indented or
//! tabbed — `check` returns (no panic, no hang), and every diagnostic points
//! inside its file. Runs in-process through the library for speed.

mod common;

use std::sync::mpsc;
use std::time::Duration;

use afspraak::diagnostic::{locate, render_human, render_json};
use afspraak::source::{SourceMap, Span};
use proptest::prelude::*;

use common::{CONTRACT, Site, UPDATE};

/// Generous for a debug build on a slow machine; a hang would never finish.
const LIMIT: Duration = Duration::from_secs(30);

/// 64 cases keep the suite fast; `PROPTEST_CASES=5000` searches harder.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(64),
        ..ProptestConfig::default()
    }
}

/// Runs `check` on the site in a thread, failing on panic or timeout, and
/// verifies every diagnostic's position. Returns the number of diagnostics.
fn check_in_bounds(site: &Site) -> usize {
    let root = site.root().to_path_buf();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let checked = afspraak::check(&root, None).expect("the site folder exists");
        let problems = positions_out_of_bounds(&checked);
        // Rendering must cope with every span, too.
        let human = render_human(&checked.diagnostics, &checked.sources, false);
        let json = render_json(&checked.diagnostics, &checked.sources);
        serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
        let _ = tx.send((problems, checked.diagnostics.iter().count(), human));
    });
    match rx.recv_timeout(LIMIT) {
        Ok((problems, count, human)) => {
            assert!(problems.is_empty(), "{problems:#?}\n{human}");
            count
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("check took longer than {LIMIT:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("check panicked"),
    }
}

fn positions_out_of_bounds(checked: &afspraak::Checked) -> Vec<String> {
    let mut problems = Vec::new();
    for d in checked.diagnostics.iter() {
        let spans = std::iter::once(d.span).chain(d.related.iter().map(|(s, _)| *s));
        for span in spans {
            if let Err(e) = in_bounds(&checked.sources, span) {
                problems.push(format!("{}: {e}", d.code.as_str()));
            }
        }
    }
    problems
}

fn in_bounds(sources: &SourceMap, span: Span) -> Result<(), String> {
    let file = sources.get(span.file);
    let len = file.text.len();
    if span.start > span.end || span.end as usize > len {
        return Err(format!(
            "{}: span {:?} in {len} bytes",
            file.path,
            span.range()
        ));
    }
    if !file.text.is_char_boundary(span.start as usize) {
        return Err(format!("{}: span starts inside a character", file.path));
    }
    let loc = locate(sources, span);
    let lines: Vec<&str> = file.text.split('\n').collect();
    if loc.line < 1 || loc.line > lines.len() {
        return Err(format!(
            "{}: line {} of {}",
            loc.file,
            loc.line,
            lines.len()
        ));
    }
    let chars = lines[loc.line - 1].chars().count();
    if loc.column < 1 || loc.column > chars + 1 {
        return Err(format!(
            "{}:{}: column {} on a line of {chars} characters",
            loc.file, loc.line, loc.column
        ));
    }
    Ok(())
}

/// One edit of a text, by line or by character; indices wrap around.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    InsertLine(usize, String),
    SwapChars(usize),
    InsertTab(usize),
    Indent(usize, i8),
    InsertChar(usize, char),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let line = prop_oneof![
        Just(String::new()),
        Just("---".to_string()),
        Just("  - id: 7".to_string()),
        Just("    outcome: declined".to_string()),
        Just("questions:".to_string()),
        Just("&a [*a]".to_string()),
        "[ -~]{0,40}",
    ];
    let special = prop_oneof![
        Just(':'),
        Just('-'),
        Just('['),
        Just(']'),
        Just('{'),
        Just('}'),
        Just('"'),
        Just('\''),
        Just('&'),
        Just('*'),
        Just('|'),
        Just('>'),
        Just('#'),
        Just('\t'),
        Just('\n'),
        Just('\r'),
        Just('é'),
        Just('\u{feff}'),
        any::<char>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), line).prop_map(|(i, l)| Mutation::InsertLine(i, l)),
        any::<usize>().prop_map(Mutation::SwapChars),
        any::<usize>().prop_map(Mutation::InsertTab),
        (any::<usize>(), -4i8..=4).prop_map(|(i, d)| Mutation::Indent(i, d)),
        (any::<usize>(), special).prop_map(|(i, c)| Mutation::InsertChar(i, c)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
    let n = lines.len();
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % len };
    match m {
        Mutation::DeleteLine(i) => {
            lines.remove(at(*i, n));
        }
        Mutation::DuplicateLine(i) => {
            let i = at(*i, n);
            lines.insert(i, lines[i].clone());
        }
        Mutation::InsertLine(i, l) => lines.insert(at(*i, n + 1), l.clone()),
        Mutation::Indent(i, delta) => {
            let i = at(*i, n);
            let line = &lines[i];
            let body = line.trim_start_matches(' ');
            let indent = (line.len() - body.len()) as i64 + i64::from(*delta);
            lines[i] = format!("{}{body}", " ".repeat(indent.max(0) as usize));
        }
        Mutation::InsertTab(i) => {
            // At the start of a line: tab indentation.
            let i = at(*i, n);
            lines[i].insert(0, '\t');
        }
        Mutation::SwapChars(i) => {
            let mut chars = chars;
            if chars.len() >= 2 {
                let i = at(*i, chars.len() - 1);
                chars.swap(i, i + 1);
            }
            return chars.into_iter().collect();
        }
        Mutation::InsertChar(i, c) => {
            let mut chars = chars;
            let i = at(*i, chars.len() + 1);
            chars.insert(i, *c);
            return chars.into_iter().collect();
        }
        Mutation::Truncate(i) => return chars[..at(*i, chars.len() + 1)].iter().collect(),
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_in_a_contract(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let site = Site::base();
        site.write(CONTRACT, &bytes);
        check_in_bounds(&site);
    }

    #[test]
    fn yaml_like_noise_in_a_contract(text in "[a-z0-9:_ \\-\\[\\]{}&*!|>'\"#%@,?\t\n]{0,600}") {
        let site = Site::base();
        site.write(CONTRACT, &text);
        check_in_bounds(&site);
    }

    #[test]
    fn mutated_contract(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let site = Site::base();
        let mut text = site.read(CONTRACT);
        for m in &mutations {
            text = apply(&text, m);
        }
        site.write(CONTRACT, &text);
        check_in_bounds(&site);
    }

    #[test]
    fn mutated_update_front_matter(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let site = Site::base();
        let mut text = site.read(UPDATE);
        for m in &mutations {
            text = apply(&text, m);
        }
        site.write(UPDATE, &text);
        check_in_bounds(&site);
    }
}

/// The properties would hold vacuously if `check` saw no problems: make sure
/// the harness itself reports what a broken file contains.
#[test]
fn harness_sees_diagnostics() {
    let site = Site::base();
    assert_eq!(check_in_bounds(&site), 0);
    site.write(CONTRACT, "\tperiod: [\n");
    assert!(check_in_bounds(&site) >= 1);
}

#[test]
fn mutations_do_what_they_say() {
    let text = "a: 1\n  b: 2\nc: 3";
    assert_eq!(apply(text, &Mutation::DeleteLine(1)), "a: 1\nc: 3");
    assert_eq!(
        apply(text, &Mutation::DuplicateLine(4)),
        "a: 1\n  b: 2\n  b: 2\nc: 3"
    );
    assert_eq!(apply(text, &Mutation::Indent(1, -2)), "a: 1\nb: 2\nc: 3");
    assert_eq!(apply(text, &Mutation::InsertTab(2)), "a: 1\n  b: 2\n\tc: 3");
    assert_eq!(apply("ab", &Mutation::SwapChars(0)), "ba");
    assert_eq!(apply("ab", &Mutation::InsertChar(1, ':')), "a:b");
    assert_eq!(apply("abc", &Mutation::Truncate(2)), "ab");
}
