//! News updates: a new one written from the form, or the title, date,
//! summary and text of one changed in place (its other front matter and its
//! comments stay).

use std::fmt::Write as _;

use axum::http::StatusCode;
use axum::response::Response;

use super::super::App;
use super::apply::Values;
use super::forms::{Again, action, finish, general_errors, html, place};
use super::save;
use super::view::{self, Ctx, Errors, Input, Kind, escape};
use crate::import::doc::{map_text, parse_yaml};
use crate::import::edit::{double_quoted, plain_ok};

/// The front-matter keys the form edits, with their labels and hints.
const FIELDS: &[(&str, &str, Kind, Option<&str>)] = &[
    ("title", "Titel", Kind::Line, None),
    (
        "date",
        "Datum",
        Kind::Date,
        Some("De datum van het bericht."),
    ),
    (
        "summary",
        "Samenvatting",
        Kind::Line,
        Some("Eén zin voor de lijst met berichten."),
    ),
];

/// The fields only a new update has.
const NEW_FIELDS: &[(&str, &str, Kind, Option<&str>)] = &[
    (
        "neighbourhoods",
        "Wijken",
        Kind::Line,
        Some("De korte namen van de wijken, met komma's ertussen, zoals meerwijk, europawijk."),
    ),
    (
        "questions",
        "Vragen",
        Kind::Line,
        Some(
            "De vragen waar het bericht over gaat (wijk/jaar/nummer), met komma's ertussen, zoals meerwijk/2026/2.",
        ),
    ),
];

fn scalar(v: &str) -> String {
    if plain_ok(v) {
        v.to_string()
    } else {
        double_quoted(v)
    }
}

/// `(front matter, body)` of an update's text, each with its byte range.
fn split(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let start = text.strip_prefix("---\n").map(|_| 4)?;
    let close = text[start..].find("\n---\n").map(|i| start + i + 1)?;
    Some((start..close, close + 4))
}

fn current(text: &str) -> anyhow::Result<Values> {
    let (front, body) = split(text).ok_or_else(|| {
        anyhow::anyhow!("het bericht begint niet met een blok tussen twee regels `---`")
    })?;
    let node = parse_yaml(&text[front]).map_err(|(_, e)| anyhow::anyhow!("{e}"))?;
    let mut values = Values::new();
    for (key, ..) in FIELDS {
        if let Some(v) = map_text(&node, key) {
            values.insert(key.to_string(), v);
        }
    }
    values.insert("body".into(), text[body..].trim().to_string());
    Ok(values)
}

/// The update's text with the form's values: each edited key's lines
/// replaced, added before the closing `---`, or (an emptied summary) gone.
fn apply(text: &str, values: &Values) -> anyhow::Result<String> {
    let (front, _) = split(text).ok_or_else(|| {
        anyhow::anyhow!("het bericht begint niet met een blok tussen twee regels `---`")
    })?;
    let mut head = text[front.clone()].to_string();
    for (key, ..) in FIELDS {
        let v = values.get(*key).map(String::as_str).unwrap_or("");
        let line = if v.is_empty() && *key == "summary" {
            String::new()
        } else if v.is_empty() {
            format!("{key}: \"\"\n")
        } else {
            format!("{key}: {}\n", scalar(v))
        };
        let prefix = format!("{key}:");
        let at = head
            .match_indices(&prefix)
            .map(|(i, _)| i)
            .find(|&i| i == 0 || head[..i].ends_with('\n'));
        match at {
            Some(i) => {
                // The key's line and the indented lines that continue it.
                let mut end = head[i..].find('\n').map_or(head.len(), |j| i + j + 1);
                while end < head.len() && head[end..].starts_with([' ', '\t']) {
                    end = head[end..].find('\n').map_or(head.len(), |j| end + j + 1);
                }
                let unchanged = parse_yaml(&head[i..end])
                    .ok()
                    .and_then(|n| map_text(&n, key))
                    .is_some_and(|old| old == v);
                if !unchanged {
                    head.replace_range(i..end, &line);
                }
            }
            None => head.push_str(&line),
        }
    }
    let body = values.get("body").map(String::as_str).unwrap_or("");
    Ok(format!("---\n{head}---\n{body}\n"))
}

fn list(v: &str) -> String {
    let items: Vec<String> = v
        .split([',', ' '])
        .filter(|s| !s.is_empty())
        .map(scalar)
        .collect();
    format!("[{}]", items.join(", "))
}

fn new_text(values: &Values) -> String {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
    let mut out = String::from("---\n");
    for (key, ..) in FIELDS {
        let v = get(key);
        if !v.is_empty() {
            let _ = writeln!(out, "{key}: {}", scalar(v));
        } else if *key != "summary" {
            let _ = writeln!(out, "{key}: \"\"");
        }
    }
    for (key, ..) in NEW_FIELDS {
        let v = get(key);
        if !v.is_empty() {
            let _ = writeln!(out, "{key}: {}", list(v));
        }
    }
    let _ = write!(out, "---\n{}\n", get("body"));
    out
}

/// `2026-11-20-nieuwe-bankjes`: the date, then the title's words.
fn file_stem(values: &Values) -> Option<String> {
    let date = values.get("date")?;
    crate::model::when::parse_day(date).ok()?;
    let mut slug = String::new();
    for c in values.get("title")?.to_lowercase().chars() {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ï' | 'î' => 'i',
            'ó' | 'ö' | 'ô' => 'o',
            'ú' | 'ü' | 'û' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    (!slug.is_empty()).then(|| format!("{date}-{slug}"))
}

fn public_url(app: &App, ctx: &Ctx, stem: &str) -> String {
    let slug = stem.get(11..).unwrap_or(stem);
    let snapshot = app.current();
    let public = snapshot
        .prepared
        .as_ref()
        .is_some_and(|p| p.site.public_updates().any(|u| u.slug == slug));
    if public {
        format!("{}/nieuws/{slug}/", ctx.base)
    } else {
        format!("{}/nieuws/", ctx.base)
    }
}

/// The file name (without `.md`) of the update at `/nieuws/<slug>/`.
fn find_stem(root: &std::path::Path, slug: &str) -> anyhow::Result<String> {
    let dir = root.join("content/updates");
    for entry in std::fs::read_dir(&dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".md")
            && stem.get(11..) == Some(slug)
        {
            return Ok(stem.to_string());
        }
    }
    anyhow::bail!("er is geen bericht `{slug}` in content/updates")
}

/// The form of the update at `/nieuws/<slug>/`, or of a new one.
pub(super) fn edit(
    app: &App,
    ctx: &Ctx,
    slug: Option<&String>,
    posted: Option<Values>,
) -> anyhow::Result<Response> {
    let stem = slug.map(|s| find_stem(&app.root, s)).transpose()?;
    let stem = stem.as_ref();
    let rel = stem.map(|s| format!("content/updates/{s}.md"));
    let back = stem.map_or_else(
        || format!("{}/nieuws/", ctx.base),
        |s| public_url(app, ctx, s),
    );
    let title = if stem.is_some() {
        "Nieuwsbericht bewerken"
    } else {
        "Nieuw nieuwsbericht"
    };
    let target = slug.map_or_else(|| "nieuws".to_string(), |s| format!("nieuws/{s}"));
    let render = |again: Again| {
        let mut names: Vec<&str> = FIELDS.iter().map(|f| f.0).collect();
        names.extend(NEW_FIELDS.iter().map(|f| f.0));
        names.push("body");
        let errors = place(again.errors, &names);
        let mut body = match &rel {
            Some(rel) => format!(
                "<p>Bestand: <code>{}</code>. <a href=\"{}\">Terug zonder op te slaan</a></p>\n",
                escape(rel),
                escape(&back)
            ),
            None => format!(
                "<p>Het bericht komt in <code>content/updates/</code>, met de datum voorop in de naam. <a href=\"{}\">Terug zonder op te slaan</a></p>\n",
                escape(&back)
            ),
        };
        body.push_str(&general_errors(&errors));
        let _ = writeln!(
            body,
            "<form method=\"post\" action=\"{}\" novalidate>",
            action(&target)
        );
        body.push_str(&view::hidden(ctx, &again.version));
        let extra: &[_] = if stem.is_some() { &[] } else { NEW_FIELDS };
        for (name, label, kind, hint) in FIELDS.iter().chain(extra) {
            view::input(
                &mut body,
                &Input {
                    name,
                    label,
                    hint: *hint,
                    kind: *kind,
                    options: Vec::new(),
                },
                &again.values,
                &errors,
            );
        }
        view::input(
            &mut body,
            &Input {
                name: "body",
                label: "Tekst",
                hint: Some("Het bericht zelf. Een lege regel begint een nieuwe alinea."),
                kind: Kind::Text,
                options: Vec::new(),
            },
            &again.values,
            &errors,
        );
        body.push_str("<p><button type=\"submit\">Opslaan</button></p>\n</form>\n");
        view::page(ctx, title, &body)
    };
    let Some(values) = posted else {
        let (values, version) = match &rel {
            Some(rel) => {
                let text = save::read(&app.root, rel)?
                    .ok_or_else(|| anyhow::anyhow!("{rel} bestaat niet"))?;
                (current(&text)?, save::version(Some(&text)))
            }
            None => (Values::new(), save::version(None)),
        };
        return Ok(html(
            StatusCode::OK,
            render(Again {
                values,
                errors: Errors::new(),
                version,
            }),
        ));
    };
    let seen = values.get("versie").cloned().unwrap_or_default();
    let (rel, stem) = match (rel.clone(), stem) {
        (Some(rel), Some(stem)) => (rel, stem.clone()),
        _ => match file_stem(&values) {
            Some(stem) => (format!("content/updates/{stem}.md"), stem),
            None => {
                let mut errors = Errors::new();
                if values.get("title").is_none_or(String::is_empty) {
                    errors.insert("title".into(), vec!["Vul een titel in.".into()]);
                }
                if values
                    .get("date")
                    .is_none_or(|d| crate::model::when::parse_day(d).is_err())
                {
                    errors.insert(
                        "date".into(),
                        vec!["Vul een datum in, zoals 2026-11-20.".into()],
                    );
                }
                return Ok(html(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    render(Again {
                        values,
                        errors,
                        version: seen,
                    }),
                ));
            }
        },
    };
    let saved = save::save(app, &rel, &seen, None, |text| match text {
        Some(text) => apply(text, &values),
        None => Ok(new_text(&values)),
    })?;
    let done = public_url(app, ctx, &stem);
    Ok(finish(saved, ctx, &done, render, values, &rel))
}

#[cfg(test)]
mod tests {
    use super::*;

    const UPDATE: &str = "---\n# een opmerking\ntitle: Oud\ndate: 2011-10-21\nneighbourhoods: [meerwijk]\n---\nDe tekst.\n";

    #[test]
    fn an_update_changes_in_place() {
        let mut v = current(UPDATE).unwrap();
        assert_eq!(v["title"], "Oud");
        assert_eq!(v["body"], "De tekst.");
        v.insert("title".into(), "Nieuw: licht".into());
        v.insert("summary".into(), "Kort".into());
        let out = apply(UPDATE, &v).unwrap();
        assert_eq!(
            out,
            "---\n# een opmerking\ntitle: \"Nieuw: licht\"\ndate: 2011-10-21\nneighbourhoods: [meerwijk]\nsummary: Kort\n---\nDe tekst.\n"
        );
        assert_eq!(apply(UPDATE, &current(UPDATE).unwrap()).unwrap(), UPDATE);
    }

    #[test]
    fn a_new_update_is_named_after_its_date_and_title() {
        let v: Values = [
            ("title", "Nieuwe bankjes in het park!"),
            ("date", "2026-11-20"),
            ("neighbourhoods", "meerwijk, europawijk"),
            ("body", "Tekst."),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(
            file_stem(&v).as_deref(),
            Some("2026-11-20-nieuwe-bankjes-in-het-park")
        );
        assert_eq!(
            new_text(&v),
            "---\ntitle: Nieuwe bankjes in het park!\ndate: 2026-11-20\nneighbourhoods: [meerwijk, europawijk]\n---\nTekst.\n"
        );
    }
}
