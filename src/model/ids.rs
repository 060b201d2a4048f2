//! Identifiers: slugs, typed indices into the site's tables, and the
//! `neighbourhood/year/id` reference that names one question for ever.

use std::fmt;

/// Page slugs that would take an address of the site's own sections
/// (`/wijken/`, `/cijfers/`, `/te-laat/`, …): a page may not be named so.
pub const RESERVED_PAGE_SLUGS: &[&str] = &[
    "wijken",
    "stadsdelen",
    "partners",
    "themas",
    "nieuws",
    "data",
    "zoeken",
    "cijfers",
    "te-laat",
    "k",
    "kaart",
    "en",
    "static",
];

/// Lowercase letters, digits and hyphens; no leading, trailing or double hyphen.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// A slug suggestion for an invalid one: "Floris van Adrichem" → `floris-van-adrichem`.
pub fn suggest_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

macro_rules! index_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize { self.0 as usize }
        }
    )*};
}
index_type!(DistrictId, NeighbourhoodId, PartnerId, TopicId);

/// `meerwijk/2011/7`: a question's permanent name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuestionRef {
    pub neighbourhood: String,
    pub year: i32,
    pub id: u32,
}

impl QuestionRef {
    pub fn parse(text: &str) -> Option<QuestionRef> {
        let mut parts = text.trim().split('/');
        let (nb, year, id) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || !is_valid_slug(nb) || year.len() != 4 {
            return None;
        }
        Some(QuestionRef {
            neighbourhood: nb.to_string(),
            year: year.parse().ok()?,
            id: id.parse().ok().filter(|&n| n > 0)?,
        })
    }
}

impl fmt::Display for QuestionRef {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}/{}/{}", self.neighbourhood, self.year, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["meerwijk", "bosch-en-vaart", "zuid-west", "a1"] {
            assert!(is_valid_slug(ok), "{ok}");
        }
        for bad in [
            "",
            "Meerwijk",
            "bosch en vaart",
            "-x",
            "x-",
            "a--b",
            "café",
            "a_b",
        ] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
        assert_eq!(suggest_slug("Bosch en Vaart"), "bosch-en-vaart");
        assert_eq!(suggest_slug("Één café"), "een-cafe");
    }

    #[test]
    fn question_refs() {
        let r = QuestionRef::parse("delftwijk/2010/4").unwrap();
        assert_eq!(
            (r.neighbourhood.as_str(), r.year, r.id),
            ("delftwijk", 2010, 4)
        );
        assert_eq!(r.to_string(), "delftwijk/2010/4");
        for bad in [
            "delftwijk/2010",
            "Delftwijk/2010/4",
            "delftwijk/10/4",
            "delftwijk/2010/0",
            "a/2010/4/5",
        ] {
            assert!(QuestionRef::parse(bad).is_none(), "{bad}");
        }
    }
}
