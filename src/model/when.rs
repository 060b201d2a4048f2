//! Fuzzy dates: an agreement is due in a year (2012), a quarter (2011-Q3), a
//! month (2011-10) or on a day (2011-10-15). Rules compare their first and
//! last days: a `when` has passed once its last day is over.

use std::fmt;

use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u32),
    Day(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhenError {
    /// Not written as one of the four forms.
    Format,
    /// Written correctly, but no such date (2011-02-30, 2011-13, 2011-Q5).
    DoesNotExist,
}

impl When {
    pub fn parse(text: &str) -> Result<When, WhenError> {
        let text = text.trim();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let parts: Vec<&str> = text.split('-').collect();
        match parts.as_slice() {
            [y] if y.len() == 4 && digits(y) => {
                Ok(When::Year(y.parse().map_err(|_| WhenError::Format)?))
            }
            [y, q]
                if y.len() == 4
                    && digits(y)
                    && (q.starts_with('Q') || q.starts_with('q'))
                    && q.len() == 2 =>
            {
                let n: u8 = q[1..].parse().map_err(|_| WhenError::Format)?;
                if (1..=4).contains(&n) {
                    Ok(When::Quarter(y.parse().map_err(|_| WhenError::Format)?, n))
                } else {
                    Err(WhenError::DoesNotExist)
                }
            }
            [y, m] if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) => {
                let month: u32 = m.parse().map_err(|_| WhenError::Format)?;
                if (1..=12).contains(&month) {
                    Ok(When::Month(
                        y.parse().map_err(|_| WhenError::Format)?,
                        month,
                    ))
                } else {
                    Err(WhenError::DoesNotExist)
                }
            }
            [y, _, _] if y.len() == 4 && digits(y) => parse_day(text).map(When::Day),
            _ => Err(WhenError::Format),
        }
    }

    pub fn year(&self) -> i32 {
        match *self {
            When::Year(y) | When::Quarter(y, _) | When::Month(y, _) => y,
            When::Day(d) => d.year(),
        }
    }

    pub fn first_day(&self) -> NaiveDate {
        match *self {
            When::Year(y) => ymd(y, 1, 1),
            When::Quarter(y, q) => ymd(y, u32::from(q) * 3 - 2, 1),
            When::Month(y, m) => ymd(y, m, 1),
            When::Day(d) => d,
        }
    }

    pub fn last_day(&self) -> NaiveDate {
        match *self {
            When::Year(y) => ymd(y, 12, 31),
            When::Quarter(y, q) => last_of_month(y, u32::from(q) * 3),
            When::Month(y, m) => last_of_month(y, m),
            When::Day(d) => d,
        }
    }

    /// Whether the whole period lies before `today`: it has passed.
    pub fn has_passed(&self, today: NaiveDate) -> bool {
        self.last_day() < today
    }

    /// Whether the period shares a day with `from..=to`.
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.first_day() <= to && self.last_day() >= from
    }

    /// Sort key: by first day, the coarser before the finer on ties.
    pub fn sort_key(&self) -> (NaiveDate, NaiveDate) {
        (self.first_day(), self.last_day())
    }
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const ORDINALS: [[&str; 3]; 4] = [
    ["eerste", "1e", "1ste"],
    ["tweede", "2e", "2de"],
    ["derde", "3e", "3de"],
    ["vierde", "4e", "4de"],
];

/// Words for a time of year that is no fixed stretch of days: an editor
/// writes a quarter or a month instead.
pub const VAGUE: &[&str] = &[
    "voorjaar",
    "lente",
    "zomer",
    "najaar",
    "herfst",
    "winter",
    "begin",
    "eind",
    "einde",
    "medio",
    "halverwege",
    "midden",
    "zomervakantie",
];

/// A month by its Dutch name, or its first three letters (`dec`, `dec.`).
fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w == "mrt" {
        return Some(3);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w)))
        .map(|i| i as u32 + 1)
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

impl When {
    /// What an editor writes: the four forms of [`When::parse`], or Dutch:
    /// `december 2027`, `dec 2027`, `derde kwartaal 2027`, `3e kwartaal 2027`,
    /// `Q3 2027`, `15 november 2027` and `15-11-2027`. Seasons and "begin
    /// 2027" are refused: they are no fixed stretch of days.
    pub fn parse_written(text: &str) -> Result<When, WhenError> {
        let strict = When::parse(text);
        if strict != Err(WhenError::Format) {
            return strict;
        }
        match parse_day_written(text) {
            Ok(day) => return Ok(When::Day(day)),
            Err(WhenError::DoesNotExist) => return Err(WhenError::DoesNotExist),
            Err(WhenError::Format) => {}
        }
        let lower = text.trim().to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        match words.as_slice() {
            [m, y] => {
                let y = year_of(y).ok_or(WhenError::Format)?;
                if let Some(m) = month_number(m) {
                    return Ok(When::Month(y, m));
                }
                // Q3 2027, K3 2027
                let q = m
                    .strip_prefix('q')
                    .or_else(|| m.strip_prefix('k'))
                    .and_then(|n| n.parse::<u8>().ok())
                    .ok_or(WhenError::Format)?;
                if (1..=4).contains(&q) {
                    Ok(When::Quarter(y, q))
                } else {
                    Err(WhenError::DoesNotExist)
                }
            }
            [ord, "kwartaal", y] => {
                let y = year_of(y).ok_or(WhenError::Format)?;
                let q = ORDINALS
                    .iter()
                    .position(|o| o.contains(ord))
                    .ok_or(WhenError::Format)?;
                Ok(When::Quarter(y, q as u8 + 1))
            }
            ["kwartaal", n, y] => {
                let y = year_of(y).ok_or(WhenError::Format)?;
                match n.parse::<u8>() {
                    Ok(q @ 1..=4) => Ok(When::Quarter(y, q)),
                    Ok(_) => Err(WhenError::DoesNotExist),
                    Err(_) => Err(WhenError::Format),
                }
            }
            _ => Err(WhenError::Format),
        }
    }
}

/// Whether a date as written names a vague time of year (`voorjaar 2027`).
pub fn is_vague(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| VAGUE.contains(&w))
}

/// A day as an editor writes it: `YYYY-MM-DD`, or the Dutch `15-11-2027`
/// (also with `/` or `.`, and one-digit day or month) or `15 november 2027`.
pub fn parse_day_written(text: &str) -> Result<NaiveDate, WhenError> {
    let strict = parse_day(text);
    if strict != Err(WhenError::Format) {
        return strict;
    }
    let lower = text.trim().to_lowercase();
    let parts: Vec<&str> = lower.split(['-', '/', '.']).collect();
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let [d, m, y] = parts.as_slice()
        && let (Some(d), Some(m), Some(y)) = (num(d), num(m), year_of(y))
    {
        return NaiveDate::from_ymd_opt(y, m, d).ok_or(WhenError::DoesNotExist);
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if let [d, m, y] = words.as_slice()
        && let (Some(d), Some(m), Some(y)) = (num(d), month_number(m), year_of(y))
    {
        return NaiveDate::from_ymd_opt(y, m, d).ok_or(WhenError::DoesNotExist);
    }
    Err(WhenError::Format)
}

/// A day written as `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Result<NaiveDate, WhenError> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(WhenError::Format);
    };
    if y.len() != 4
        || m.len() != 2
        || d.len() != 2
        || ![y, m, d]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(WhenError::Format);
    }
    let (y, m, d) = (
        y.parse().map_err(|_| WhenError::Format)?,
        m.parse().map_err(|_| WhenError::Format)?,
        d.parse().map_err(|_| WhenError::Format)?,
    );
    NaiveDate::from_ymd_opt(y, m, d).ok_or(WhenError::DoesNotExist)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn last_of_month(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1).pred_opt().unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for When {
    /// The canonical source form, as an editor writes it.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match *self {
            When::Year(y) => write!(f, "{y}"),
            When::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            When::Month(y, m) => write!(f, "{y}-{m:02}"),
            When::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    #[test]
    fn parses_the_four_precisions() {
        assert_eq!(When::parse("2012"), Ok(When::Year(2012)));
        assert_eq!(When::parse("2011-Q3"), Ok(When::Quarter(2011, 3)));
        assert_eq!(When::parse("2011-10"), Ok(When::Month(2011, 10)));
        assert_eq!(When::parse("2011-10-15"), Ok(When::Day(d("2011-10-15"))));
    }

    #[test]
    fn rejects_what_does_not_exist_or_is_not_a_date() {
        assert_eq!(When::parse("2011-02-30"), Err(WhenError::DoesNotExist));
        assert_eq!(When::parse("2011-13"), Err(WhenError::DoesNotExist));
        assert_eq!(When::parse("2011-Q5"), Err(WhenError::DoesNotExist));
        assert_eq!(When::parse("2011-Q0"), Err(WhenError::DoesNotExist));
        for bad in [
            "",
            "volgend jaar",
            "11-10",
            "2011/10",
            "2011-1",
            "2011-10-1",
            "2011-10-15T10:00",
            "-2011",
        ] {
            assert_eq!(When::parse(bad), Err(WhenError::Format), "{bad:?}");
        }
    }

    #[test]
    fn first_and_last_days() {
        assert_eq!(When::Year(2012).first_day(), d("2012-01-01"));
        assert_eq!(When::Year(2012).last_day(), d("2012-12-31"));
        assert_eq!(When::Quarter(2011, 3).first_day(), d("2011-07-01"));
        assert_eq!(When::Quarter(2011, 4).last_day(), d("2011-12-31"));
        assert_eq!(When::Month(2012, 2).last_day(), d("2012-02-29"));
        assert_eq!(When::Month(2011, 2).last_day(), d("2011-02-28"));
    }

    #[test]
    fn a_when_passes_after_its_last_day() {
        let oct = When::Month(2011, 10);
        assert!(!oct.has_passed(d("2011-10-31")));
        assert!(oct.has_passed(d("2011-11-01")));
        assert!(!When::Year(2011).has_passed(d("2011-12-31")));
        assert!(When::Day(d("2011-10-15")).has_passed(d("2011-10-16")));
    }

    #[test]
    fn overlap_with_a_contract_period() {
        let (from, to) = (d("2011-04-01"), d("2012-03-31"));
        assert!(When::Month(2011, 10).overlaps(from, to));
        assert!(When::Year(2012).overlaps(from, to));
        assert!(!When::Quarter(2011, 1).overlaps(from, to));
        assert!(!When::Month(2012, 4).overlaps(from, to));
    }

    #[test]
    fn display_round_trips() {
        for s in ["2012", "2011-Q3", "2011-10", "2011-10-15"] {
            assert_eq!(When::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn dutch_dates() {
        let w = |s| When::parse_written(s);
        assert_eq!(w("december 2027"), Ok(When::Month(2027, 12)));
        assert_eq!(w("Dec. 2027"), Ok(When::Month(2027, 12)));
        assert_eq!(w("mrt 2027"), Ok(When::Month(2027, 3)));
        assert_eq!(w("derde kwartaal 2027"), Ok(When::Quarter(2027, 3)));
        assert_eq!(w("3e kwartaal 2027"), Ok(When::Quarter(2027, 3)));
        assert_eq!(w("kwartaal 2 2027"), Ok(When::Quarter(2027, 2)));
        assert_eq!(w("Q4 2027"), Ok(When::Quarter(2027, 4)));
        assert_eq!(w("2027-Q4"), Ok(When::Quarter(2027, 4)));
        assert_eq!(
            w("15-11-2027"),
            Ok(When::Day(NaiveDate::from_ymd_opt(2027, 11, 15).unwrap()))
        );
        assert_eq!(
            w("1/2/2027"),
            Ok(When::Day(NaiveDate::from_ymd_opt(2027, 2, 1).unwrap()))
        );
        assert_eq!(
            w("15 november 2027"),
            Ok(When::Day(NaiveDate::from_ymd_opt(2027, 11, 15).unwrap()))
        );
        assert_eq!(w("31-02-2027"), Err(WhenError::DoesNotExist));
        assert_eq!(w("Q5 2027"), Err(WhenError::DoesNotExist));
        assert_eq!(w("voorjaar 2027"), Err(WhenError::Format));
        assert!(is_vague("voorjaar 2027") && is_vague("Begin 2027") && !is_vague("mei 2027"));
        assert_eq!(w("mei 2027"), Ok(When::Month(2027, 5)));
    }
}
