//! The promise record in `vragen.json`: the deadline as promised and the
//! current one, and the histories. Each is read from the question as its row
//! is written: the rows are all held at once, so they copy nothing.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::{Keyword, Question, When};

fn when_or_null<S: Serializer>(w: Option<When>, s: S) -> Result<S::Ok, S::Error> {
    match w {
        Some(w) => s.collect_str(&w),
        None => s.serialize_none(),
    }
}

pub(super) fn promised<S: Serializer>(q: &&Question, s: S) -> Result<S::Ok, S::Error> {
    when_or_null(q.promised(), s)
}

pub(super) fn deadline<S: Serializer>(q: &&Question, s: S) -> Result<S::Ok, S::Error> {
    when_or_null(q.deadline(), s)
}

/// A `When` written as in the contract file: `2011-Q3`.
struct WhenText(When);

impl Serialize for WhenText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

#[derive(Serialize)]
struct ProgressRow<'a> {
    datum: NaiveDate,
    stand: &'static str,
    notitie: Option<&'a str>,
}

#[derive(Serialize)]
struct MoveRow<'a> {
    datum: NaiveDate,
    nieuwe_termijn: WhenText,
    reden: &'a str,
}

#[derive(Serialize)]
struct RevisionRow<'a> {
    datum: NaiveDate,
    eerdere_uitkomst: &'static str,
    reden: &'a str,
}

pub(super) fn progress<S: Serializer>(q: &&Question, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(q.progress.iter().map(|p| ProgressRow {
        datum: p.date,
        stand: p.state.key(),
        notitie: p.note.as_deref(),
    }))
}

pub(super) fn moves<S: Serializer>(q: &&Question, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(q.rescheduled.iter().map(|m| MoveRow {
        datum: m.date,
        nieuwe_termijn: WhenText(m.to),
        reden: &m.reason,
    }))
}

pub(super) fn revisions<S: Serializer>(q: &&Question, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(q.revised.iter().map(|r| RevisionRow {
        datum: r.date,
        eerdere_uitkomst: r.from.key(),
        reden: &r.reason,
    }))
}
