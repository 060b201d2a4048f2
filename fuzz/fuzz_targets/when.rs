//! Fuzzy dates: never a panic, and a parsed date has first_day <= last_day.
#![no_main]

use afspraak::model::When;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(when) = When::parse(text) {
        assert!(when.first_day() <= when.last_day(), "{when:?}");
        let _ = when.to_string();
        let _ = when.sort_key();
    }
    let _ = afspraak::model::when::parse_day(text);
    let _ = afspraak::parse_as_of(text);
});
