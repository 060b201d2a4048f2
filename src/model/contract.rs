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
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),* }
        impl Keyword for $name {
            const ALL: &'static [Self] = &[$($name::$variant),*];
            fn key(self) -> &'static str {
                match self { $($name::$variant => $key),* }
            }
        }
    };
}
pub(crate) use keyword;

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
    /// How widely a question is taken up: in its own neighbourhood (the
    /// default), or for the whole district or city.
    Scale {
        Neighbourhood = "neighbourhood",
        District = "district",
        City = "city",
    }
);

impl Scale {
    /// Taken up beyond the neighbourhood that asked.
    pub fn is_larger(self) -> bool {
        self != Scale::Neighbourhood
    }
}
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

/// A move of the deadline: the promise stays as signed, and each move is
/// recorded with its date and reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Reschedule {
    pub date: NaiveDate,
    /// The new deadline: a `when`, or a `report_by` for a prioritised answer.
    pub to: When,
    pub reason: String,
}

/// A change of the answer after it was published: what it was before.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub date: NaiveDate,
    pub from: OutcomeKind,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: u32,
    pub title: String,
    pub kind: QuestionKind,
    /// An initiative that goes ahead only when enough residents join.
    pub needs_volunteers: bool,
    pub scale: Scale,
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
    /// Each move of the deadline, oldest first.
    pub rescheduled: Vec<Reschedule>,
    /// Each earlier answer, oldest first.
    pub revised: Vec<Revision>,
    /// The English version of the texts, where the editors wrote one.
    pub en: Option<English>,
    /// Where the outcome and the deadline are written, for the promise record.
    pub promise_spans: PromiseSpans,
    pub span: Span,
}

/// A question's texts in English (`en:`): each optional, and on English
/// pages shown instead of the Dutch; what is missing stays Dutch, marked so.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct English {
    pub title: Option<String>,
    pub asked: Option<Markdown>,
    pub answer: Option<Markdown>,
    pub reason: Option<Markdown>,
}

/// Where a question's promise is written in its file.
#[derive(Debug, Clone, Copy)]
pub struct PromiseSpans {
    pub outcome: Span,
    /// The `when` or `report_by` value.
    pub deadline: Option<Span>,
    /// The `rescheduled` key, or where to add it.
    pub rescheduled: Option<Span>,
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
pub(crate) mod tests {
    use super::*;
    use crate::model::when::parse_day;
    use crate::source::FileId;

    /// A question with this outcome and progress, and nothing else.
    pub(crate) fn question(outcome: Outcome, progress: &[(&str, ProgressState)]) -> Question {
        let span = Span::file_start(FileId(0));
        Question {
            id: 1,
            title: "t".into(),
            kind: QuestionKind::Question,
            needs_volunteers: false,
            scale: Scale::Neighbourhood,
            channel: None,
            topic: TopicId(0),
            location: None,
            asked: Markdown::default(),
            partner: PartnerId(0),
            outcome,
            answer: None,
            en: None,
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
            rescheduled: Vec::new(),
            revised: Vec::new(),
            promise_spans: PromiseSpans {
                outcome: span,
                deadline: None,
                rescheduled: None,
            },
            span,
        }
    }

    #[test]
    fn scale_beyond_the_neighbourhood() {
        assert_eq!(Scale::from_key("city"), Some(Scale::City));
        assert_eq!(Scale::keys(), ["neighbourhood", "district", "city"]);
        assert!(!Scale::Neighbourhood.is_larger());
        assert!(Scale::District.is_larger() && Scale::City.is_larger());
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
