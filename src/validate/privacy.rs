//! Personal data in public text: e-mail addresses, phone numbers, a postcode
//! with a house number, a citizen service number (BSN), a bank account (IBAN). Residents' questions
//! must never identify a resident; public contact details can be allowed in
//! site.toml's `[privacy] allow`.

use std::sync::LazyLock;

use regex::Regex;

use super::visible;

/// What kind of personal data a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalData {
    Email,
    Phone,
    Address,
    Bsn,
    Iban,
}

impl PersonalData {
    /// The kind in words (`personal-data-kind` in the catalogues).
    pub fn describe(self) -> crate::i18n::Msg {
        let kind = match self {
            PersonalData::Email => "email",
            PersonalData::Phone => "phone",
            PersonalData::Address => "address",
            PersonalData::Bsn => "bsn",
            PersonalData::Iban => "iban",
        };
        crate::msg!("personal-data-kind", kind = kind)
    }
}

// Every pattern runs on the text as a reader sees it (see [`visible`]), as
// one regex in one pass; a match is then told apart by the anchored pattern
// of its kind. The separators a number may be written with: a space, a dot,
// a dash or a slash, with spaces around it.
const SEP: &str = r"(?:\s?[-./]\s?|\s)";

fn email() -> String {
    r"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:\p{L}{2,}|xn--[a-z0-9-]+)".into()
}

// Dutch numbers: 0 + 9 digits (06-12345678, (023) 511 5115, 06/12345678), or
// +31/0031 + 9 digits; an area code in brackets has 2 to 4 digits.
fn phone() -> String {
    let d = |n: usize| format!(r"\d(?:{SEP}?\d){{{}}}", n - 1);
    format!(
        r"(?:\+31|0031)\s?(?:\(0\)\s?)?[1-9](?:{SEP}?\d){{8}}\b|\b0[1-9](?:{SEP}?\d){{8}}\b|\(0[1-9]\)\s?{}\b|\(0[1-9]\d\)\s?{}\b|\(0[1-9]\d\d\)\s?{}\b",
        d(8),
        d(7),
        d(6)
    )
}

// A postcode (1234 AB) next to a house number: "Kleverlaan 12, 2023 AB",
// "2023 AB 12", "2023AB12", "2023 ab, 12", "2023 AB nr. 12".
fn address() -> String {
    r"\b\p{L}{3,}\s+\d{1,5}\s?[a-zA-Z]?(?:-\d+)?,?\s+[1-9]\d{3}\s?[A-Z]{2}\b|\b[1-9]\d{3}\s?[A-Za-z]{2}\s*,?\s*(?:(?:nr|no|huisnummer|nummer)\.?\s*)?\d{1,5}\b".into()
}

// Nine digits, whole or in the groups people write them in.
fn bsn() -> String {
    r"\b(?:\d{9}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{4}[ .-]\d{2}[ .-]\d{3}|\d{2}[ .-]\d{2}[ .-]\d{2}[ .-]\d{3})\b".into()
}

// An IBAN: country, check digits, then groups of four (spaced or not).
fn iban() -> String {
    r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b".into()
}

const KINDS: [PersonalData; 5] = [
    PersonalData::Email,
    PersonalData::Phone,
    PersonalData::Iban,
    PersonalData::Address,
    PersonalData::Bsn,
];

fn pattern(kind: PersonalData) -> String {
    match kind {
        PersonalData::Email => email(),
        PersonalData::Phone => phone(),
        PersonalData::Iban => iban(),
        PersonalData::Address => address(),
        PersonalData::Bsn => bsn(),
    }
}

/// All kinds in one regex, in order of precedence; and each kind alone,
/// anchored, to tell a match's kind.
static ANY: LazyLock<Regex> = LazyLock::new(|| {
    let all: Vec<String> = KINDS
        .iter()
        .map(|&k| format!("(?:{})", pattern(k)))
        .collect();
    Regex::new(&all.join("|")).expect("valid regex")
});
static EACH: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    KINDS
        .iter()
        .map(|&k| Regex::new(&format!("^(?:{})$", pattern(k))).expect("valid regex"))
        .collect()
});

/// Two-letter words that follow a year in prose ("in 2011 en 12 straten"):
/// in lower case they are no postcode.
const NOT_POSTCODE_LETTERS: &[&str] = &[
    "al", "ca", "cm", "de", "en", "er", "ha", "in", "is", "je", "km", "kg", "na", "nu", "of", "om",
    "op", "te", "tm", "we", "ze", "zo",
];

/// Finds personal data in `text`, skipping what `allow` lists. Returns byte
/// ranges into `text`, one for every occurrence. The text is read both as
/// written and as Markdown renders it (entities and escapes resolved, markup
/// and comments gone), with invisible characters removed and fullwidth
/// characters and dashes folded.
pub fn find(text: &str, allow: &[String]) -> Vec<(std::ops::Range<usize>, PersonalData)> {
    let mut found = Vec::new();
    // Every pattern needs a digit or an `@`, perhaps written as an entity or
    // in fullwidth form; most text has none.
    if !text
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'@' || b == b'&' || b >= 0x80)
    {
        return found;
    }
    let mut views = vec![visible::plain(text)];
    if text.bytes().any(|b| visible::MARKDOWN.contains(&b)) {
        views.push(visible::markdown(text));
    }
    for view in &views {
        for m in ANY.find_iter(&view.text) {
            let Some(kind) = classify(m.as_str()) else {
                continue;
            };
            if allowed(m.as_str(), allow) {
                continue;
            }
            let range = view.source(m.range());
            if !found.iter().any(|(r, _): &(std::ops::Range<usize>, _)| {
                r.start < range.end && range.start < r.end
            }) {
                found.push((range, kind));
            }
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// The kind of a match, if it passes its kind's own test (check digits,
/// letters that can be a postcode).
fn classify(m: &str) -> Option<PersonalData> {
    let kind = KINDS
        .iter()
        .zip(EACH.iter())
        .find(|(_, re)| re.is_match(m))
        .map(|(&k, _)| k)?;
    let digits = || m.chars().filter_map(|c| c.to_digit(10)).collect::<Vec<_>>();
    match kind {
        PersonalData::Bsn if !passes_eleven_test(&digits()) => None,
        PersonalData::Iban if !iban_checks(m) => None,
        PersonalData::Address => {
            // The letters after the four digits of a postcode-first match.
            let after: String = m
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start()
                .chars()
                .take(2)
                .collect();
            let postcode_first = m.starts_with(|c: char| c.is_ascii_digit());
            (!postcode_first
                || after.chars().all(|c| c.is_ascii_uppercase())
                || !NOT_POSTCODE_LETTERS.contains(&after.as_str()))
            .then_some(kind)
        }
        _ => Some(kind),
    }
}

fn allowed(m: &str, allow: &[String]) -> bool {
    let norm = normalise(m);
    allow
        .iter()
        .any(|a| normalise(&visible::plain(a).text) == norm)
}

/// The IBAN check: the number with its first four characters moved to the
/// end, letters as 10 to 35, leaves 1 when divided by 97.
fn iban_checks(m: &str) -> bool {
    let chars: Vec<char> = m.chars().filter(|c| *c != ' ').collect();
    if !(15..=34).contains(&chars.len()) {
        return false;
    }
    let mut rest = 0u32;
    for c in chars[4..].iter().chain(&chars[..4]) {
        let Some(v) = c.to_digit(36) else {
            return false;
        };
        rest = if v < 10 {
            (rest * 10 + v) % 97
        } else {
            (rest * 100 + v) % 97
        };
    }
    rest == 1
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '/' | '(' | ')' | ','))
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

    /// Every spelling the second round of attacks found (issue 18).
    #[test]
    fn finds_what_a_reader_sees() {
        use PersonalData::*;
        for (text, kind) in [
            ("mail jan&#64;example.nl", Email),
            ("mail jan@<!-- x -->example.nl", Email),
            ("mail jan＠example.nl", Email),
            ("mail jan@bücher.nl", Email),
            ("[mail](mailto:jan@example.nl)", Email),
            ("bel 06&#45;12345678", Phone),
            ("bel 06\\-12345678", Phone),
            ("bel (06) 12345678", Phone),
            ("bel (023) 5115115", Phone),
            ("bel 06/12345678", Phone),
            ("bel 06 - 12345678", Phone),
            ("bel 06\u{2013}12345678", Phone),
            ("bel 06\u{2011}12345678", Phone),
            ("bel 06\u{200B}12345678", Phone),
            ("bel ０６１２３４５６７８", Phone),
            ("bel 06*1234*5678", Phone),
            ("adres 2011 ab 12", Address),
            ("adres 2011AB12", Address),
            ("adres 2011 AB, 12", Address),
            ("adres 2011 AB nr. 12", Address),
            ("bsn 123 456 782", Bsn),
            ("bsn 12-34-56-782", Bsn),
            ("bsn 111222333", Bsn),
            ("rekening NL91ABNA0417164300", Iban),
            ("rekening NL91 ABNA 0417 1643 00 graag", Iban),
        ] {
            assert_eq!(kinds(text), [kind], "{text}");
        }
        // The check digits decide.
        assert!(kinds("rekening NL92ABNA0417164300").is_empty());
        assert!(kinds("bsn 123 456 789").is_empty());
    }

    #[test]
    fn every_occurrence_is_found_where_it_stands() {
        let text = "Bel 06-12345678 of 06-12345678.";
        let found = find(text, &[]);
        assert_eq!(
            found
                .iter()
                .map(|(r, _)| &text[r.clone()])
                .collect::<Vec<_>>(),
            ["06-12345678", "06-12345678"]
        );
        assert_ne!(found[0].0, found[1].0);
        // Through an entity: the range covers the source spelling.
        let text = "x jan&#64;example.nl y";
        let found = find(text, &[]);
        assert_eq!(&text[found[0].0.clone()], "jan&#64;example.nl");
    }

    #[test]
    fn the_allow_list_still_lets_public_details_through() {
        let allow = vec!["info@example.nl".to_string(), "023 511 5115".to_string()];
        for text in [
            "mail info&#64;example.nl",
            "bel (023) 511 5115",
            "bel 023\u{2013}5115115",
        ] {
            assert!(find(text, &allow).is_empty(), "{text}");
        }
    }

    #[test]
    fn prose_with_years_and_numbers_is_left_alone() {
        for text in [
            "In 2011 en 12 straten",
            "Sinds 2026 is 14 procent klaar",
            "Tussen 2011-10-15 en 2012-01-01",
            "Zie [de kaart](https://example.nl/kaart?id=2026)",
            "*Let op:* 300 meter, 12 bomen",
        ] {
            assert!(find(text, &[]).is_empty(), "{text}: {:?}", find(text, &[]));
        }
    }
}
