//! Personal data in public text: e-mail addresses, phone numbers, a postcode
//! with a house number, a citizen service number (BSN). Residents' questions
//! must never identify a resident; public contact details can be allowed in
//! site.toml's `[privacy] allow`.

use std::sync::LazyLock;

use regex::Regex;

/// What kind of personal data a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalData {
    Email,
    Phone,
    Address,
    Bsn,
}

impl PersonalData {
    pub fn describe(self) -> &'static str {
        match self {
            PersonalData::Email => "an e-mail address",
            PersonalData::Phone => "a phone number",
            PersonalData::Address => "a postcode with a house number",
            PersonalData::Bsn => "a citizen service number (BSN)",
        }
    }
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
        .expect("valid regex")
});
// Dutch numbers: 0 + 9 digits (06-12345678, 023 511 5115, 020-1234567), or +31/0031 + 9 digits.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d\w+])((?:\+31|0031)[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}|0[1-9](?:[\s.-]?\d){8})(?:$|[^\d])")
        .expect("valid regex")
});
// A postcode (1234 AB) next to a house number: "Kleverlaan 12, 2023 AB" or "2023 AB 12".
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b[A-Za-zÀ-ÿ]{3,}\s+\d{1,5}\s?[a-zA-Z]?(?:-\d+)?,?\s+[1-9]\d{3}\s?[A-Z]{2}\b|\b[1-9]\d{3}\s?[A-Z]{2}\s+\d{1,5}\b)")
        .expect("valid regex")
});
static BSN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:\d{9}|\d{4}\.\d{2}\.\d{3})\b").expect("valid regex"));

/// Finds personal data in `text`, skipping what `allow` lists. Returns byte
/// ranges into `text`.
pub fn find(text: &str, allow: &[String]) -> Vec<(std::ops::Range<usize>, PersonalData)> {
    let mut found = Vec::new();
    // Every pattern needs a digit or an `@`; most text has neither.
    if !text.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
        return found;
    }
    let allowed = |s: &str| {
        let norm = normalise(s);
        allow.iter().any(|a| normalise(a) == norm)
    };
    for m in EMAIL.find_iter(text) {
        if !allowed(m.as_str()) {
            found.push((m.range(), PersonalData::Email));
        }
    }
    for c in PHONE.captures_iter(text) {
        let m = c.get(1).expect("group 1 always matches");
        if !allowed(m.as_str()) {
            found.push((m.range(), PersonalData::Phone));
        }
    }
    for m in ADDRESS.find_iter(text) {
        if !allowed(m.as_str()) {
            found.push((m.range(), PersonalData::Address));
        }
    }
    for m in BSN.find_iter(text) {
        let digits: Vec<u32> = m.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
        let overlaps_phone = found
            .iter()
            .any(|(r, _)| r.start <= m.start() && m.end() <= r.end);
        if passes_eleven_test(&digits) && !overlaps_phone && !allowed(m.as_str()) {
            found.push((m.range(), PersonalData::Bsn));
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The BSN *elfproef*: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11.
fn passes_eleven_test(digits: &[u32]) -> bool {
    if digits.len() != 9 || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let sum: i64 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            if i == 8 {
                -i64::from(d)
            } else {
                i64::from(d) * (9 - i as i64)
            }
        })
        .sum();
    sum % 11 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<PersonalData> {
        find(text, &[]).into_iter().map(|(_, k)| k).collect()
    }

    #[test]
    fn flags_personal_data() {
        assert_eq!(
            kinds("Mail jan.jansen@example.nl voor info"),
            [PersonalData::Email]
        );
        for phone in [
            "Bel 06-12345678.",
            "Bel 0612345678",
            "tel. 023 511 5115",
            "020-1234567",
            "+31 6 12345678",
            "+31 (0)23 5115115",
        ] {
            assert_eq!(kinds(phone), [PersonalData::Phone], "{phone}");
        }
        assert_eq!(
            kinds("Woont op Kleverlaan 12, 2023 AB Haarlem"),
            [PersonalData::Address]
        );
        assert_eq!(kinds("adres 2023 AB 12"), [PersonalData::Address]);
        assert_eq!(kinds("BSN 111222333"), [PersonalData::Bsn]);
        assert_eq!(kinds("BSN 1112.22.333"), [PersonalData::Bsn]);
    }

    #[test]
    fn leaves_ordinary_numbers_alone() {
        for text in [
            "In 2011 en 2012",
            "Het kost € 300.000 per jaar",
            "1.200 bezoekers kwamen langs",
            "Op 2011-10-15 en 2011-Q3",
            "Bel 14 023 of mail info@example.nl",
            "Postcodegebied 2023 AB krijgt nieuwe bakken",
            "4 lantaarnpalen, 12 bomen en 300 meter stoep",
            "Openingstijden 09.00 tot 17.00 uur",
            "Nummer 123456789 is geen BSN",
            "€ 1.250.000 voor 2026-2027",
        ] {
            let allow = vec!["14 023".to_string(), "info@example.nl".to_string()];
            assert!(
                find(text, &allow).is_empty(),
                "{text}: {:?}",
                find(text, &allow)
            );
        }
    }

    #[test]
    fn eleven_test() {
        assert!(passes_eleven_test(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
        assert!(!passes_eleven_test(&[1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }
}
