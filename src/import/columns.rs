//! Columns: which question field each header cell names (YAML key or Dutch
//! name, as in `data/vragen.csv`), and the Dutch words accepted as values.

use std::collections::HashMap;

use super::read::Table;
use super::{IGNORED_COLUMNS, RowError};
use crate::model::{Channel, Ground, Keyword, OutcomeKind, QuestionKind, Scale, Written};
use crate::msg;
use crate::validate::suggest::did_you_mean;

/// A question field that a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Field {
    Id,
    Title,
    Kind,
    NeedsVolunteers,
    Scale,
    Channel,
    Topic,
    Location,
    Follows,
    Asked,
    Partner,
    Outcome,
    When,
    PlanningAdjusted,
    ReportBy,
    Ground,
    Reason,
    Answer,
}

/// Every field in the order a new question is written, with its YAML key and
/// its Dutch column name (as in `data/vragen.csv`).
pub(crate) const FIELDS: &[(Field, &str, &str)] = &[
    (Field::Id, "id", "nr"),
    (Field::Title, "title", "titel"),
    (Field::Kind, "kind", "soort"),
    (
        Field::NeedsVolunteers,
        "needs_volunteers",
        "vrijwilligers_nodig",
    ),
    (Field::Scale, "scale", "schaal"),
    (Field::Channel, "channel", "kanaal"),
    (Field::Topic, "topic", "thema"),
    (Field::Location, "location", "plek"),
    (Field::Follows, "follows", "vervolg_op"),
    (Field::Asked, "asked", "vraag"),
    (Field::Partner, "partner", "partner"),
    (Field::Outcome, "outcome", "uitkomst"),
    (Field::When, "when", "wanneer"),
    (
        Field::PlanningAdjusted,
        "planning_adjusted",
        "planning_aangepast",
    ),
    (Field::ReportBy, "report_by", "uitslag_uiterlijk"),
    (Field::Ground, "ground", "grond"),
    (Field::Reason, "reason", "reden"),
    (Field::Answer, "answer", "antwoord"),
];

/// Further Dutch names a column may have.
const ALIASES: &[(&str, Field)] = &[("locatie", Field::Location)];

impl Field {
    pub(crate) fn key(self) -> &'static str {
        FIELDS.iter().find(|f| f.0 == self).map_or("", |f| f.1)
    }
    pub(crate) fn dutch(self) -> &'static str {
        FIELDS.iter().find(|f| f.0 == self).map_or("", |f| f.2)
    }
    pub(crate) fn from_key(key: &str) -> Option<Field> {
        FIELDS.iter().find(|f| f.1 == key).map(|f| f.0)
    }
    /// Markdown text, written as a block scalar.
    pub(crate) fn is_markdown(self) -> bool {
        matches!(self, Field::Asked | Field::Answer | Field::Reason)
    }
    /// One line of free text, quoted when YAML would misread it.
    pub(crate) fn is_line(self) -> bool {
        matches!(self, Field::Title | Field::Location)
    }
    /// The value a question has when the field is absent: a spreadsheet
    /// that fills it in for every row adds nothing to the file.
    pub(crate) fn is_default(self, value: &str) -> bool {
        match self {
            Field::Kind => value == QuestionKind::Question.key(),
            Field::NeedsVolunteers => value == "false",
            Field::Scale => value == Scale::Neighbourhood.key(),
            _ => false,
        }
    }
}

/// The keys that belong to some outcomes only (see [`outcomes_of`]).
pub(crate) const OUTCOME_KEYS: &[&str] = &[
    "when",
    "planning_adjusted",
    "reason",
    "ground",
    "report_by",
    "decision",
];

/// Which outcomes a field belongs to (the others have it for every outcome).
pub(crate) fn outcomes_of(key: &str) -> Option<&'static [OutcomeKind]> {
    use OutcomeKind::*;
    Some(match key {
        "when" => &[Honoured, Scheduled],
        "planning_adjusted" => &[Scheduled],
        "reason" => &[Declined, Scheduled],
        "ground" => &[Declined],
        "report_by" | "decision" => &[Prioritised],
        _ => return None,
    })
}

fn normalise_header(s: &str) -> String {
    s.trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

/// What a header cell means.
enum Column {
    Field(Field),
    Wijk,
    Jaar,
    Ignored,
    Blank,
}

fn classify_header(name: &str) -> Option<Column> {
    let n = normalise_header(name);
    if n.is_empty() {
        return Some(Column::Blank);
    }
    if let Some((f, _, _)) = FIELDS.iter().find(|(_, k, nl)| *k == n || *nl == n) {
        return Some(Column::Field(*f));
    }
    if let Some((_, f)) = ALIASES.iter().find(|(a, _)| *a == n) {
        return Some(Column::Field(*f));
    }
    match n.as_str() {
        "wijk" => Some(Column::Wijk),
        "jaar" => Some(Column::Jaar),
        _ if IGNORED_COLUMNS.contains(&n.as_str()) => Some(Column::Ignored),
        _ => None,
    }
}

fn lower_words(s: &str) -> String {
    crate::model::aliases::normalise(s)
}

// The Dutch words are the model's, shared with `check`.
pub(super) fn parse_outcome(s: &str) -> Option<OutcomeKind> {
    OutcomeKind::from_written(s)
}

pub(super) fn parse_kind(s: &str) -> Option<QuestionKind> {
    QuestionKind::from_written(s)
}

pub(super) fn parse_scale(s: &str) -> Option<Scale> {
    Scale::from_written(s)
}

pub(super) fn parse_ground(s: &str) -> Option<Ground> {
    Ground::from_written(s)
}

pub(super) fn parse_channel(s: &str) -> Option<Channel> {
    Channel::from_written(s)
}

pub(super) fn parse_bool(s: &str) -> Option<bool> {
    match lower_words(s).as_str() {
        "ja" | "true" | "waar" | "yes" | "j" => Some(true),
        "nee" | "false" | "onwaar" | "no" | "n" => Some(false),
        _ => None,
    }
}

pub(crate) fn outcome_label(k: OutcomeKind) -> &'static str {
    match k {
        OutcomeKind::Resolved => "Direct opgelost",
        OutcomeKind::Honoured => "Binnen de looptijd",
        OutcomeKind::Scheduled => "Al gepland",
        OutcomeKind::Prioritised => "Meegenomen in prioritering",
        OutcomeKind::Declined => "Kan niet / mag niet",
    }
}

pub(super) struct Header {
    /// Column index → what it holds.
    pub(super) columns: Vec<(usize, Field)>,
    pub(super) names: HashMap<Field, String>,
    pub(super) wijk: Option<usize>,
    pub(super) jaar: Option<usize>,
    pub(super) blanks: Vec<usize>,
    pub(super) dutch: bool,
}

impl Header {
    pub(super) fn name(&self, f: Field) -> String {
        self.names.get(&f).cloned().unwrap_or_else(|| {
            if self.dutch {
                f.dutch().to_string()
            } else {
                f.key().to_string()
            }
        })
    }
}

pub(super) fn read_header(table: &Table) -> Result<Header, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut h = Header {
        columns: Vec::new(),
        names: HashMap::new(),
        wijk: None,
        jaar: None,
        blanks: Vec::new(),
        dutch: false,
    };
    let mut dutch = 0;
    let mut english = 0;
    for (i, raw) in table.header.iter().enumerate() {
        let name = raw.trim().trim_start_matches('\u{feff}').trim().to_string();
        match classify_header(raw) {
            Some(Column::Field(f)) => {
                let n = normalise_header(raw);
                if n == f.key() && n != f.dutch() {
                    english += 1;
                } else if n != f.key() {
                    dutch += 1;
                }
                if let Some(first) = h.names.get(&f) {
                    errors.push(RowError {
                        row: table.header_row,
                        column: name.clone(),
                        message: msg!("import-column-twice", first = first, key = f.key()).into(),
                    });
                    continue;
                }
                h.names.insert(f, name);
                h.columns.push((i, f));
            }
            Some(Column::Wijk) => h.wijk = Some(i),
            Some(Column::Jaar) => h.jaar = Some(i),
            Some(Column::Ignored) => {}
            Some(Column::Blank) => h.blanks.push(i),
            None => {
                let mut known: Vec<&str> = FIELDS.iter().flat_map(|(_, k, nl)| [*k, *nl]).collect();
                known.dedup();
                let mut all = known.clone();
                all.push("locatie");
                let message = match did_you_mean(&normalise_header(raw), all) {
                    Some(m) => msg!(
                        "import-unknown-column-suggest",
                        suggestion = m,
                        known = known.join(", ")
                    ),
                    None => msg!("import-unknown-column", known = known.join(", ")),
                };
                errors.push(RowError {
                    row: table.header_row,
                    column: name,
                    message: message.into(),
                });
            }
        }
    }
    h.dutch = dutch > english;
    if !h.names.contains_key(&Field::Id) && errors.is_empty() {
        errors.push(RowError {
            row: table.header_row,
            column: h.name(Field::Id),
            message: msg!("import-no-id-column", column = h.name(Field::Id)).into(),
        });
    }
    if errors.is_empty() {
        Ok(h)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_values() {
        assert_eq!(
            parse_outcome("Kan niet / mag niet"),
            Some(OutcomeKind::Declined)
        );
        assert_eq!(
            parse_outcome("binnen de  looptijd"),
            Some(OutcomeKind::Honoured)
        );
        assert_eq!(parse_outcome("AL GEPLAND"), Some(OutcomeKind::Scheduled));
        assert_eq!(parse_kind("Initiatief"), Some(QuestionKind::Initiative));
        assert_eq!(parse_ground("Financieel"), Some(Ground::Financial));
        assert_eq!(parse_bool("Nee"), Some(false));
        assert_eq!(parse_channel("Wijkschouw"), Some(Channel::Walk));
        assert_eq!(parse_scale("Stadsdeel"), Some(Scale::District));
        assert_eq!(parse_scale("hele  stad"), Some(Scale::City));
        assert_eq!(parse_scale("wijk"), Some(Scale::Neighbourhood));
        assert_eq!(parse_scale("city"), Some(Scale::City));
        assert_eq!(parse_scale("land"), None);
    }
}
