//! The validated domain. Built only by `validate`; everything here may be
//! relied on: references are resolved to typed indices, required data exists.

pub mod aliases;
pub mod contract;
pub mod delivery;
pub mod ids;
pub mod map;
pub mod when;

use chrono::{NaiveDate, NaiveDateTime};

pub use aliases::Written;
pub use contract::*;
pub use delivery::{Delivery, Figure, Figures};
pub use ids::*;
pub use when::When;

use crate::config::SiteConfig;
use crate::source::{At, Span};

#[derive(Debug, Clone)]
pub struct District {
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
    pub neighbourhoods: Vec<NeighbourhoodId>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Neighbourhood {
    pub slug: String,
    pub name: String,
    pub district: DistrictId,
    /// An *aandachtswijk*: extra effort by the municipality and housing corporations.
    pub focus: bool,
    /// The name of its council, such as "Wijkraad Meerwijk".
    pub council: Option<String>,
    /// The council chose to have no contract.
    pub opted_out: Option<OptedOut>,
    pub intro: Option<Markdown>,
    pub span: Span,
}

/// A council's own choice not to have a neighbourhood contract.
#[derive(Debug, Clone)]
pub struct OptedOut {
    /// The first year without a contract.
    pub since: i32,
    /// Plain text: why, or where to go instead.
    pub note: String,
    /// Where `since` is written, for diagnostics.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Partner {
    pub slug: String,
    pub name: String,
    pub kind: PartnerKind,
    pub url: Option<String>,
    pub description: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub slug: String,
    pub name: String,
    pub description: Option<String>,
    pub span: Span,
    /// The name and description on the English pages (`en:` in topics.yaml).
    pub en: Option<TopicEnglish>,
}

#[derive(Debug, Clone)]
pub struct TopicEnglish {
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Update {
    /// The file name without its date prefix: `/nieuws/<slug>/`.
    pub slug: String,
    pub date: NaiveDate,
    pub title: String,
    pub summary: Option<String>,
    pub neighbourhoods: Vec<NeighbourhoodId>,
    pub districts: Vec<DistrictId>,
    pub questions: Vec<At<QuestionRef>>,
    pub publish_from: Option<NaiveDateTime>,
    pub draft: bool,
    pub body: Markdown,
    pub span: Span,
    /// The editors' English version (`<name>.en.md`), if any.
    pub en: Option<Translation>,
}

/// An update's or page's texts in English, from `<name>.en.md`. It follows
/// the Dutch file in everything else: date, links, draft and embargo.
#[derive(Debug, Clone)]
pub struct Translation {
    pub title: String,
    pub summary: Option<String>,
    pub body: Markdown,
}

impl Update {
    pub fn is_public(&self, as_of: NaiveDateTime) -> bool {
        is_public(self.draft, self.publish_from, as_of)
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub draft: bool,
    pub body: Markdown,
    pub span: Span,
    /// The editors' English version (`<name>.en.md`), if any.
    pub en: Option<Translation>,
}

#[derive(Debug, Clone)]
pub struct HomeIntro {
    pub title: Option<String>,
    pub body: Markdown,
}

/// Where a published URL went.
#[derive(Debug, Clone)]
pub struct Redirect {
    pub from: String,
    pub to: String,
    pub span: Span,
}

/// The whole validated site, judged against one moment: `as_of`.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    /// "Now" for the whole build, in Europe/Amsterdam local time.
    pub as_of: NaiveDateTime,
    pub home: Option<HomeIntro>,
    pub districts: Vec<District>,
    pub neighbourhoods: Vec<Neighbourhood>,
    pub partners: Vec<Partner>,
    pub topics: Vec<Topic>,
    /// Sorted by neighbourhood (districts.yaml order), then year. Shared, so
    /// that `serve` reuses the contracts an edit did not touch without copying.
    pub contracts: Vec<std::sync::Arc<Contract>>,
    /// Newest first.
    pub updates: Vec<Update>,
    pub pages: Vec<Page>,
    pub redirects: Vec<Redirect>,
    /// The neighbourhoods' shapes, when the site has `content/map.geojson`.
    pub map: Option<map::SiteMap>,
}

impl Site {
    pub fn today(&self) -> NaiveDate {
        self.as_of.date()
    }

    pub fn neighbourhood(&self, id: NeighbourhoodId) -> &Neighbourhood {
        &self.neighbourhoods[id.index()]
    }

    pub fn district(&self, id: DistrictId) -> &District {
        &self.districts[id.index()]
    }

    pub fn partner(&self, id: PartnerId) -> &Partner {
        &self.partners[id.index()]
    }

    pub fn topic(&self, id: TopicId) -> &Topic {
        &self.topics[id.index()]
    }

    pub fn public_contracts(&self) -> impl Iterator<Item = &Contract> {
        self.contracts
            .iter()
            .map(|c| &**c)
            .filter(|c| c.is_public(self.as_of))
    }

    pub fn public_updates(&self) -> impl Iterator<Item = &Update> {
        self.updates.iter().filter(|u| u.is_public(self.as_of))
    }

    pub fn public_pages(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(|p| !p.draft)
    }

    /// A question by its permanent reference, with its contract.
    pub fn find_question(&self, r: &QuestionRef) -> Option<(&Contract, &Question)> {
        let contract = self.contracts.iter().find(|c| {
            c.year == r.year && self.neighbourhood(c.neighbourhood).slug == r.neighbourhood
        })?;
        let question = contract.questions.iter().find(|q| q.id == r.id)?;
        Some((contract, question))
    }

    pub fn question_ref(&self, contract: &Contract, question: &Question) -> QuestionRef {
        QuestionRef {
            neighbourhood: self.neighbourhood(contract.neighbourhood).slug.clone(),
            year: contract.year,
            id: question.id,
        }
    }
}
