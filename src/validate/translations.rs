//! English versions of updates and pages: `<name>.en.md` beside the Dutch
//! `<name>.md`, with a `title`, an optional `summary` and the text. Everything
//! else (date, links, draft, embargo) is the Dutch file's, so a translation can
//! never publish what its original hides.

use std::collections::HashMap;

use super::read::{self, Fields};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{MarkdownDoc, Sources};
use crate::model::{Markdown, Translation};
use crate::msg;
use crate::source::Span;

/// The translations in `docs`, by the stem of the file each translates;
/// `originals` are the Dutch files of the same folder, `folder` its name.
pub fn read(
    sources: &Sources,
    docs: &[MarkdownDoc],
    originals: &[MarkdownDoc],
    folder: &str,
    d: &mut Diagnostics,
) -> HashMap<String, Translation> {
    let mut out = HashMap::new();
    for doc in docs {
        let file_start = Span::file_start(doc.file);
        let original = format!("content/{folder}/{}.md", doc.stem);
        if !originals.iter().any(|o| o.stem == doc.stem) {
            d.push(
                Diagnostic::error(
                    Code::UnexpectedFile,
                    file_start,
                    msg!("translation-without-original", original = original.as_str()),
                )
                .with_help(msg!("translation-without-original-help")),
            );
            continue;
        }
        let Some(front) = &doc.front else {
            if !doc.front_failed {
                d.push(
                    Diagnostic::error(
                        Code::MissingField,
                        file_start,
                        msg!("translation-no-front-matter"),
                    )
                    .with_help(msg!("translation-no-front-matter-help")),
                );
            }
            continue;
        };
        let Some(mut f) = Fields::of(front, "item-translation", d) else {
            continue;
        };
        let title = f.get("title").and_then(|n| read::text(n, "title", d));
        let summary = f.get("summary").and_then(|n| read::text(n, "summary", d));
        if f.is_missing("title") {
            f.missing(
                Code::MissingField,
                "title",
                msg!("missing-translation-title-help"),
                d,
            );
        }
        // Unknown keys, `draft` and `date` among them, are reported here:
        // they belong in the Dutch file.
        f.finish(d);
        let Some(title) = title else { continue };
        out.insert(
            doc.stem.clone(),
            Translation {
                title: title.value,
                summary: summary.map(|s| s.value),
                body: Markdown(sources.body(doc).to_string()),
            },
        );
    }
    out
}
