//! The one plain sentence under a question's title: the answer and where it
//! stands ("Toegezegd: klaar uiterlijk oktober 2026 — te laat."). It only
//! puts the model's outcome and [`Delivery`] into words; it decides nothing.

use super::PageContext;
use crate::model::*;
use crate::render::views::Badge;

impl PageContext<'_, '_> {
    /// The badge of where `q` stands, as its standing figure counts it: a
    /// delivery the council disputes is not shown as plainly done.
    pub(super) fn standing_badge(&self, q: &Question, today: chrono::NaiveDate) -> Option<Badge> {
        Figure::of(q, today).find_map(|f| match f {
            Figure::Delivery(d) => Some(self.delivery_badge(d)),
            Figure::Disputed => Some(Badge {
                key: "disputed",
                label: self.figure_label(f),
            }),
            _ => None,
        })
    }

    /// The answer sentence of `q`, whose delivery state on the build's
    /// `as_of` is `delivery` (from [`Question::delivery`]).
    pub(super) fn answer_sentence(&self, q: &Question, delivery: Option<Delivery>) -> String {
        let when = |w: Option<When>| w.map(|w| self.t.when(&w)).unwrap_or_default();
        let promised = when(q.promised());
        let deadline = when(q.deadline());
        let mut s = match (&q.outcome, delivery) {
            (Outcome::Declined { ground, .. }, _) => {
                self.tr(&format!("answer_declined_{}", ground.key()))
            }
            (Outcome::Resolved, _) => self.tr("answer_resolved"),
            (Outcome::Prioritised { .. }, Some(d)) => {
                let key = match d {
                    Delivery::Included => "answer_prioritised_included",
                    Delivery::NotIncluded => "answer_prioritised_not_included",
                    Delivery::Overdue => "answer_prioritised_overdue",
                    Delivery::Moved => "answer_prioritised_moved",
                    _ => "answer_prioritised_awaiting",
                };
                self.tr(key)
            }
            (Outcome::Prioritised { .. }, None) => self.tr("answer_prioritised_awaiting"),
            (Outcome::Honoured { .. } | Outcome::Scheduled { .. }, d) => {
                let promise = self.tr(&format!("answer_{}", q.outcome.kind().key()));
                let state = match d {
                    Some(Delivery::Moved) => "answer_state_moved",
                    Some(Delivery::Overdue) => "answer_state_overdue",
                    Some(Delivery::Done) => "answer_state_done",
                    Some(Delivery::DoneLate) => "answer_state_done_late",
                    Some(Delivery::Dropped) => "answer_state_dropped",
                    _ => "answer_state_on_track",
                };
                // Late or dropped work is measured against the current deadline;
                // done work against the promise as signed, which is what counts.
                let shown = if d.is_some_and(Delivery::is_delivered) {
                    &promised
                } else {
                    &deadline
                };
                format!("{} {}", promise.replace("{when}", shown), self.tr(state))
            }
        };
        let done = q.done_on().map(|d| self.t.day(d)).unwrap_or_default();
        let late_by = q.days_late().map(|d| self.t.late_by(d)).unwrap_or_default();
        s = s
            .replace("{promised}", &promised)
            .replace("{deadline}", &deadline)
            .replace("{done}", &done)
            .replace("{late_by}", &late_by);
        if q.disputed.is_some() && delivery.is_some_and(Delivery::is_delivered) {
            s.push(' ');
            s.push_str(&self.tr("answer_disputed"));
        }
        s
    }
}
