//! How text becomes index words, the same way the browser treats a query:
//! split on anything that is not a letter or digit, lowercase, and fold
//! diacritics away ("Fröbelstraat" → "frobelstraat", "café" → "cafe"). The
//! browser does exactly this with `normalize("NFKD")` and `\p{M}`; stemming
//! happens here only, and the index tells the browser each word's stem.

use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Calls `each` with every folded word of `text`. `buf` is scratch space, so
/// that the common all-ASCII word costs no allocation. A word is a run of
/// letters, digits and combining marks (which folding then drops, as the
/// browser folds before it splits).
/// The longest word that is indexed, in bytes: longer than Dutch compounds
/// get ("kindercarnavalsoptochtvoorbereidingswerkzaamheden" is 49).
pub const MAX_WORD_BYTES: usize = 80;

pub fn words(text: &str, buf: &mut String, mut each: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                if !c.is_alphanumeric() && !is_combining_mark(c) {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        if i == start {
            // A separator: one byte, or one whole character.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let raw = &text[start..i];
        // Not a word anyone types: a code, a pasted link, a hostile title. Its
        // compound ends alone would be quadratic in its length.
        if raw.len() > MAX_WORD_BYTES {
            continue;
        }
        buf.clear();
        if ascii {
            buf.push_str(raw);
            buf.make_ascii_lowercase();
            each(buf);
        } else {
            if let Some(spelled) = umlaut_spelled_out(raw) {
                each(&spelled);
            }
            fold_into(raw, buf);
            // A compatibility character may fold to more than one word.
            if buf.chars().all(char::is_alphanumeric) {
                if !buf.is_empty() {
                    each(buf);
                }
            } else {
                let folded = std::mem::take(buf);
                for w in folded.split(|c: char| !c.is_alphanumeric()) {
                    if !w.is_empty() {
                        each(w);
                    }
                }
                *buf = folded;
            }
        }
    }
}

fn fold_into(raw: &str, out: &mut String) {
    for c in raw.nfkd().filter(|c| !is_combining_mark(*c)) {
        out.extend(c.to_lowercase());
    }
}

/// A word with an umlaut (ä, ö, ü) as it is also written without one:
/// "Fröbel" is found as "frobel" (folded) and as "froebel" (spelled out).
fn umlaut_spelled_out(raw: &str) -> Option<String> {
    let mut out = String::new();
    let mut spelled = false;
    for c in raw.nfkd() {
        if c == '\u{308}' && out.ends_with(['a', 'o', 'u']) {
            out.push('e');
            spelled = true;
        } else if !is_combining_mark(c) {
            out.extend(c.to_lowercase());
        }
    }
    (spelled && out.chars().all(char::is_alphanumeric)).then_some(out)
}

/// One word folded as [`words`] folds it.
#[cfg(test)]
pub fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

/// The stemmers of the two languages a site's content is written in.
pub struct Stemmers {
    nl: Stemmer,
    en: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers {
            nl: Stemmer::create(Algorithm::Dutch),
            en: Stemmer::create(Algorithm::English),
        }
    }
}

impl Stemmers {
    pub fn dutch(&self, word: &str) -> String {
        self.nl.stem(word).into_owned()
    }
    pub fn english(&self, word: &str) -> String {
        self.en.stem(word).into_owned()
    }
}

/// The shortest end of a word that matches on its own, and the shortest start
/// it must leave: "cafe" in "taalcafe", "straat" in "frobelstraat", not "afe".
pub const MIN_TAIL: usize = 4;
pub const MIN_HEAD: usize = 3;

/// The ends of a compound word that a query may name alone, longest first.
pub fn tails(word: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let n = starts.len();
    let range = if n >= MIN_HEAD + MIN_TAIL {
        MIN_HEAD..n + 1 - MIN_TAIL
    } else {
        0..0
    };
    range.map(move |i| &word[starts[i]..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        words(text, &mut String::new(), |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn words_are_lowercased_and_folded() {
        assert_eq!(
            all("Fröbelstraat: één Repaircafé, 12 bánkjes!"),
            [
                "froebelstraat",
                "frobelstraat",
                "een",
                "repaircafe",
                "12",
                "bankjes"
            ]
        );
        // ö folds to o; the word is also indexed with the umlaut spelled out.
        assert_eq!(fold("Fröbel"), "frobel");
        assert_eq!(all("Fröbelstraat"), ["froebelstraat", "frobelstraat"]);
        // A diaeresis on e or i only separates vowels: nothing to spell out.
        assert_eq!(all("ideeën"), ["ideeen"]);
        assert_eq!(all("ĳsbaan"), ["ijsbaan"]);
        // A decomposed accent stays inside its word, as in the browser.
        assert_eq!(all("cafe\u{301}s — ok"), ["cafes", "ok"]);
    }

    #[test]
    fn dutch_stems_join_inflections() {
        let s = Stemmers::default();
        assert_eq!(s.dutch("bomen"), s.dutch("boom"));
        assert_eq!(s.dutch("straten"), "straat");
        assert_eq!(s.dutch("lantaarnpalen"), s.dutch("lantaarnpaal"));
        assert_eq!(s.english("trees"), s.english("tree"));
    }

    #[test]
    fn a_word_longer_than_any_real_one_is_not_indexed() {
        let long = "Zwembadje".repeat(160_000);
        assert_eq!(all(&format!("een {long} bad")), ["een", "bad"]);
        let longest = "kindercarnavalsoptochtvoorbereidingswerkzaamheden";
        assert_eq!(all(longest), [longest]);
    }

    #[test]
    fn tails_of_compounds() {
        let t: Vec<&str> = tails("taalcafe").collect();
        assert_eq!(t, ["lcafe", "cafe"]);
        assert!(tails("frobelstraat").any(|t| t == "straat"));
        assert_eq!(tails("cafe").count(), 0);
        assert_eq!(tails("caféé").count(), 0);
    }
}
