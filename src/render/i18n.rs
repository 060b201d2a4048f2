//! Interface text from the theme's translation tables, and dates in words.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::config::Language;
use crate::model::When;

/// One language's interface text.
#[derive(Debug, Clone)]
pub struct Translations {
    pub lang: Language,
    pub table: BTreeMap<String, String>,
}

impl Translations {
    /// A key's text; a missing key shows itself, which the theme test catches.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.table.get(key).map_or(key, String::as_str)
    }

    pub fn month(&self, m: u32) -> &str {
        self.get(MONTHS[(m.clamp(1, 12) - 1) as usize])
    }

    pub fn day(&self, d: NaiveDate) -> String {
        format!("{} {} {}", d.day(), self.month(d.month()), d.year())
    }

    /// "oktober 2011", "derde kwartaal 2011", "2013".
    pub fn when(&self, w: &When) -> String {
        match *w {
            When::Year(y) => y.to_string(),
            When::Quarter(y, q) => self
                .get(QUARTERS[(q.clamp(1, 4) - 1) as usize])
                .replace("{year}", &y.to_string()),
            When::Month(y, m) => format!("{} {y}", self.month(m)),
            When::Day(d) => self.day(d),
        }
    }

    /// "3 weken later dan beloofd": days after a deadline, in the unit a
    /// reader expects (days under two weeks, weeks under two months).
    pub fn late_by(&self, days: i64) -> String {
        let (key, n) = match days {
            ..=1 => ("late_by_day", 1),
            2..=13 => ("late_by_days", days),
            14..=60 => ("late_by_weeks", (days + 3) / 7),
            _ => ("late_by_months", (days as f64 / 30.44).round() as i64),
        };
        self.get(key).replace("{n}", &n.to_string())
    }
}

const MONTHS: [&str; 12] = [
    "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8",
    "month_9", "month_10", "month_11", "month_12",
];
const QUARTERS: [&str; 4] = ["quarter_1", "quarter_2", "quarter_3", "quarter_4"];

#[cfg(test)]
mod tests {
    use super::*;

    fn nl() -> Translations {
        let table =
            crate::load::yaml::parse_string_map(include_str!("../../themes/default/i18n/nl.yaml"))
                .unwrap();
        Translations {
            lang: Language::Nl,
            table,
        }
    }

    #[test]
    fn dutch_fuzzy_dates() {
        let t = nl();
        assert_eq!(t.when(&When::Month(2011, 10)), "oktober 2011");
        assert_eq!(t.when(&When::Quarter(2011, 3)), "derde kwartaal 2011");
        assert_eq!(t.when(&When::Year(2013)), "2013");
        assert_eq!(
            t.when(&When::parse("2011-10-15").unwrap()),
            "15 oktober 2011"
        );
    }

    #[test]
    fn lateness_in_words() {
        let t = nl();
        assert_eq!(t.late_by(1), "1 dag later dan beloofd");
        assert_eq!(t.late_by(15), "2 weken later dan beloofd");
        assert_eq!(t.late_by(60), "9 weken later dan beloofd");
        assert_eq!(t.late_by(92), "3 maanden later dan beloofd");
    }

    #[test]
    fn both_tables_have_the_same_keys() {
        let nl = nl().table;
        let en =
            crate::load::yaml::parse_string_map(include_str!("../../themes/default/i18n/en.yaml"))
                .unwrap();
        let a: Vec<_> = nl.keys().collect();
        let b: Vec<_> = en.keys().collect();
        assert_eq!(a, b);
    }
}
