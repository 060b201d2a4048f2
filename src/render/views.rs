//! View models: what templates see. Prepared in Rust — labels translated,
//! dates in words, URLs made, counts done — so templates only lay out.

use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// What every page has: the layout's data.
#[derive(Serialize)]
pub struct Layout<'a> {
    pub lang: &'static str,
    pub site_title: &'a str,
    pub site_description: &'a str,
    pub title: String,
    /// The page's own address, from the site root.
    pub url: String,
    pub canonical: String,
    pub home_url: String,
    pub data_url: String,
    /// `/cijfers/`: how each figure is counted.
    pub figures_url: String,
    pub nav: Vec<NavItem>,
    pub breadcrumbs: Vec<Link>,
    pub languages: Vec<LanguageLink>,
    pub footer: Vec<TextLink>,
    pub stylesheet: String,
    /// Atom feeds that belong to this page: `<link rel="alternate">` in the
    /// head, and a visible link to subscribe.
    pub feeds: Vec<FeedLink>,
    /// The page's own description, for search results and link previews.
    pub description: String,
    /// The absolute URL of the page's share image (a PNG of 1200×630).
    pub image: String,
    pub image_alt: String,
    /// `nl_NL`, `en_GB`.
    pub og_locale: &'static str,
    /// The absolute URL of the page in the site's default language.
    pub x_default: String,
    pub icon: &'static str,
    pub touch_icon: &'static str,
}

/// A feed of a page.
#[derive(Serialize, Clone)]
pub struct FeedLink {
    /// The feed's own title.
    pub label: String,
    pub url: String,
    /// The text of the visible link: "Volg het nieuws en de voortgang (Atom-feed)".
    pub subscribe: String,
}

#[derive(Serialize)]
pub struct NavItem {
    pub label: String,
    pub url: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct LanguageLink {
    pub code: &'static str,
    pub label: String,
    pub url: String,
    /// The same, absolute: `hreflang` links must be.
    pub absolute: String,
    pub current: bool,
}

/// A status badge: its meaning is in `label`; `key` only picks a colour.
#[derive(Serialize, Clone)]
pub struct Badge {
    pub key: &'static str,
    pub label: String,
}

/// One question as shown in a list.
#[derive(Serialize, Clone)]
pub struct QuestionItem {
    pub id: u32,
    pub title: String,
    /// `nl` on an English page where the title has no English version.
    pub title_lang: Option<&'static str>,
    pub url: String,
    pub kind: String,
    pub outcome: Badge,
    pub delivery: Option<Badge>,
    /// Due date in words, for honoured and scheduled.
    pub when: Option<String>,
    pub report_by: Option<String>,
    pub decision: Option<String>,
    pub ground: Option<String>,
    /// Sanitised HTML.
    pub reason_html: Option<String>,
    pub reason_lang: Option<&'static str>,
    pub planning: Option<String>,
    pub partner: Link,
    pub topic: Link,
    pub neighbourhood: Link,
    pub contract: Link,
    pub location: Option<String>,
    pub disputed: Option<Disputed>,
    /// The deadline as signed (`when` or `report_by`) in words.
    pub promised: Option<String>,
    /// The current deadline in words, when it was moved (`when` or
    /// `report_by` stays the promise as signed).
    pub deadline: Option<String>,
    /// Each move of the deadline, oldest first.
    pub moves: Vec<MoveEntry>,
    /// Each earlier answer, oldest first.
    pub revisions: Vec<RevisionEntry>,
    /// "3 weken later dan beloofd", for work done after the original deadline.
    pub late_by: Option<String>,
    /// "Dit initiatief gaat door als genoeg bewoners meedoen".
    pub volunteers: Option<String>,
    /// "Wordt opgepakt voor de hele stad", when taken up beyond the neighbourhood.
    pub scale: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct MoveEntry {
    pub date: String,
    pub date_iso: String,
    /// The new deadline in words.
    pub to: String,
    pub reason: String,
}

#[derive(Serialize, Clone)]
pub struct RevisionEntry {
    pub date: String,
    pub date_iso: String,
    /// The earlier answer's label.
    pub from: Badge,
    pub reason: String,
}

#[derive(Serialize, Clone)]
pub struct Disputed {
    pub label: String,
    pub date: String,
    pub note: String,
}

/// Questions under one outcome heading.
#[derive(Serialize)]
pub struct OutcomeGroup {
    pub key: &'static str,
    /// The id the figures of this outcome link to.
    pub anchor: String,
    pub label: String,
    pub help: String,
    pub questions: Vec<QuestionItem>,
}

/// Counts by outcome, drawn as a bar and given as a table, and where the
/// answers stand. Every count comes from [`crate::model::Figures`].
#[derive(Serialize, Clone)]
pub struct Totals {
    pub total: usize,
    pub rows: Vec<TotalRow>,
    /// *Nagekomen*: done on time and not disputed.
    pub kept: usize,
    pub overdue: usize,
    pub moved: usize,
    /// Where the answers stand (kept, late, moved, …), the non-zero ones;
    /// together they count every answer that has a delivery state once.
    pub standings: Vec<FigureRow>,
    pub declined_by_ground: Vec<GroundRow>,
    /// A short text alternative for the bar.
    pub summary: String,
    /// Where each figure's list is; `None` where there is nothing to list.
    pub total_url: Option<String>,
    pub kept_url: Option<String>,
    pub overdue_url: Option<String>,
}

/// One figure with its label.
#[derive(Serialize, Clone)]
pub struct FigureRow {
    pub key: String,
    pub label: String,
    pub count: usize,
    /// The list this figure counts.
    pub url: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct TotalRow {
    pub key: &'static str,
    pub label: String,
    pub count: usize,
    pub percent: u32,
    /// Position and width of the bar segment, in percent of the bar.
    pub x: f64,
    pub width: f64,
    pub url: Option<String>,
}

#[derive(Serialize, Clone)]
pub struct GroundRow {
    pub label: String,
    pub count: usize,
    pub url: Option<String>,
}

#[derive(Serialize)]
pub struct ProgressEntry {
    pub date: String,
    pub date_iso: String,
    pub state: Badge,
    pub note: Option<String>,
}

#[derive(Serialize)]
pub struct UpdateItem {
    pub title: String,
    pub url: String,
    pub date: String,
    pub date_iso: String,
    pub summary: Option<String>,
    /// The language of the title and summary when it is not the page's.
    pub lang: Option<&'static str>,
}

/// A link whose label is content, written in `lang` when that is not the page's.
#[derive(Serialize)]
pub struct TextLink {
    pub label: String,
    pub url: String,
    pub lang: Option<&'static str>,
}

#[derive(Serialize)]
pub struct ContractItem {
    pub year: i32,
    pub label: String,
    pub url: String,
    pub period: String,
    pub totals: Totals,
}

#[derive(Serialize)]
pub struct NeighbourhoodItem {
    pub name: String,
    pub url: String,
    pub focus: bool,
    pub latest: Option<ContractItem>,
    /// "Geen wijkcontract (eigen keuze)", when the council chose so.
    pub opted_out: Option<String>,
}

#[derive(Serialize)]
pub struct DistrictItem {
    pub name: String,
    pub url: String,
    pub neighbourhoods: Vec<NeighbourhoodItem>,
}

/// One agreement in a partner's or topic's list.
#[derive(Serialize)]
pub struct AgreementRow {
    pub title: String,
    pub title_lang: Option<&'static str>,
    pub url: String,
    /// The contract: the neighbourhood and year.
    pub contract: Link,
    pub outcome: Badge,
    pub when: Option<String>,
    /// The current deadline in words, when it was moved.
    pub deadline: Option<String>,
    pub delivery: Option<Badge>,
    /// "Het wijkplatform is het er niet mee eens", when the council disputes it.
    pub disputed: Option<String>,
    pub volunteers: Option<String>,
    pub scale: Option<String>,
}

/// One page of a long list.
#[derive(Serialize)]
pub struct Listing {
    /// How many items the whole list has.
    pub count: usize,
    pub rows: Vec<AgreementRow>,
    pub pagination: Option<Pagination>,
}

/// Links between the pages of a list.
#[derive(Serialize)]
pub struct Pagination {
    /// "Pagina 2 van 7".
    pub label: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The first, the last and those around the current page; `None` is a gap.
    pub pages: Vec<Option<PageLink>>,
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// A number that links to the list it counts.
#[derive(Serialize, Clone)]
pub struct FigureCell {
    pub count: usize,
    pub url: String,
}

/// The rows of one neighbourhood in a figure's list.
#[derive(Serialize)]
pub struct FigureListGroup {
    pub id: String,
    pub neighbourhood: Link,
    /// The `<li>` of each question, made by [`crate::render::pages`]: a
    /// figure list can hold thousands, and rows made in the template cost
    /// several times as much.
    pub rows_html: String,
}

/// The questions of one standing on a contract page.
#[derive(Serialize)]
pub struct StandingList {
    pub id: String,
    pub label: String,
    pub questions: Vec<Link>,
}

/// Places, partners or topics side by side, each number a link to its list.
#[derive(Serialize)]
pub struct Comparison {
    pub id: &'static str,
    pub caption: String,
    pub columns: Vec<String>,
    /// The last columns, under one heading: declined, by ground.
    pub declined: String,
    pub grounds: Vec<String>,
    /// Each cell's column heading in full, shown beside the number where a
    /// narrow screen lays a row out as a list.
    pub labels: Vec<String>,
    pub rows: Vec<ComparisonRow>,
    /// The whole city.
    pub total: ComparisonRow,
}

#[derive(Serialize)]
pub struct ComparisonRow {
    pub name: Link,
    pub cells: Vec<FigureCell>,
}

/// A scope's figures per contract year.
#[derive(Serialize)]
pub struct YearTable {
    pub id: String,
    pub heading: String,
    pub caption: String,
    pub years: Vec<i32>,
    pub rows: Vec<YearRow>,
}

#[derive(Serialize)]
pub struct YearRow {
    pub label: String,
    pub cells: Vec<YearCell>,
}

/// A year's number; a link to the list it counts where it is a figure.
#[derive(Serialize)]
pub struct YearCell {
    pub count: usize,
    pub url: Option<String>,
}

/// What a list of one contract year says about its year.
#[derive(Serialize)]
pub struct YearOfList {
    /// "Alleen vragen uit de wijkcontracten van 2025."
    pub only: String,
    pub all_years: Link,
}
