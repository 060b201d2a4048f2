//! Rendering: the validated model becomes files in memory. Nothing here
//! touches the file system; `output` writes what this returns.

pub mod i18n;
pub mod markdown;
mod pages;
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
    /// Each question's Markdown, rendered once (it appears on up to seven pages).
    html: HashMap<usize, QuestionHtml>,
}

/// A question's texts as sanitised HTML.
#[derive(Clone)]
pub struct QuestionHtml {
    pub asked: String,
    pub answer: Option<String>,
    /// The decline reason, or why a schedule was (not) brought forward.
    pub reason: Option<String>,
}

fn question_key(q: &Question) -> usize {
    std::ptr::from_ref(q) as usize
}

impl<'s> Published<'s> {
    /// Everything public, with every question's Markdown rendered up front (for a full build).
    pub fn new(site: &'s Site) -> Self {
        let mut p = Published::lazy(site);
        p.html = p
            .contracts
            .par_iter()
            .flat_map_iter(|c| {
                let slug = &site.neighbourhood(c.neighbourhood).slug;
                c.questions
                    .iter()
                    .map(move |q| (question_key(q), question_html(slug, c.year, q)))
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
        Published {
            site,
            contracts,
            questions,
            followers,
            updates,
            updates_by_question,
            html: HashMap::new(),
        }
    }

    /// The rendered texts of a published question.
    pub fn html(&self, c: &Contract, q: &Question) -> std::borrow::Cow<'_, QuestionHtml> {
        match self.html.get(&question_key(q)) {
            Some(h) => std::borrow::Cow::Borrowed(h),
            None => std::borrow::Cow::Owned(question_html(
                &self.site.neighbourhood(c.neighbourhood).slug,
                c.year,
                q,
            )),
        }
    }
}

fn question_html(neighbourhood: &str, year: i32, q: &Question) -> QuestionHtml {
    use crate::model::{Outcome, Planning};
    use markdown::{Trust, render};
    // Ids (footnotes) must be unique on pages that list questions of several contracts.
    let prefix = format!("q-{neighbourhood}-{year}-{}-", q.id);
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
    };
    QuestionHtml {
        asked: render(&q.asked.0, Trust::Resident, &format!("{prefix}a-")),
        answer: q
            .answer
            .as_ref()
            .map(|a| render(&a.0, Trust::Resident, &format!("{prefix}b-"))),
        reason: reason.map(|r| render(&r.0, Trust::Resident, &format!("{prefix}r-"))),
    }
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
            anyhow::anyhow!(
                "the theme has no translations for language `{}`",
                lang.code()
            )
        })?;
        contexts.push(pages::PageContext {
            published,
            t,
            lang,
            theme,
        });
    }
    let specs = pages::specs(published);
    let work: Vec<(&pages::PageContext, pages::Spec)> = contexts
        .iter()
        .flat_map(|cx| specs.iter().map(move |spec| (cx, *spec)))
        .collect();
    progress.total(work.len() as u64);
    // Each page's context is built, rendered, written and dropped on one thread.
    work.into_par_iter().try_for_each(|(cx, spec)| {
        progress.advance(1);
        let job = pages::job(cx, spec);
        let tera = theme.per_language.get(&job.lang).unwrap_or(&theme.tera);
        let html = tera.render(job.template, &job.context).map_err(|e| {
            anyhow::anyhow!("rendering {} with template {}:\n{e}", job.url, job.template)
        })?;
        out.put(urls::output_path(&job.url), html.into_bytes())
    })?;
    for (name, bytes) in &theme.static_files {
        out.put(format!("static/{name}"), bytes.clone())?;
    }
    Ok(())
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
    let job = pages::job_for(&cx, rest)?;
    let tera = theme.per_language.get(&job.lang).unwrap_or(&theme.tera);
    Some(
        tera.render(job.template, &job.context)
            .map(String::into_bytes)
            .map_err(|e| {
                anyhow::anyhow!("rendering {} with template {}:\n{e}", job.url, job.template)
            }),
    )
}
