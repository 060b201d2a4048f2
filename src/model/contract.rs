//! Contracts and their questions. Only valid states can be built: a declined
//! answer carries its ground and reason, a scheduled one its date and whether
//! the planning was adjusted.

use chrono::{NaiveDate, NaiveDateTime};

use super::ids::{NeighbourhoodId, PartnerId, QuestionRef, TopicId};
use super::when::When;
use crate::source::{At, Span};

/// A fixed set of values with the key editors write in YAML.
pub trait Keyword: Sized + Copy + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.key() == key)
    }
    fn keys() -> Vec<&'static str> {
        Self::ALL.iter().map(|v| v.key()).collect()
    }
}

macro_rules! keyword {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }
        impl Keyword for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];
            fn key(self) -> &'static str {
                match self { $($name::$variant => $key),* }
            }
        }
    };
}

keyword!(
    /// The five answers a partner can give; the order is the order of the contract page.
    OutcomeKind {
        Resolved = "resolved",
        Honoured = "honoured",
        Scheduled = "scheduled",
        Prioritised = "prioritised",
        Declined = "declined",
    }
);
keyword!(Ground { Legal = "legal", Policy = "policy", Financial = "financial" });
keyword!(ProgressState {
    Planned = "planned",
    Started = "started",
    Done = "done",
    Delayed = "delayed",
    Dropped = "dropped",
});
keyword!(QuestionKind { Question = "question", Initiative = "initiative" });
keyword!(
    /// Where the council collected the question.
    Channel {
        Meeting = "meeting",
        Walk = "walk",
        ConsultationHour = "consultation-hour",
        Survey = "survey",
        Panel = "panel",
        ResidentsOrganisation = "residents-organisation",
        RegularContact = "regular-contact",
    }
);
keyword!(PartnerKind {
    Municipality = "municipality",
    Housing = "housing",
    Police = "police",
    Waste = "waste",
    Welfare = "welfare",
    Other = "other",
});

/// Markdown text as written by an editor; rendered (and sanitised) later.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Markdown(pub String);

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Resolved,
    Honoured {
        when: When,
    },
    Scheduled {
        when: When,
        planning: Planning,
    },
    Prioritised {
        report_by: When,
        decision: Option<Decision>,
    },
    Declined {
        ground: Ground,
        reason: Markdown,
    },
}

impl Outcome {
    pub fn kind(&self) -> OutcomeKind {
        match self {
            Outcome::Resolved => OutcomeKind::Resolved,
            Outcome::Honoured { .. } => OutcomeKind::Honoured,
            Outcome::Scheduled { .. } => OutcomeKind::Scheduled,
            Outcome::Prioritised { .. } => OutcomeKind::Prioritised,
            Outcome::Declined { .. } => OutcomeKind::Declined,
        }
    }
}

/// Whether a scheduled item's planning was brought forward for the contract.
#[derive(Debug, Clone, PartialEq)]
pub enum Planning {
    Adjusted { note: Option<Markdown> },
    NotAdjusted { reason: Markdown },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub date: NaiveDate,
    pub included: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub date: NaiveDate,
    pub state: ProgressState,
    pub note: Option<String>,
}

/// The council's statement that a problem marked done is not solved.
#[derive(Debug, Clone, PartialEq)]
pub struct Dispute {
    pub date: NaiveDate,
    pub note: String,
}

/// The derived state of an agreement, never typed by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Delivery {
    /// Agreed, no progress reported yet, not yet due.
    Pending,
    Planned,
    Started,
    Done,
    Delayed,
    Dropped,
    /// Due date (or report-by date) passed without `done` (or a decision).
    Overdue,
}

impl Delivery {
    pub fn key(self) -> &'static str {
        match self {
            Delivery::Pending => "pending",
            Delivery::Planned => "planned",
            Delivery::Started => "started",
            Delivery::Done => "done",
            Delivery::Delayed => "delayed",
            Delivery::Dropped => "dropped",
            Delivery::Overdue => "overdue",
        }
    }

    fn from_state(state: ProgressState) -> Delivery {
        match state {
            ProgressState::Planned => Delivery::Planned,
            ProgressState::Started => Delivery::Started,
            ProgressState::Done => Delivery::Done,
            ProgressState::Delayed => Delivery::Delayed,
            ProgressState::Dropped => Delivery::Dropped,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: u32,
    pub title: String,
    pub kind: QuestionKind,
    pub channel: Option<Channel>,
    pub topic: TopicId,
    pub location: Option<String>,
    pub asked: Markdown,
    pub partner: PartnerId,
    pub outcome: Outcome,
    pub answer: Option<Markdown>,
    pub progress: Vec<Progress>,
    pub follows: Option<At<QuestionRef>>,
    pub disputed: Option<Dispute>,
    pub span: Span,
}

impl Question {
    pub fn latest_state(&self) -> Option<ProgressState> {
        self.progress.last().map(|p| p.state)
    }

    /// The date the agreement was reported done, if it is done.
    pub fn done_on(&self) -> Option<NaiveDate> {
        match self.latest_state() {
            Some(ProgressState::Done) => self.progress.last().map(|p| p.date),
            _ => None,
        }
    }

    /// The delivery status on `today`; `None` where nothing was agreed
    /// (declined, or prioritised and then not included).
    pub fn delivery(&self, today: NaiveDate) -> Option<Delivery> {
        let latest = self.latest_state().map(Delivery::from_state);
        match &self.outcome {
            Outcome::Declined { .. } => None,
            Outcome::Resolved => Some(latest.unwrap_or(Delivery::Done)),
            Outcome::Honoured { when } | Outcome::Scheduled { when, .. } => Some(match latest {
                Some(d @ (Delivery::Done | Delivery::Dropped)) => d,
                _ if when.has_passed(today) => Delivery::Overdue,
                Some(d) => d,
                None => Delivery::Pending,
            }),
            Outcome::Prioritised {
                report_by,
                decision,
            } => match decision {
                None if report_by.has_passed(today) => Some(Delivery::Overdue),
                None => Some(Delivery::Pending),
                Some(d) if !d.included => None,
                Some(_) => Some(latest.unwrap_or(Delivery::Pending)),
            },
        }
    }

    /// Whether this is an agreement that was kept on time: resolved, or done
    /// no later than the last day of its `when`.
    pub fn kept_on_time(&self) -> bool {
        match &self.outcome {
            Outcome::Resolved => true,
            Outcome::Honoured { when } | Outcome::Scheduled { when, .. } => {
                self.done_on().is_some_and(|d| d <= when.last_day())
            }
            _ => false,
        }
    }

    /// Whether the agreement should be finished by `today`: resolved, done,
    /// or past its `when`. Only these count when judging "on time".
    pub fn is_due(&self, today: NaiveDate) -> bool {
        match &self.outcome {
            Outcome::Resolved => true,
            Outcome::Honoured { when } | Outcome::Scheduled { when, .. } => {
                self.done_on().is_some() || when.has_passed(today)
            }
            _ => false,
        }
    }

    /// Whether the partner made a promise to deliver something by a date.
    pub fn is_agreement(&self) -> bool {
        matches!(
            self.outcome,
            Outcome::Resolved | Outcome::Honoured { .. } | Outcome::Scheduled { .. }
        )
    }
}

/// Who signed a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signatory {
    Council,
    Partner(PartnerId),
}

#[derive(Debug, Clone)]
pub struct Contract {
    pub neighbourhood: NeighbourhoodId,
    pub year: i32,
    pub period: (NaiveDate, NaiveDate),
    pub signed: Option<NaiveDate>,
    pub signatories: Vec<Signatory>,
    pub publish_from: Option<NaiveDateTime>,
    pub draft: bool,
    pub collected_via: Vec<Channel>,
    pub questions: Vec<Question>,
    pub narrative: Option<Markdown>,
    pub span: Span,
}

impl Contract {
    /// Drafts never show; embargoed contracts show from `publish_from` on.
    pub fn is_public(&self, as_of: NaiveDateTime) -> bool {
        is_public(self.draft, self.publish_from, as_of)
    }
}

pub fn is_public(draft: bool, publish_from: Option<NaiveDateTime>, as_of: NaiveDateTime) -> bool {
    !draft && publish_from.is_none_or(|t| t <= as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::when::parse_day;
    use crate::source::FileId;

    fn question(outcome: Outcome, progress: &[(&str, ProgressState)]) -> Question {
        Question {
            id: 1,
            title: "t".into(),
            kind: QuestionKind::Question,
            channel: None,
            topic: TopicId(0),
            location: None,
            asked: Markdown::default(),
            partner: PartnerId(0),
            outcome,
            answer: None,
            progress: progress
                .iter()
                .map(|(d, s)| Progress {
                    date: parse_day(d).unwrap(),
                    state: *s,
                    note: None,
                })
                .collect(),
            follows: None,
            disputed: None,
            span: Span::file_start(FileId(0)),
        }
    }

    fn day(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    #[test]
    fn honoured_is_overdue_once_when_has_passed_without_done() {
        let q = question(
            Outcome::Honoured {
                when: When::Month(2011, 10),
            },
            &[("2011-06-01", ProgressState::Started)],
        );
        assert_eq!(q.delivery(day("2011-10-31")), Some(Delivery::Started));
        assert_eq!(q.delivery(day("2011-11-01")), Some(Delivery::Overdue));
        let done = question(
            Outcome::Honoured {
                when: When::Month(2011, 10),
            },
            &[
                ("2011-06-01", ProgressState::Started),
                ("2011-10-20", ProgressState::Done),
            ],
        );
        assert_eq!(done.delivery(day("2012-01-01")), Some(Delivery::Done));
        assert!(done.kept_on_time());
        let late = question(
            Outcome::Honoured {
                when: When::Month(2011, 10),
            },
            &[("2011-11-20", ProgressState::Done)],
        );
        assert!(!late.kept_on_time());
        let nothing = question(
            Outcome::Honoured {
                when: When::Year(2012),
            },
            &[],
        );
        assert_eq!(nothing.delivery(day("2011-12-01")), Some(Delivery::Pending));
    }

    #[test]
    fn scheduled_and_delayed_become_overdue_too() {
        let q = question(
            Outcome::Scheduled {
                when: When::Quarter(2013, 2),
                planning: Planning::Adjusted { note: None },
            },
            &[("2013-01-10", ProgressState::Delayed)],
        );
        assert_eq!(q.delivery(day("2013-06-30")), Some(Delivery::Delayed));
        assert_eq!(q.delivery(day("2013-07-01")), Some(Delivery::Overdue));
    }

    #[test]
    fn prioritised_is_overdue_when_report_by_passes_without_decision() {
        let pending = question(
            Outcome::Prioritised {
                report_by: When::Month(2011, 12),
                decision: None,
            },
            &[],
        );
        assert_eq!(pending.delivery(day("2011-12-31")), Some(Delivery::Pending));
        assert_eq!(pending.delivery(day("2012-01-01")), Some(Delivery::Overdue));
        let decided = question(
            Outcome::Prioritised {
                report_by: When::Month(2011, 12),
                decision: Some(Decision {
                    date: day("2011-11-30"),
                    included: false,
                    note: None,
                }),
            },
            &[],
        );
        assert_eq!(decided.delivery(day("2012-06-01")), None);
    }

    #[test]
    fn declined_has_no_delivery_and_resolved_is_done() {
        let declined = question(
            Outcome::Declined {
                ground: Ground::Legal,
                reason: Markdown("r".into()),
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
    fn embargo_and_draft() {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        assert!(is_public(false, None, t("2011-01-01T00:00")));
        assert!(!is_public(true, None, t("2011-01-01T00:00")));
        assert!(!is_public(
            false,
            Some(t("2011-04-14T10:00")),
            t("2011-04-14T09:59")
        ));
        assert!(is_public(
            false,
            Some(t("2011-04-14T10:00")),
            t("2011-04-14T10:00")
        ));
    }
}
