//! A question's own texts on the English pages: the editors' English version
//! where there is one, else the Dutch, marked `lang="nl"` (WCAG 3.1.2) and
//! labelled "(in Dutch)" by the templates. The same for updates and pages,
//! from their `<name>.en.md`.

use super::PageContext;
use crate::config::Language;
use crate::model::*;
use crate::render::markdown::{self, Trust};

impl PageContext<'_, '_> {
    /// The language to mark content written in Dutch with, on this page:
    /// `None` on Dutch pages.
    pub(super) fn dutch_mark(&self) -> Option<&'static str> {
        (self.lang != Language::Nl).then_some("nl")
    }

    /// The English version of `q`'s texts, on an English page.
    fn english<'q>(&self, q: &'q Question) -> Option<&'q English> {
        (self.lang == Language::En)
            .then_some(q.en.as_ref())
            .flatten()
    }

    /// The title to show, and the language to mark it with when it is not
    /// the page's.
    pub(super) fn question_title<'q>(&self, q: &'q Question) -> (&'q str, Option<&'static str>) {
        match self.english(q).and_then(|e| e.title.as_deref()) {
            Some(title) => (title, None),
            None => (&q.title, self.dutch_mark()),
        }
    }

    /// A topic's name on this page: its English name on an English page,
    /// where it has one.
    pub(super) fn topic_name<'t>(&self, t: &'t Topic) -> &'t str {
        match (&t.en, self.lang) {
            (Some(en), Language::En) => &en.name,
            _ => &t.name,
        }
    }

    /// A topic's description on this page, as [`Self::topic_name`].
    pub(super) fn topic_description(&self, t: &Topic) -> Option<String> {
        match (&t.en, self.lang) {
            (Some(en), Language::En) => en.description.clone(),
            _ => t.description.clone(),
        }
    }

    /// The English version of an update or page, on an English page.
    pub(super) fn translation<'t>(&self, en: Option<&'t Translation>) -> Option<&'t Translation> {
        en.filter(|_| self.lang == Language::En)
    }

    /// An update's or page's title on this page, and the language to mark
    /// it with when it is not the page's.
    pub(super) fn translated_title<'t>(
        &self,
        dutch: &'t str,
        en: Option<&'t Translation>,
    ) -> (&'t str, Option<&'static str>) {
        match self.translation(en) {
            Some(t) => (&t.title, None),
            None => (dutch, self.dutch_mark()),
        }
    }

    /// A page's description: from the English version on an English page
    /// where there is one, else from the Dutch text (`dutch`), said to be Dutch.
    pub(super) fn content_description(&self, en: Option<&Translation>, dutch: &str) -> String {
        match self.translation(en) {
            Some(t) => super::share::describe(
                &t.summary
                    .clone()
                    .unwrap_or_else(|| format!("{}: {}", t.title, markdown::plain_text(&t.body.0))),
            ),
            None => self.dutch_description(dutch),
        }
    }

    /// The English `asked`, `answer` or `reason` as HTML, if written.
    pub(super) fn english_html(
        &self,
        q: &Question,
        pick: fn(&English) -> Option<&Markdown>,
        id_prefix: &str,
    ) -> Option<String> {
        let text = pick(self.english(q)?)?;
        Some(markdown::render(&text.0, Trust::Resident, id_prefix))
    }
}
