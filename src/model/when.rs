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
}
