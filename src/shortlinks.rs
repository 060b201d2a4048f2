//! Short links `/k/<code>/`, for paper and radio: a QR code or a code read
//! aloud leads to a question's or contract's permanent address.
//!
//! A code is five characters from an alphabet without look-alikes (no 0/O,
//! 1/l/I): 32 characters, so 25 bits. It is derived from the permalink:
//! candidate `n` is the 64-bit FNV-1a hash of the URL (n = 0) or of
//! `<url>#<n>` (n ≥ 1), folded to 25 bits and written most significant
//! character first. A URL takes its first candidate that no other URL holds
//! or ever held. The codes are kept in the record of what was published
//! (`published.txt`): a recorded code stays with its URL even when these rules
//! would now pick another, and is never given to another URL, not even after
//! its URL left the site (the record then keeps a line `/k/<code>/ was=<url>`).

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::fingerprint::{START, fnv1a};

/// The characters of a code: digits and capitals without 0, 1, I and O.
pub const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
pub const LEN: usize = 5;
/// Where the short links live.
pub const PREFIX: &str = "/k/";

/// A short code, such as `K7MQ2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ShortCode([u8; LEN]);

impl ShortCode {
    /// Reads a code as written in a URL or the record.
    pub fn parse(text: &str) -> Option<ShortCode> {
        let bytes: [u8; LEN] = text.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(|b| ALPHABET.contains(b))
            .then_some(ShortCode(bytes))
    }

    pub fn as_str(&self) -> &str {
        // Only alphabet bytes (ASCII) are ever stored.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Candidate `n` for `url` (see the module's documentation).
    pub fn candidate(url: &str, n: u32) -> ShortCode {
        let mut h = fnv1a(START, url.as_bytes());
        if n > 0 {
            h = fnv1a(h, format!("#{n}").as_bytes());
        }
        let folded = (h ^ (h >> 25) ^ (h >> 50)) & ((1 << 25) - 1);
        let mut code = [0; LEN];
        for (i, c) in code.iter_mut().enumerate() {
            let shift = 5 * (LEN - 1 - i);
            *c = ALPHABET[((folded >> shift) & 31) as usize];
        }
        ShortCode(code)
    }
}

impl std::fmt::Display for ShortCode {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The path of a short link: `/k/K7MQ2/`.
pub fn url(code: ShortCode) -> String {
    format!("{PREFIX}{code}/")
}

/// Every short link of a build.
#[derive(Debug, Default, Clone)]
pub struct ShortLinks {
    by_url: HashMap<String, ShortCode>,
    /// ShortCode → the URL it forwards to, in code order (the pages' order).
    by_code: BTreeMap<ShortCode, String>,
    /// Codes whose URL is no longer on the site: reserved for ever.
    retired: BTreeMap<ShortCode, String>,
}

impl ShortLinks {
    /// Gives each of `permalinks` a code. `recorded` are the (URL, code)
    /// pairs of the record; `alive` says whether a recorded URL is still on
    /// the site (as a page or a redirect), so that its code stays with it.
    pub fn assign<'a>(
        permalinks: impl IntoIterator<Item = &'a str>,
        recorded: &[(String, ShortCode)],
        alive: &dyn Fn(&str) -> bool,
    ) -> ShortLinks {
        let mut links = ShortLinks::default();
        let taken: HashSet<ShortCode> = recorded.iter().map(|(_, c)| *c).collect();
        for (url, code) in recorded {
            if links.by_code.contains_key(code) || links.by_url.contains_key(url) {
                // A damaged or merged record: the first line wins; the other URL gets a new code.
                continue;
            }
            if alive(url) {
                links.by_url.insert(url.clone(), *code);
                links.by_code.insert(*code, url.clone());
            } else {
                links.retired.insert(*code, url.clone());
            }
        }
        let mut new: Vec<&str> = permalinks
            .into_iter()
            .filter(|u| !links.by_url.contains_key(*u))
            .collect();
        // In URL order, so that the same site gives the same codes on every machine.
        new.sort_unstable();
        new.dedup();
        for url in new {
            let code = (0..)
                .map(|n| ShortCode::candidate(url, n))
                .find(|c| !taken.contains(c) && !links.by_code.contains_key(c))
                .expect("2^25 codes");
            links.by_url.insert(url.to_string(), code);
            links.by_code.insert(code, url.to_string());
        }
        links
    }

    /// The code of a permalink.
    pub fn code(&self, url: &str) -> Option<ShortCode> {
        self.by_url.get(url).copied()
    }

    /// Every live code with the URL it forwards to.
    pub fn iter(&self) -> impl Iterator<Item = (ShortCode, &str)> {
        self.by_code.iter().map(|(c, u)| (*c, u.as_str()))
    }

    /// Codes whose URL left the site, with that URL.
    pub fn retired(&self) -> impl Iterator<Item = (ShortCode, &str)> {
        self.retired.iter().map(|(c, u)| (*c, u.as_str()))
    }

    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_the_unambiguous_alphabet() {
        for n in 0..2000 {
            let c = ShortCode::candidate(&format!("/wijken/x/2026/{n}/"), 0);
            assert!(
                c.as_str()
                    .chars()
                    .all(|ch| !"0O1lI".contains(ch) && ch.is_ascii_alphanumeric())
            );
            assert_eq!(ShortCode::parse(c.as_str()), Some(c));
        }
        assert_eq!(ShortCode::parse("AB0CD"), None);
        assert_eq!(ShortCode::parse("ABCD"), None);
    }

    #[test]
    fn a_collision_takes_the_next_candidate_and_a_recorded_code_is_kept() {
        let a = "/wijken/a/2026/1/";
        let b = "/wijken/b/2026/1/";
        let first = ShortCode::candidate(b, 0);
        // `a` was recorded with b's first choice: b takes its next candidate.
        let links = ShortLinks::assign([a, b], &[(a.to_string(), first)], &|_| true);
        assert_eq!(links.code(a), Some(first));
        assert_eq!(links.code(b), Some(ShortCode::candidate(b, 1)));
        // A URL that left the site keeps its code reserved.
        let links = ShortLinks::assign([b], &[(a.to_string(), first)], &|u| u != a);
        assert_eq!(links.code(b), Some(ShortCode::candidate(b, 1)));
        assert_eq!(links.retired().collect::<Vec<_>>(), [(first, a)]);
    }

    #[test]
    fn the_order_of_the_input_does_not_matter() {
        let urls: Vec<String> = (0..500).map(|n| format!("/wijken/x/2026/{n}/")).collect();
        let one = ShortLinks::assign(urls.iter().map(String::as_str), &[], &|_| true);
        let two = ShortLinks::assign(urls.iter().rev().map(String::as_str), &[], &|_| true);
        for u in &urls {
            assert_eq!(one.code(u), two.code(u));
        }
        assert_eq!(one.len(), 500);
    }
}
