//! Rendering: the validated model becomes files in memory. Nothing here
//! touches the file system; `output` writes what this returns.

pub mod base_path;
pub mod i18n;
pub mod map;
pub mod markdown;
mod pages;
pub mod qr;
pub mod share;
pub mod theme;
pub mod urls;
pub mod views;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::model::{Contract, Question, QuestionRef, Site, Update};
use crate::output::Sink;
pub use theme::Theme;

/// The whole output: path relative to the output folder → bytes. A BTreeMap
/// keeps the order, and so the output, independent of hashing and threads.
pub type SiteOutput = BTreeMap<String, Vec<u8>>;

/// A page waiting to be rendered.
pub struct PageJob {
    pub lang: crate::config::Language,
    pub url: String,
    pub template: &'static str,
    pub context: tera::Context,
}

/// What is public at `as_of`, with the lookups pages need. Hidden contracts
/// and updates are simply not in here, so no page can reach them.
pub struct Published<'s> {
    pub site: &'s Site,
    pub contracts: Vec<&'s Contract>,
    pub questions: HashMap<QuestionRef, (&'s Contract, &'s Question)>,
    pub followers: HashMap<QuestionRef, Vec<QuestionRef>>,
    pub updates: Vec<&'s Update>,
    pub updates_by_question: HashMap<QuestionRef, Vec<&'s Update>>,
    /// Each partner's and each topic's questions, in the order their pages list them.
    pub by_partner: Vec<Vec<(&'s Contract, &'s Question)>>,
    pub by_topic: Vec<Vec<(&'s Contract, &'s Question)>>,
    /// Each decline or planning reason, rendered once: it appears on every
    /// page that lists its question.
    reasons: HashMap<usize, String>,
    /// Tells this instance's entries apart in the per-thread memo of [`Published::texts`].
    instance: u64,
    /// Which questions each figure counts, per scope; made on first use.
    figures: std::sync::OnceLock<pages::Memberships<'s>>,
    /// The short links the record already gave out (URL, code).
    recorded_codes: std::sync::Arc<[(String, crate::shortlinks::ShortCode)]>,
    /// Every short link; made on first use.
    short: std::sync::OnceLock<crate::shortlinks::ShortLinks>,
    /// The map at both sizes, and each neighbourhood's share; made on first use.
    maps: std::sync::OnceLock<Option<map::Maps>>,
}

/// A question's own texts as sanitised HTML, shown on its page.
#[derive(Clone)]
pub struct QuestionTexts {
    pub asked: String,
    pub answer: Option<String>,
}

fn question_key(q: &Question) -> usize {
    std::ptr::from_ref(q) as usize
}

static INSTANCES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A question's texts, keyed by the [`Published`] instance and the question.
type MemoEntry = ((u64, usize), std::rc::Rc<QuestionTexts>);

thread_local! {
    /// The texts of the question page rendered last on this thread: its other
    /// languages follow right after it, and reuse them.
    static LAST_TEXTS: std::cell::RefCell<Option<MemoEntry>> =
        const { std::cell::RefCell::new(None) };
}

impl<'s> Published<'s> {
    /// Everything public, with the reasons rendered up front (for a full build).
    pub fn new(site: &'s Site) -> Self {
        let mut p = Published::lazy(site);
        p.reasons = p
            .contracts
            .par_iter()
            .flat_map_iter(|c| {
                let slug = &site.neighbourhood(c.neighbourhood).slug;
                c.questions
                    .iter()
                    .filter_map(move |q| Some((question_key(q), reason_html(slug, c.year, q)?)))
            })
            .collect();
        p
    }

    /// Everything public, rendering Markdown only when a page asks for it (for `serve`).
    pub fn lazy(site: &'s Site) -> Self {
        let contracts: Vec<&Contract> = site.public_contracts().collect();
        let mut questions = HashMap::new();
        for c in &contracts {
            for q in &c.questions {
                questions.insert(site.question_ref(c, q), (*c, q));
            }
        }
        let mut followers: HashMap<QuestionRef, Vec<QuestionRef>> = HashMap::new();
        for (r, (_, q)) in &questions {
            if let Some(f) = &q.follows
                && questions.contains_key(&f.value)
            {
                followers
                    .entry(f.value.clone())
                    .or_default()
                    .push(r.clone());
            }
        }
        for list in followers.values_mut() {
            list.sort();
        }
        let updates: Vec<&Update> = site.public_updates().collect();
        let mut updates_by_question: HashMap<QuestionRef, Vec<&Update>> = HashMap::new();
        for u in &updates {
            for r in &u.questions {
                if questions.contains_key(&r.value) {
                    updates_by_question
                        .entry(r.value.clone())
                        .or_default()
                        .push(u);
                }
            }
        }
        // By outcome, then as the contracts come (neighbourhood, year), then by id.
        let mut by_partner = vec![Vec::new(); site.partners.len()];
        let mut by_topic = vec![Vec::new(); site.topics.len()];
        for c in &contracts {
            for q in &c.questions {
                by_partner[q.partner.index()].push((*c, q));
                by_topic[q.topic.index()].push((*c, q));
            }
        }
        for list in by_partner.iter_mut().chain(&mut by_topic) {
            list.sort_by_key(|(_, q)| q.outcome.kind());
        }
        Published {
            site,
            contracts,
            questions,
            followers,
            updates,
            updates_by_question,
            by_partner,
            by_topic,
            reasons: HashMap::new(),
            instance: INSTANCES.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            figures: std::sync::OnceLock::new(),
            recorded_codes: std::sync::Arc::new([]),
            short: std::sync::OnceLock::new(),
            maps: std::sync::OnceLock::new(),
        }
    }

    /// Keeps the short links the record of what was published gave out.
    pub fn with_recorded_codes(
        mut self,
        codes: std::sync::Arc<[(String, crate::shortlinks::ShortCode)]>,
    ) -> Self {
        self.recorded_codes = codes;
        self.short = std::sync::OnceLock::new();
        self
    }

    /// The language of the permanent addresses that the record and the short
    /// links name: Dutch, unless the site has no Dutch pages.
    pub fn permalink_language(&self) -> crate::config::Language {
        use crate::config::Language;
        let languages = &self.site.config.languages;
        if languages.contains(&Language::Nl) {
            Language::Nl
        } else {
            languages.first().copied().unwrap_or(Language::Nl)
        }
    }

    /// Every short link: one for each public contract and question.
    pub fn short_links(&self) -> &crate::shortlinks::ShortLinks {
        self.short.get_or_init(|| {
            let lang = self.permalink_language();
            let mut permalinks = std::collections::HashSet::new();
            for c in &self.contracts {
                let slug = &self.site.neighbourhood(c.neighbourhood).slug;
                permalinks.insert(urls::contract(lang, slug, c.year));
                for q in &c.questions {
                    permalinks.insert(urls::question(lang, slug, c.year, q.id));
                }
            }
            let redirected: std::collections::HashSet<&str> = self
                .site
                .redirects
                .iter()
                .map(|r| r.from.as_str())
                .collect();
            crate::shortlinks::ShortLinks::assign(
                permalinks.iter().map(String::as_str),
                &self.recorded_codes,
                &|u| permalinks.contains(u) || redirected.contains(u),
            )
        })
    }

    /// The short link of a contract's or question's permanent address.
    pub fn short_link(&self, permalink: &str) -> Option<String> {
        self.short_links()
            .code(permalink)
            .map(crate::shortlinks::url)
    }

    /// The rendered reason of a published question, if it has one.
    pub fn reason(&self, c: &Contract, q: &Question) -> Option<String> {
        match self.reasons.get(&question_key(q)) {
            Some(h) => Some(h.clone()),
            None => reason_html(&self.site.neighbourhood(c.neighbourhood).slug, c.year, q),
        }
    }

    /// The rendered question and answer. Not kept: each appears on one page
    /// per language, and those pages are rendered one after the other.
    pub fn texts(&self, c: &Contract, q: &Question) -> std::rc::Rc<QuestionTexts> {
        let key = (self.instance, question_key(q));
        LAST_TEXTS.with(|last| {
            let mut last = last.borrow_mut();
            if let Some((k, texts)) = &*last
                && *k == key
            {
                return texts.clone();
            }
            let slug = &self.site.neighbourhood(c.neighbourhood).slug;
            let texts = std::rc::Rc::new(question_texts(slug, c.year, q));
            *last = Some((key, texts.clone()));
            texts
        })
    }
}

/// Ids (footnotes) must be unique on pages that list questions of several contracts.
fn id_prefix(neighbourhood: &str, year: i32, q: &Question) -> String {
    format!("q-{neighbourhood}-{year}-{}-", q.id)
}

fn question_texts(neighbourhood: &str, year: i32, q: &Question) -> QuestionTexts {
    use markdown::{Trust, render};
    let prefix = id_prefix(neighbourhood, year, q);
    QuestionTexts {
        asked: render(&q.asked.0, Trust::Resident, &format!("{prefix}a-")),
        answer: q
            .answer
            .as_ref()
            .map(|a| render(&a.0, Trust::Resident, &format!("{prefix}b-"))),
    }
}

/// The decline reason, or why a schedule was (not) brought forward.
fn reason_html(neighbourhood: &str, year: i32, q: &Question) -> Option<String> {
    use crate::model::{Outcome, Planning};
    use markdown::{Trust, render};
    let reason = match &q.outcome {
        Outcome::Declined { reason, .. }
        | Outcome::Scheduled {
            planning: Planning::NotAdjusted { reason },
            ..
        } => Some(reason),
        Outcome::Scheduled {
            planning: Planning::Adjusted { note },
            ..
        } => note.as_ref(),
        _ => None,
    }?;
    let prefix = id_prefix(neighbourhood, year, q);
    Some(render(&reason.0, Trust::Resident, &format!("{prefix}r-")))
}

/// Renders every page of the site in every configured language into `out`,
/// each page as soon as it is made.
pub fn render_pages(
    published: &Published,
    theme: &Theme,
    progress: &dyn crate::progress::Progress,
    out: &dyn Sink,
) -> anyhow::Result<()> {
    let site = published.site;
    let mut contexts = Vec::new();
    for &lang in &site.config.languages {
        let t = theme.translations.get(&lang).ok_or_else(|| {
            anyhow::anyhow!("{}", crate::tr!("theme-no-language", lang = lang.code()))
        })?;
        contexts.push(pages::PageContext {
            published,
            t,
            lang,
            theme,
        });
    }
    let specs = pages::specs(published);
    // A page's languages follow each other, so that they share its rendered texts.
    let work: Vec<(&pages::PageContext, pages::Spec)> = specs
        .iter()
        .flat_map(|spec| contexts.iter().map(move |cx| (cx, *spec)))
        .collect();
    progress.total(work.len() as u64);
    // Each page's context is built, rendered, written and dropped on one thread.
    work.into_par_iter().try_for_each(|(cx, spec)| {
        progress.advance(1);
        let job = pages::job(cx, spec);
        let tera = theme.per_language.get(&job.lang).unwrap_or(&theme.tera);
        let html = tera.render(job.template, &job.context).map_err(|e| {
            anyhow::anyhow!(
                "{}\n{e}",
                crate::tr!(
                    "render-failed",
                    url = job.url.to_string(),
                    template = job.template
                )
            )
        })?;
        let html = base_path::rebase(html, &site.config.base_path);
        out.put(urls::output_path(&job.url), html.into_bytes())
    })?;
    for (name, bytes) in &theme.static_files {
        out.put(format!("static/{name}"), bytes.clone())?;
    }
    if let Some(cx) = contexts.first() {
        render_images(cx, out)?;
    }
    Ok(())
}

/// The share images and the touch icon, drawn in parallel like the pages.
/// A neighbourhood's image is its latest contract's card: each distinct card
/// is drawn once and written to every path that shows it. An image the
/// previous build drew of the same card is kept: drawing is most of the cost.
fn render_images(cx: &pages::PageContext, out: &dyn Sink) -> anyhow::Result<()> {
    let painter = share::Painter::for_site(&cx.published.site.config)?;
    let mut by_card: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, card) in cx.share_cards() {
        by_card
            .entry(share::card_svg(&card))
            .or_default()
            .push(path);
    }
    by_card
        .into_par_iter()
        .try_for_each(|(svg, paths)| -> anyhow::Result<()> {
            let key = painter.key(&svg);
            let kept = paths
                .iter()
                .filter_map(|path| out.previous(path))
                .find(|old| share::key_of(old) == Some(key.as_str()));
            let png = match kept {
                Some(png) => png,
                None => painter.png_of(&svg)?,
            };
            for path in paths {
                out.put(path, png.clone())?;
            }
            Ok(())
        })?;
    out.put(
        urls::touch_icon().trim_start_matches('/').to_string(),
        share::icon_png(180)?,
    )
}

/// The image at `path`, for `serve`.
fn render_image(cx: &pages::PageContext, path: &str) -> Option<anyhow::Result<Vec<u8>>> {
    if path == urls::touch_icon().trim_start_matches('/') {
        return Some(share::icon_png(180));
    }
    let (_, card) = cx.share_cards().into_iter().find(|(p, _)| p == path)?;
    Some(share::Painter::for_site(&cx.published.site.config).and_then(|p| p.png(&card)))
}

/// Renders the single page at `path` (relative to the site root, such as
/// `en/wijken/meerwijk/`), or `None` when no page lives there.
pub fn render_one(
    published: &Published,
    theme: &Theme,
    path: &str,
) -> Option<anyhow::Result<Vec<u8>>> {
    use crate::config::Language;
    let site = published.site;
    let (lang, rest) = match path
        .strip_prefix("en/")
        .or(if path == "en" { Some("") } else { None })
    {
        Some(rest) if site.config.languages.contains(&Language::En) => (Language::En, rest),
        _ => (Language::Nl, path),
    };
    let t = theme.translations.get(&lang)?;
    let cx = pages::PageContext {
        published,
        t,
        lang,
        theme,
    };
    if path.ends_with(".png") {
        return render_image(&cx, path);
    }
    let job = pages::job_for(&cx, rest)?;
    let tera = theme.per_language.get(&job.lang).unwrap_or(&theme.tera);
    Some(
        tera.render(job.template, &job.context)
            .map(|html| base_path::rebase(html, &site.config.base_path).into_bytes())
            .map_err(|e| {
                anyhow::anyhow!(
                    "{}\n{e}",
                    crate::tr!(
                        "render-failed",
                        url = job.url.to_string(),
                        template = job.template
                    )
                )
            }),
    )
}
