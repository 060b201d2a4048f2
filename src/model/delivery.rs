//! The promise record's derived values: the original and the current
//! deadline, the delivery state, and every figure the site shows. Each is
//! defined once, here; pages, feeds and open data only show them.

use chrono::NaiveDate;

use super::contract::{Ground, Keyword, Outcome, OutcomeKind, ProgressState, Question, keyword};
use super::when::When;

keyword!(
    /// Where an answer stands, derived from its deadline, its moves, its
    /// progress and `as_of`; never typed by hand.
    Delivery {
        /// Not done; the deadline has not passed and was never moved.
        OnTrack = "on-track",
        /// Not done; the current deadline has not passed; moved at least once.
        Moved = "moved",
        /// Not done (or, when prioritised, not decided); the current deadline has passed.
        Overdue = "overdue",
        /// Done on or before the original deadline (or resolved at once).
        Done = "done",
        /// Done after the original deadline, moved or not.
        DoneLate = "done-late",
        /// The last progress entry says `dropped`.
        Dropped = "dropped",
        /// Prioritised; the council hears the outcome by `report_by`.
        Awaiting = "awaiting",
        /// Prioritised, and taken into the planning.
        Included = "included",
        /// Prioritised, and not taken into the planning.
        NotIncluded = "not-included",
    }
);

impl Delivery {
    /// Whether the work was delivered, on time or not.
    pub fn is_delivered(self) -> bool {
        matches!(self, Delivery::Done | Delivery::DoneLate)
    }
}

impl Question {
    /// The deadline as signed: `when`, or `report_by` for a prioritised answer.
    pub fn promised(&self) -> Option<When> {
        match &self.outcome {
            Outcome::Honoured { when } | Outcome::Scheduled { when, .. } => Some(*when),
            Outcome::Prioritised { report_by, .. } => Some(*report_by),
            Outcome::Resolved | Outcome::Declined { .. } => None,
        }
    }

    /// The deadline in force: the last move's, else the promise as signed.
    pub fn deadline(&self) -> Option<When> {
        self.rescheduled
            .last()
            .map(|m| m.to)
            .or_else(|| self.promised())
    }

    pub fn latest_state(&self) -> Option<ProgressState> {
        self.progress.last().map(|p| p.state)
    }

    /// The date the work was reported done, if its last progress entry says so.
    pub fn done_on(&self) -> Option<NaiveDate> {
        match self.latest_state() {
            Some(ProgressState::Done) => self.progress.last().map(|p| p.date),
            _ => None,
        }
    }

    /// How many days after the original deadline's last day the work was done;
    /// `None` unless it was done late.
    pub fn days_late(&self) -> Option<i64> {
        let done = self.done_on()?;
        let promised = self.promised()?.last_day();
        (done > promised).then(|| (done - promised).num_days())
    }

    /// The delivery state on `today`; `None` for a declined answer, where
    /// nothing was promised.
    pub fn delivery(&self, today: NaiveDate) -> Option<Delivery> {
        let moved = !self.rescheduled.is_empty();
        let not_done = |deadline: When| {
            if deadline.has_passed(today) {
                Delivery::Overdue
            } else if moved {
                Delivery::Moved
            } else {
                Delivery::OnTrack
            }
        };
        match &self.outcome {
            Outcome::Declined { .. } => None,
            Outcome::Resolved => Some(Delivery::Done),
            Outcome::Honoured { when } | Outcome::Scheduled { when, .. } => {
                Some(match self.latest_state() {
                    Some(ProgressState::Dropped) => Delivery::Dropped,
                    Some(ProgressState::Done) if self.days_late().is_some() => Delivery::DoneLate,
                    Some(ProgressState::Done) => Delivery::Done,
                    _ => not_done(self.deadline().unwrap_or(*when)),
                })
            }
            Outcome::Prioritised {
                report_by,
                decision,
            } => Some(match decision {
                Some(d) if d.included => Delivery::Included,
                Some(_) => Delivery::NotIncluded,
                None => match not_done(self.deadline().unwrap_or(*report_by)) {
                    Delivery::OnTrack => Delivery::Awaiting,
                    other => other,
                },
            }),
        }
    }

    /// Whether the partner promised to deliver something.
    pub fn is_agreement(&self) -> bool {
        matches!(
            self.outcome,
            Outcome::Resolved | Outcome::Honoured { .. } | Outcome::Scheduled { .. }
        )
    }
}

/// A figure the site shows: what it counts is defined by [`Figure::of`]
/// alone, so the same figure is the same number wherever it appears and the
/// list it links to has exactly that many entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    /// Every public question.
    Questions,
    /// Questions with this outcome.
    Outcome(OutcomeKind),
    /// Declined answers on this ground.
    Declined(Ground),
    /// Answers in this delivery state, except deliveries the council
    /// disputes, which count under [`Figure::Disputed`]: so these figures add
    /// up to every answer that has a state.
    Delivery(Delivery),
    /// Done (on time or late), but the council says the problem is not solved.
    Disputed,
}

impl Figure {
    /// *Nagekomen*: done on or before the original deadline, and not disputed.
    pub const KEPT: Figure = Figure::Delivery(Delivery::Done);

    /// The delivery figures in the order pages list them; together they
    /// count every answer that has a delivery state exactly once.
    pub const STANDINGS: [Figure; 10] = [
        Figure::KEPT,
        Figure::Delivery(Delivery::DoneLate),
        Figure::Disputed,
        Figure::Delivery(Delivery::Overdue),
        Figure::Delivery(Delivery::Moved),
        Figure::Delivery(Delivery::OnTrack),
        Figure::Delivery(Delivery::Dropped),
        Figure::Delivery(Delivery::Awaiting),
        Figure::Delivery(Delivery::Included),
        Figure::Delivery(Delivery::NotIncluded),
    ];

    /// Every figure, in the order `/cijfers/` explains them: each has a list
    /// page per scope, so that a figure is always a link to what it counts.
    pub const ALL: [Figure; 19] = [
        Figure::Questions,
        Figure::Outcome(OutcomeKind::Resolved),
        Figure::Outcome(OutcomeKind::Honoured),
        Figure::Outcome(OutcomeKind::Scheduled),
        Figure::Outcome(OutcomeKind::Prioritised),
        Figure::Outcome(OutcomeKind::Declined),
        Figure::Declined(Ground::Legal),
        Figure::Declined(Ground::Policy),
        Figure::Declined(Ground::Financial),
        Figure::KEPT,
        Figure::Delivery(Delivery::DoneLate),
        Figure::Disputed,
        Figure::Delivery(Delivery::Overdue),
        Figure::Delivery(Delivery::Moved),
        Figure::Delivery(Delivery::OnTrack),
        Figure::Delivery(Delivery::Dropped),
        Figure::Delivery(Delivery::Awaiting),
        Figure::Delivery(Delivery::Included),
        Figure::Delivery(Delivery::NotIncluded),
    ];

    /// This figure's place in [`Figure::ALL`], for tables indexed by figure.
    pub fn index(self) -> usize {
        Figure::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }

    /// Every figure one question counts in, on `today`.
    pub fn of(q: &Question, today: NaiveDate) -> impl Iterator<Item = Figure> {
        let ground = match q.outcome {
            Outcome::Declined { ground, .. } => Some(Figure::Declined(ground)),
            _ => None,
        };
        let standing = q.delivery(today).map(|d| {
            if d.is_delivered() && q.disputed.is_some() {
                Figure::Disputed
            } else {
                Figure::Delivery(d)
            }
        });
        [
            Some(Figure::Questions),
            Some(Figure::Outcome(q.outcome.kind())),
            ground,
            standing,
        ]
        .into_iter()
        .flatten()
    }

    /// Whether `q` counts in this figure on `today`.
    pub fn counts(self, q: &Question, today: NaiveDate) -> bool {
        Figure::of(q, today).any(|f| f == self)
    }

    /// A stable name: `kept`, `overdue`, `outcome-declined`, `declined-legal`.
    pub fn key(self) -> String {
        match self {
            Figure::Questions => "questions".into(),
            Figure::KEPT => "kept".into(),
            Figure::Outcome(k) => format!("outcome-{}", k.key()),
            Figure::Declined(g) => format!("declined-{}", g.key()),
            Figure::Delivery(d) => d.key().into(),
            Figure::Disputed => "disputed".into(),
        }
    }
}

/// Every figure of a set of questions, counted in one pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    questions: usize,
    outcomes: [usize; OutcomeKind::ALL.len()],
    grounds: [usize; Ground::ALL.len()],
    deliveries: [usize; Delivery::ALL.len()],
    disputed: usize,
}

fn index_of<K: Keyword + PartialEq>(k: K) -> usize {
    K::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

impl Figures {
    pub fn of<'q>(questions: impl IntoIterator<Item = &'q Question>, today: NaiveDate) -> Self {
        let mut f = Figures::default();
        for q in questions {
            for figure in Figure::of(q, today) {
                match figure {
                    Figure::Questions => f.questions += 1,
                    Figure::Outcome(k) => f.outcomes[index_of(k)] += 1,
                    Figure::Declined(g) => f.grounds[index_of(g)] += 1,
                    Figure::Delivery(d) => f.deliveries[index_of(d)] += 1,
                    Figure::Disputed => f.disputed += 1,
                }
            }
        }
        f
    }

    pub fn get(&self, figure: Figure) -> usize {
        match figure {
            Figure::Questions => self.questions,
            Figure::Outcome(k) => self.outcomes[index_of(k)],
            Figure::Declined(g) => self.grounds[index_of(g)],
            Figure::Delivery(d) => self.deliveries[index_of(d)],
            Figure::Disputed => self.disputed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::contract::tests::question;
    use crate::model::when::parse_day;
    use crate::model::{Decision, Dispute, Planning, Reschedule};

    fn day(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    fn moved(mut q: Question, on: &str, to: When) -> Question {
        q.rescheduled.push(Reschedule {
            date: day(on),
            to,
            reason: "r".into(),
        });
        q
    }

    #[test]
    fn on_track_moved_and_overdue_follow_the_current_deadline() {
        let q = question(
            Outcome::Honoured {
                when: When::Quarter(2026, 3),
            },
            &[("2026-06-01", ProgressState::Started)],
        );
        assert_eq!(q.delivery(day("2026-09-30")), Some(Delivery::OnTrack));
        assert_eq!(q.delivery(day("2026-10-01")), Some(Delivery::Overdue));
        let q = moved(q, "2026-09-15", When::Quarter(2027, 1));
        assert_eq!(q.promised(), Some(When::Quarter(2026, 3)));
        assert_eq!(q.deadline(), Some(When::Quarter(2027, 1)));
        assert_eq!(q.delivery(day("2026-10-01")), Some(Delivery::Moved));
        assert_eq!(q.delivery(day("2027-04-01")), Some(Delivery::Overdue));
    }

    #[test]
    fn done_after_the_original_deadline_is_late_even_when_moved() {
        let on_time = question(
            Outcome::Honoured {
                when: When::Month(2025, 12),
            },
            &[("2025-12-31", ProgressState::Done)],
        );
        assert_eq!(on_time.delivery(day("2026-06-01")), Some(Delivery::Done));
        assert_eq!(on_time.days_late(), None);
        let late = question(
            Outcome::Honoured {
                when: When::Month(2025, 12),
            },
            &[("2026-01-15", ProgressState::Done)],
        );
        assert_eq!(late.delivery(day("2026-06-01")), Some(Delivery::DoneLate));
        assert_eq!(late.days_late(), Some(15));
        let late = moved(late, "2025-11-01", When::Month(2026, 1));
        assert_eq!(late.delivery(day("2026-06-01")), Some(Delivery::DoneLate));
    }

    #[test]
    fn dropped_wins_and_declined_has_no_state() {
        let q = question(
            Outcome::Scheduled {
                when: When::Year(2013),
                planning: Planning::Adjusted { note: None },
            },
            &[
                ("2013-01-10", ProgressState::Delayed),
                ("2013-02-10", ProgressState::Dropped),
            ],
        );
        assert_eq!(q.delivery(day("2014-06-01")), Some(Delivery::Dropped));
        let declined = question(
            Outcome::Declined {
                ground: Ground::Legal,
                reason: crate::model::Markdown("r".into()),
            },
            &[],
        );
        assert_eq!(declined.delivery(day("2020-01-01")), None);
        assert_eq!(
            question(Outcome::Resolved, &[]).delivery(day("2020-01-01")),
            Some(Delivery::Done)
        );
    }

    #[test]
    fn prioritised_waits_then_is_late_or_shows_its_decision() {
        let pending = question(
            Outcome::Prioritised {
                report_by: When::Month(2011, 12),
                decision: None,
            },
            &[],
        );
        assert_eq!(
            pending.delivery(day("2011-12-31")),
            Some(Delivery::Awaiting)
        );
        assert_eq!(pending.delivery(day("2012-01-01")), Some(Delivery::Overdue));
        let later = moved(pending.clone(), "2011-12-01", When::Month(2012, 3));
        assert_eq!(later.delivery(day("2012-01-01")), Some(Delivery::Moved));
        let mut decided = pending;
        decided.outcome = Outcome::Prioritised {
            report_by: When::Month(2011, 12),
            decision: Some(Decision {
                date: day("2012-02-01"),
                included: false,
                note: None,
            }),
        };
        assert_eq!(
            decided.delivery(day("2012-06-01")),
            Some(Delivery::NotIncluded)
        );
    }

    #[test]
    fn every_figure_is_in_all_once_with_its_own_index() {
        for (i, f) in Figure::ALL.iter().enumerate() {
            assert_eq!(f.index(), i, "{f:?}");
        }
        for s in Figure::STANDINGS {
            assert!(Figure::ALL.contains(&s), "{s:?}");
        }
        for d in Delivery::ALL {
            assert!(Figure::ALL.contains(&Figure::Delivery(*d)), "{d:?}");
        }
        assert!(Figure::ALL.contains(&Figure::Disputed));
    }

    #[test]
    fn a_disputed_delivery_is_never_kept() {
        let mut q = question(
            Outcome::Honoured {
                when: When::Month(2011, 10),
            },
            &[("2011-10-20", ProgressState::Done)],
        );
        let today = day("2012-01-01");
        assert!(Figure::KEPT.counts(&q, today));
        q.disputed = Some(Dispute {
            date: day("2011-11-01"),
            note: "n".into(),
        });
        assert_eq!(q.delivery(today), Some(Delivery::Done));
        assert!(!Figure::KEPT.counts(&q, today));
        assert!(Figure::Disputed.counts(&q, today));
        let f = Figures::of([&q], today);
        assert_eq!(f.get(Figure::KEPT), 0);
        assert_eq!(f.get(Figure::Disputed), 1);
        assert_eq!(f.get(Figure::Questions), 1);
    }
}
