//! The personal-data check on text as it is published: Markdown rendered,
//! entities resolved, invisible characters removed, fullwidth forms folded.
//! Never panics; every finding is a non-empty range of the source on
//! character boundaries (a diagnostic slices the source there), in order and
//! without overlap; and a phone number written plainly after the text, in a
//! paragraph of its own, is found whatever came before it.
#![no_main]

use libfuzzer_sys::fuzz_target;

const PLAIN: &str = "\n\nBel 06-98765432 gerust.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let allow = ["14 023".to_string(), "info@example.nl".to_string()];
    check(text, &allow);
    let with = format!("{text}{PLAIN}");
    let found = check(&with, &allow);
    let tail = with.len() - PLAIN.len();
    // The text as written is always read too, so no markup before it hides it.
    assert!(
        found.iter().any(|r| r.end > tail),
        "the plain number after {text:?} was not found: {found:?}"
    );
});

fn check(text: &str, allow: &[String]) -> Vec<std::ops::Range<usize>> {
    let found = afspraak::validate::find_personal_data(text, allow);
    let mut last = 0;
    for (range, kind) in &found {
        assert!(range.start < range.end, "empty range {range:?} ({kind:?}) in {text:?}");
        assert!(range.end <= text.len(), "{range:?} past the end of {text:?}");
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "{range:?} splits a character in {text:?}"
        );
        assert!(range.start >= last, "{range:?} overlaps or is out of order in {text:?}");
        last = range.end;
    }
    found.into_iter().map(|(r, _)| r).collect()
}
