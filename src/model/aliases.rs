//! The words editors write for a fixed value: the YAML key (`honoured`) or a
//! Dutch label (`Binnen de looptijd`, `wijkschouw`). One table, shared by
//! `check` (YAML) and `import` (spreadsheets), so both accept the same words.
//! Matching ignores case, extra spaces and the spaces around a `/`.

use super::contract::{
    Channel, Ground, Keyword, OutcomeKind, PartnerKind, ProgressState, QuestionKind, Scale,
};

/// A [`Keyword`] that also has Dutch words for its values.
pub trait Written: Keyword {
    /// `(Dutch word, value)`, normalised as [`normalise`] does.
    const ALIASES: &'static [(&'static str, Self)];

    /// The value meant by what an editor wrote: the key or a Dutch word.
    fn from_written(text: &str) -> Option<Self> {
        let n = normalise(text);
        Self::from_key(&n).or_else(|| {
            Self::ALIASES
                .iter()
                .find(|(word, _)| *word == n)
                .map(|(_, v)| *v)
        })
    }

    /// The Dutch words for a value (the first is its label), for help texts.
    fn dutch(self) -> Vec<&'static str>
    where
        Self: PartialEq,
    {
        Self::ALIASES
            .iter()
            .filter(|(_, v)| *v == self)
            .map(|(w, _)| *w)
            .collect()
    }
}

/// Lower case, single spaces, and `a / b` written as `a/b`.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(" / ", "/")
        .replace("/ ", "/")
        .replace(" /", "/")
}

impl Written for OutcomeKind {
    const ALIASES: &'static [(&'static str, Self)] = &[
        ("direct opgelost", OutcomeKind::Resolved),
        ("opgelost", OutcomeKind::Resolved),
        ("binnen de looptijd", OutcomeKind::Honoured),
        ("al gepland", OutcomeKind::Scheduled),
        ("gepland", OutcomeKind::Scheduled),
        ("meegenomen in prioritering", OutcomeKind::Prioritised),
        ("meegenomen in de prioritering", OutcomeKind::Prioritised),
        ("prioritering", OutcomeKind::Prioritised),
        ("kan niet/mag niet", OutcomeKind::Declined),
        ("kan niet of mag niet", OutcomeKind::Declined),
        ("kan niet", OutcomeKind::Declined),
        ("mag niet", OutcomeKind::Declined),
    ];
}

impl Written for Ground {
    const ALIASES: &'static [(&'static str, Self)] = &[
        ("wettelijk", Ground::Legal),
        ("wet", Ground::Legal),
        ("beleid", Ground::Policy),
        ("financieel", Ground::Financial),
        ("geld", Ground::Financial),
    ];
}

impl Written for ProgressState {
    const ALIASES: &'static [(&'static str, Self)] = &[
        ("gepland", ProgressState::Planned),
        ("ingepland", ProgressState::Planned),
        ("gestart", ProgressState::Started),
        ("begonnen", ProgressState::Started),
        ("bezig", ProgressState::Started),
        ("in uitvoering", ProgressState::Started),
        ("klaar", ProgressState::Done),
        ("gereed", ProgressState::Done),
        ("afgerond", ProgressState::Done),
        ("uitgevoerd", ProgressState::Done),
        ("vertraagd", ProgressState::Delayed),
        ("vervallen", ProgressState::Dropped),
        ("gestopt", ProgressState::Dropped),
        ("geschrapt", ProgressState::Dropped),
    ];
}

impl Written for QuestionKind {
    const ALIASES: &'static [(&'static str, Self)] = &[
        ("vraag", QuestionKind::Question),
        ("initiatief", QuestionKind::Initiative),
        ("bewonersinitiatief", QuestionKind::Initiative),
    ];
}

impl Written for Scale {
    const ALIASES: &'static [(&'static str, Self)] = &[
        ("wijk", Scale::Neighbourhood),
        ("buurt", Scale::Neighbourhood),
        ("stadsdeel", Scale::District),
        ("heel stadsdeel", Scale::District),
        ("het hele stadsdeel", Scale::District),
        ("stad", Scale::City),
        ("hele stad", Scale::City),
        ("de hele stad", Scale::City),
        ("stadsbreed", Scale::City),
    ];
}

impl Written for Channel {
    const ALIASES: &'static [(&'static str, Self)] = &[
        ("wijkraadsvergadering", Channel::Meeting),
        ("vergadering", Channel::Meeting),
        ("bijeenkomst", Channel::Meeting),
        ("wijkschouw", Channel::Walk),
        ("schouw", Channel::Walk),
        ("wandeling", Channel::Walk),
        ("spreekuur", Channel::ConsultationHour),
        ("inloopspreekuur", Channel::ConsultationHour),
        ("enquête", Channel::Survey),
        ("enquete", Channel::Survey),
        ("digitaal panel", Channel::Panel),
        ("panel", Channel::Panel),
        ("bewonersorganisatie", Channel::ResidentsOrganisation),
        ("regulier contact", Channel::RegularContact),
    ];
}

impl Written for PartnerKind {
    const ALIASES: &'static [(&'static str, Self)] = &[
        ("gemeente", PartnerKind::Municipality),
        ("woningcorporatie", PartnerKind::Housing),
        ("corporatie", PartnerKind::Housing),
        ("politie", PartnerKind::Police),
        ("afval", PartnerKind::Waste),
        ("afvalinzameling", PartnerKind::Waste),
        ("welzijn", PartnerKind::Welfare),
        ("anders", PartnerKind::Other),
        ("overig", PartnerKind::Other),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_dutch_words() {
        assert_eq!(
            OutcomeKind::from_written("Kan niet / mag niet"),
            Some(OutcomeKind::Declined)
        );
        assert_eq!(
            OutcomeKind::from_written("binnen de  looptijd"),
            Some(OutcomeKind::Honoured)
        );
        assert_eq!(
            OutcomeKind::from_written("Direct opgelost"),
            Some(OutcomeKind::Resolved)
        );
        assert_eq!(
            OutcomeKind::from_written("AL GEPLAND"),
            Some(OutcomeKind::Scheduled)
        );
        assert_eq!(
            OutcomeKind::from_written("honoured"),
            Some(OutcomeKind::Honoured)
        );
        assert_eq!(Channel::from_written("Wijkschouw"), Some(Channel::Walk));
        assert_eq!(Ground::from_written("Financieel"), Some(Ground::Financial));
        assert_eq!(
            ProgressState::from_written("klaar"),
            Some(ProgressState::Done)
        );
        assert_eq!(Scale::from_written("hele  stad"), Some(Scale::City));
        assert_eq!(Scale::from_written("land"), None);
        assert_eq!(
            QuestionKind::from_written("Initiatief"),
            Some(QuestionKind::Initiative)
        );
    }

    #[test]
    fn every_alias_is_normalised_and_not_a_key_of_another_value() {
        fn check<K: Written + PartialEq + std::fmt::Debug>() {
            for (word, value) in K::ALIASES {
                assert_eq!(normalise(word), *word, "{word}");
                if let Some(k) = K::from_key(word) {
                    assert_eq!(k, *value, "{word}");
                }
            }
        }
        check::<OutcomeKind>();
        check::<Ground>();
        check::<ProgressState>();
        check::<QuestionKind>();
        check::<Scale>();
        check::<Channel>();
        check::<PartnerKind>();
    }
}
