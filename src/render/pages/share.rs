//! What each share image says, and which image and description a page
//! gives link previews. The drawing itself is in [`crate::render::share`].

use super::PageContext;
use super::figures::Lists;
use crate::model::*;
use crate::render::share::{Card, outcome_colour};

/// Where a neighbourhood's share image is, relative to the site root.
pub fn neighbourhood_image(slug: &str) -> String {
    format!("wijken/{slug}/delen.png")
}

pub fn contract_image(slug: &str, year: i32) -> String {
    format!("wijken/{slug}/{year}/delen.png")
}

/// The site's own share image, for pages of no neighbourhood.
pub const SITE_IMAGE: &str = "delen.png";

impl<'s> PageContext<'_, 's> {
    /// The absolute URL of an image path from the functions above.
    pub(super) fn image_url(&self, path: &str) -> String {
        format!(
            "{}/{path}",
            self.site().config.base_url.trim_end_matches('/')
        )
    }

    /// "Wijkcontract 2026: 12 vragen, 4 nagekomen, 1 te laat".
    pub(super) fn contract_summary(&self, c: &Contract, lists: &Lists) -> String {
        self.tr("share_contract_summary")
            .replace("{contract}", &self.contract_link(c).label)
            .replace("{total}", &lists.count(Figure::Questions).to_string())
            .replace("{kept}", &lists.count(Figure::KEPT).to_string())
            .replace(
                "{overdue}",
                &lists.count(Figure::Delivery(Delivery::Overdue)).to_string(),
            )
    }

    fn contract_card(&self, c: &Contract) -> Card {
        let n = self.site().neighbourhood(c.neighbourhood);
        let lists = Lists::of(&c.questions, self.site().today());
        let total = lists.count(Figure::Questions).max(1) as f64;
        Card {
            title: n.name.clone(),
            subtitle: self.contract_summary(c, &lists),
            bar: OutcomeKind::ALL
                .iter()
                .map(|&k| {
                    let share = lists.count(Figure::Outcome(k)) as f64 / total;
                    (share, outcome_colour(k.key()))
                })
                .collect(),
        }
    }

    /// Every share image of the site: its path and what it says. A
    /// neighbourhood's shows its latest contract, so it is the same card.
    pub fn share_cards(&self) -> Vec<(String, Card)> {
        let site = self.site();
        let mut cards = vec![(
            SITE_IMAGE.to_string(),
            Card {
                title: site.config.title.clone(),
                subtitle: site.config.description.clone(),
                bar: Vec::new(),
            },
        )];
        for (i, n) in site.neighbourhoods.iter().enumerate() {
            let id = NeighbourhoodId(i as u32);
            let card = match self.latest_contract(id) {
                Some(c) => self.contract_card(c),
                None => Card {
                    title: n.name.clone(),
                    subtitle: self
                        .opted_out_label(id)
                        .unwrap_or_else(|| self.tr("label_no_contract")),
                    bar: Vec::new(),
                },
            };
            cards.push((neighbourhood_image(&n.slug), card));
        }
        for c in &self.published.contracts {
            let slug = &site.neighbourhood(c.neighbourhood).slug;
            cards.push((contract_image(slug, c.year), self.contract_card(c)));
        }
        cards
    }

    /// The share image of a neighbourhood's or contract's page.
    pub(super) fn neighbourhood_image_url(&self, id: NeighbourhoodId) -> String {
        self.image_url(&neighbourhood_image(&self.site().neighbourhood(id).slug))
    }

    pub(super) fn contract_image_url(&self, c: &Contract) -> String {
        let n = self.site().neighbourhood(c.neighbourhood);
        self.image_url(&contract_image(&n.slug, c.year))
    }
}

/// A page's description: its own text, cut to what a search result shows.
pub(super) fn describe(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 200 {
        return text;
    }
    let cut: String = text.chars().take(197).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}
