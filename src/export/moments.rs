//! When the published data first appeared and when it last changed, read
//! from the content, never from the build clock: a rebuild on another day of
//! a site whose content did not change gives the same files.

use chrono::{NaiveDate, NaiveDateTime};

use crate::feeds::{contract_time, update_time};
use crate::model::{Contract, Delivery, Outcome, Question};
use crate::render::Published;

/// The moment a site without any dated content reports: nothing happened yet.
fn nothing() -> NaiveDateTime {
    chrono::DateTime::UNIX_EPOCH.naive_utc()
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_hms_opt(0, 0, 0).expect("midnight")
}

/// Every dated step of a question's record: progress, moves, changes of the
/// answer, the decision on a prioritised question and a dispute.
fn question_dates(q: &Question) -> impl Iterator<Item = NaiveDate> + '_ {
    let decision = match &q.outcome {
        Outcome::Prioritised {
            decision: Some(d), ..
        } => Some(d.date),
        _ => None,
    };
    q.progress
        .iter()
        .map(|p| p.date)
        .chain(q.rescheduled.iter().map(|m| m.date))
        .chain(q.revised.iter().map(|r| r.date))
        .chain(decision)
        .chain(q.disputed.as_ref().map(|d| d.date))
}

/// The latest dated content of the contracts: their publication and every
/// step of their questions' records.
fn latest_in_contracts(contracts: &[&Contract]) -> Option<NaiveDateTime> {
    contracts
        .iter()
        .flat_map(|c| {
            std::iter::once(contract_time(c))
                .chain(c.questions.iter().flat_map(question_dates).map(midnight))
        })
        .max()
}

/// When the open data last changed: its latest dated content, or the start
/// of the day an overdue agreement became overdue, whichever is later. The
/// states in the data are the same on that moment as on the build's day, so
/// two builds between which nothing changed state write the same bytes.
pub fn data_changed(p: &Published) -> NaiveDateTime {
    let today = p.site.today();
    let overdue_since = p
        .contracts
        .iter()
        .flat_map(|c| &c.questions)
        .filter(|q| q.delivery(today) == Some(Delivery::Overdue))
        .filter_map(|q| q.deadline())
        .map(|w| midnight(w.last_day() + chrono::Days::new(1)));
    latest_in_contracts(&p.contracts)
        .into_iter()
        .chain(overdue_since)
        .max()
        .unwrap_or_else(nothing)
}

/// When the first contract was published, if any was.
pub fn first_published(p: &Published) -> Option<NaiveDateTime> {
    p.contracts.iter().map(|c| contract_time(c)).min()
}

/// The site's latest dated content, news included: the `<updated>` of a
/// feed that has no entries of its own.
pub fn latest_content(p: &Published) -> NaiveDateTime {
    latest_in_contracts(&p.contracts)
        .into_iter()
        .chain(p.updates.iter().map(|u| update_time(u)))
        .max()
        .unwrap_or_else(nothing)
}
