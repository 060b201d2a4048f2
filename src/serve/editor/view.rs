//! The editor's pages: plain HTML forms (they work without JavaScript),
//! labelled with the Dutch field names of the guide, each error beside the
//! field it concerns. Only `serve` makes these pages.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::import::columns::Field;
use crate::model::{
    Channel, Ground, Keyword, OutcomeKind, ProgressState, QuestionKind, Scale, Written,
};

use super::apply::{QUESTION_FIELDS, Values, applies};

/// Errors by field name; `""` holds those of no one field.
pub(super) type Errors = BTreeMap<String, Vec<String>>;

/// What every form of a page needs besides its fields.
pub(super) struct Ctx<'a> {
    pub(super) site_title: &'a str,
    /// The site's base path (`/wijkcontracten`), for its stylesheet and links.
    pub(super) base: &'a str,
    pub(super) token: &'a str,
    pub(super) topics: Vec<(String, String)>,
    pub(super) partners: Vec<(String, String)>,
    pub(super) neighbourhoods: Vec<(String, String)>,
}

pub(super) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A whole page: the site's stylesheet, a skip link, one `<h1>`.
pub(super) fn page(ctx: &Ctx, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"robots\" content=\"noindex\">\n<title>{title} – bewerken – {site}</title>\n\
<link rel=\"stylesheet\" href=\"{base}{css}\">\n<style>{STYLE}</style>\n</head>\n<body>\n\
<a class=\"skip-link\" href=\"#inhoud\">Naar de inhoud</a>\n\
<header class=\"site-header\"><div class=\"wrap header-row\"><a class=\"site-title\" href=\"{base}/\">{site}</a></div></header>\n\
<main id=\"inhoud\" class=\"wrap editor\" tabindex=\"-1\">\n<h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n",
        title = escape(title),
        site = escape(ctx.site_title),
        base = ctx.base,
        css = crate::render::urls::stylesheet(),
    )
}

/// The editor's own layout, on the theme's colours (light and dark).
const STYLE: &str = ".editor form{max-width:42rem}.editor .field{margin:0 0 1.25rem}\
.editor label,.editor legend{display:block;font-weight:700;margin-bottom:.25rem}\
.editor .hint{margin:.1rem 0 .35rem;color:var(--muted)}\
.editor input[type=text],.editor input[type=date],.editor input:not([type]),.editor select,.editor textarea{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.45rem;color:var(--fg);background:var(--bg);border:2px solid var(--fg);border-radius:0}\
.editor textarea{min-height:6rem}.editor input[type=checkbox]{width:1.5rem;height:1.5rem;vertical-align:middle}\
.editor .check label{display:inline;font-weight:400;margin-left:.4rem}\
.editor fieldset{border:2px solid var(--line);padding:.75rem 1rem;margin:0 0 1.25rem}\
.editor :focus-visible{outline:3px solid var(--focus-ring);outline-offset:2px;box-shadow:0 0 0 6px var(--focus)}\
.editor .error{color:var(--declined);font-weight:700;margin:.25rem 0}\
.editor [aria-invalid=true]{border-color:var(--declined);border-width:3px}\
.editor .summary{border:3px solid var(--declined);padding:.75rem 1rem;margin:0 0 1.5rem}\
.editor button{font:inherit;font-weight:700;padding:.55rem 1.2rem;margin:.25rem .5rem .25rem 0;color:var(--brand-fg);background:var(--brand);border:2px solid var(--brand);cursor:pointer}\
.editor button.secondary{color:var(--fg);background:var(--bg);border-color:var(--fg)}\
.editor pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);padding:.75rem;border:1px solid var(--line)}\
.editor code{overflow-wrap:anywhere}";

fn label_of(field: Field) -> &'static str {
    match field {
        Field::Title => "Titel",
        Field::Kind => "Soort",
        Field::NeedsVolunteers => "Vrijwilligers nodig",
        Field::Scale => "Schaal",
        Field::Channel => "Kanaal",
        Field::Topic => "Thema",
        Field::Location => "Plek",
        Field::Asked => "Vraag",
        Field::Partner => "Partner",
        Field::Outcome => "Uitkomst",
        Field::When => "Wanneer",
        Field::PlanningAdjusted => "Planning aangepast",
        Field::ReportBy => "Uitslag uiterlijk",
        Field::Ground => "Grond",
        Field::Reason => "Reden",
        Field::Answer => "Antwoord",
        _ => "",
    }
}

const DATE_FORMS: &str =
    "Een jaar (2027), een kwartaal (2026-Q3), een maand (2026-10) of een dag (2026-10-15).";

fn hint_of(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::Title => "Een korte titel, zoals „Losliggende stoeptegels in de Schoolstraat”.",
        Field::NeedsVolunteers => {
            "Alleen bij een initiatief dat doorgaat als genoeg bewoners meedoen."
        }
        Field::Scale => "Voor wie de vraag wordt opgepakt.",
        Field::Channel => "Waar de vraag is opgehaald.",
        Field::Location => "Op straatniveau. Nooit een huisnummer.",
        Field::Asked => "De vraag zoals bewoners die stelden, zonder namen of adressen.",
        Field::Partner => "De partner die antwoordt.",
        Field::Outcome => {
            "De uitkomst bepaalt welke velden erbij horen. Kies een andere uitkomst en druk op „Velden bij deze uitkomst tonen”."
        }
        Field::When => {
            "Wanneer het klaar is, zoals getekend. Een jaar (2027), een kwartaal (2026-Q3), een maand (2026-10) of een dag (2026-10-15). Schuift de termijn op? Gebruik dan „Termijn verschuiven”."
        }
        Field::PlanningAdjusted => {
            "Ja als de planning naar voren is gehaald; bij nee ook een reden."
        }
        Field::ReportBy => {
            "Wanneer de wijkraad de uitkomst hoort. Een jaar, kwartaal, maand of dag."
        }
        Field::Ground => "Waarom niet.",
        Field::Reason => "In gewone woorden; bewoners lezen dit op de site.",
        Field::Answer => "Het antwoord van de partner, in gewone woorden.",
        _ => return None,
    })
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn written_options<T: Written + PartialEq>() -> Vec<(String, String)> {
    T::ALL
        .iter()
        .map(|v| {
            let label = v
                .dutch()
                .first()
                .map_or(v.key().to_string(), |w| capital(w));
            (v.key().to_string(), label)
        })
        .collect()
}

fn options_of(field: Field, ctx: &Ctx) -> Option<Vec<(String, String)>> {
    Some(match field {
        Field::Kind => written_options::<QuestionKind>(),
        Field::Scale => written_options::<Scale>(),
        Field::Channel => {
            let mut o = vec![(String::new(), "Niet ingevuld".to_string())];
            o.extend(written_options::<Channel>());
            o
        }
        Field::Topic => ctx.topics.clone(),
        Field::Partner => ctx.partners.clone(),
        Field::Outcome => OutcomeKind::ALL
            .iter()
            .map(|o| {
                (
                    o.key().to_string(),
                    crate::import::columns::outcome_label(*o).to_string(),
                )
            })
            .collect(),
        Field::Ground => {
            let mut o = vec![(String::new(), "Kies een grond".to_string())];
            o.extend(written_options::<Ground>());
            o
        }
        Field::PlanningAdjusted => {
            vec![("true".into(), "Ja".into()), ("false".into(), "Nee".into())]
        }
        _ => return None,
    })
}

/// The error paragraphs of a field, and the attributes that tie them to it.
fn error_html(name: &str, errors: &Errors) -> (String, String) {
    let Some(list) = errors.get(name).filter(|l| !l.is_empty()) else {
        return (String::new(), String::new());
    };
    let mut html = String::new();
    for (i, e) in list.iter().enumerate() {
        let _ = write!(
            html,
            "<p class=\"error\" id=\"fout-{name}-{i}\"><span class=\"visually-hidden\">Fout: </span>{}</p>",
            escape(e)
        );
    }
    let ids: Vec<String> = (0..list.len())
        .map(|i| format!("fout-{name}-{i}"))
        .collect();
    (html, ids.join(" "))
}

/// One labelled input: text, textarea, select or checkbox.
pub(super) struct Input<'a> {
    pub(super) name: &'a str,
    pub(super) label: &'a str,
    pub(super) hint: Option<&'a str>,
    pub(super) kind: Kind,
    pub(super) options: Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Line,
    Date,
    Text,
    Select,
    Check,
}

pub(super) fn input(out: &mut String, i: &Input, values: &Values, errors: &Errors) {
    let value = values.get(i.name).map(String::as_str).unwrap_or("");
    let id = format!("veld-{}", i.name);
    let (error, error_ids) = error_html(i.name, errors);
    let mut described = Vec::new();
    let hint = i.hint.map(|h| {
        described.push(format!("uitleg-{}", i.name));
        format!(
            "<p class=\"hint\" id=\"uitleg-{}\">{}</p>",
            i.name,
            escape(h)
        )
    });
    if !error_ids.is_empty() {
        described.push(error_ids);
    }
    let aria = if described.is_empty() {
        String::new()
    } else {
        format!(" aria-describedby=\"{}\"", described.join(" "))
    };
    let invalid = if error.is_empty() {
        ""
    } else {
        " aria-invalid=\"true\""
    };
    let name = i.name;
    if i.kind == Kind::Check {
        let checked = if value == "true" { " checked" } else { "" };
        let _ = writeln!(
            out,
            "<div class=\"field check\">{error}<input type=\"checkbox\" id=\"{id}\" name=\"{name}\" value=\"true\"{checked}{aria}{invalid}><label for=\"{id}\">{}</label>{}</div>",
            escape(i.label),
            hint.unwrap_or_default()
        );
        return;
    }
    let _ = write!(
        out,
        "<div class=\"field\"><label for=\"{id}\">{}</label>{}{error}",
        escape(i.label),
        hint.unwrap_or_default()
    );
    match i.kind {
        Kind::Line | Kind::Date => {
            let ty = if i.kind == Kind::Date { "date" } else { "text" };
            let _ = write!(
                out,
                "<input type=\"{ty}\" id=\"{id}\" name=\"{name}\" value=\"{}\"{aria}{invalid}>",
                escape(value)
            );
        }
        Kind::Text => {
            let _ = write!(
                out,
                "<textarea id=\"{id}\" name=\"{name}\" rows=\"5\"{aria}{invalid}>{}</textarea>",
                escape(value)
            );
        }
        Kind::Select => {
            let _ = write!(out, "<select id=\"{id}\" name=\"{name}\"{aria}{invalid}>");
            let mut found = false;
            for (v, label) in &i.options {
                let selected = if v == value {
                    found = true;
                    " selected"
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<option value=\"{}\"{selected}>{}</option>",
                    escape(v),
                    escape(label)
                );
            }
            // A value the file has that the list does not know stays as it is.
            if !found && !value.is_empty() {
                let _ = write!(
                    out,
                    "<option value=\"{0}\" selected>{0}</option>",
                    escape(value)
                );
            }
            out.push_str("</select>");
        }
        Kind::Check => unreachable!(),
    }
    out.push_str("</div>\n");
}

/// The hidden fields every form sends back: the session's token and the
/// version of the file the form was made from.
pub(super) fn hidden(ctx: &Ctx, version: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"token\" value=\"{}\"><input type=\"hidden\" name=\"versie\" value=\"{}\">\n",
        escape(ctx.token),
        escape(version)
    )
}

/// A list of the errors above the form, each linking to its field.
pub(super) fn summary(errors: &Errors, names: &BTreeMap<String, String>) -> String {
    if errors.values().all(Vec::is_empty) {
        return String::new();
    }
    let mut out = String::from(
        "<div class=\"summary\" role=\"alert\" tabindex=\"-1\" id=\"fouten\"><h2>Er is niets opgeslagen</h2><p>Verbeter eerst het volgende:</p><ul>",
    );
    for (name, list) in errors {
        for e in list {
            match names.get(name) {
                Some(label) => {
                    let _ = write!(
                        out,
                        "<li><a href=\"#veld-{}\">{}</a>: {}</li>",
                        first_input(name),
                        escape(label),
                        escape(e)
                    );
                }
                None => {
                    let _ = write!(out, "<li>{}</li>", escape(e));
                }
            }
        }
    }
    out.push_str("</ul></div>\n");
    out
}

/// The input an error of a group (`progress`) links to.
fn first_input(name: &str) -> String {
    match name {
        "progress" => "progress_date".into(),
        "rescheduled" => "date".into(),
        "disputed" => "date".into(),
        n => n.into(),
    }
}

/// The fields of a question, for the question form and the new question:
/// those of its outcome only.
pub(super) fn question_fields(out: &mut String, ctx: &Ctx, values: &Values, errors: &Errors) {
    let outcome = values.get("outcome").and_then(|o| OutcomeKind::from_key(o));
    for &f in QUESTION_FIELDS {
        if !applies(f, outcome) {
            continue;
        }
        let kind = match f {
            Field::Asked | Field::Answer | Field::Reason => Kind::Text,
            Field::NeedsVolunteers => Kind::Check,
            _ if options_of(f, ctx).is_some() => Kind::Select,
            _ => Kind::Line,
        };
        if f == Field::Outcome {
            out.push_str("<fieldset><legend>Het antwoord</legend>\n");
        }
        input(
            out,
            &Input {
                name: f.key(),
                label: label_of(f),
                hint: hint_of(f),
                kind,
                options: options_of(f, ctx).unwrap_or_default(),
            },
            values,
            errors,
        );
        if f == Field::Outcome {
            out.push_str("<p><button type=\"submit\" name=\"actie\" value=\"uitkomst\" class=\"secondary\">Velden bij deze uitkomst tonen</button></p>\n");
        }
    }
    out.push_str("</fieldset>\n");
}

/// The three fields of a progress entry, named with `prefix`.
pub(super) fn progress_fields(out: &mut String, prefix: &str, values: &Values, errors: &Errors) {
    let name = |n: &str| format!("{prefix}{n}");
    let (date, state, note) = (name("date"), name("state"), name("note"));
    let mut states = vec![(String::new(), "Kies een stand".to_string())];
    states.extend(written_options::<ProgressState>());
    input(
        out,
        &Input {
            name: &date,
            label: "Datum",
            hint: Some("De dag waarop het gebeurde."),
            kind: Kind::Date,
            options: Vec::new(),
        },
        values,
        errors,
    );
    input(
        out,
        &Input {
            name: &state,
            label: "Stand",
            hint: None,
            kind: Kind::Select,
            options: states,
        },
        values,
        errors,
    );
    input(
        out,
        &Input {
            name: &note,
            label: "Toelichting",
            hint: Some("Wat er gebeurde, in één zin."),
            kind: Kind::Line,
            options: Vec::new(),
        },
        values,
        errors,
    );
}

/// The label of every field name, for the list of errors.
pub(super) fn labels() -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = QUESTION_FIELDS
        .iter()
        .map(|f| (f.key().to_string(), label_of(*f).to_string()))
        .collect();
    for (k, v) in [
        ("progress", "Stand van zaken"),
        ("progress_date", "Datum"),
        ("progress_state", "Stand"),
        ("progress_note", "Toelichting"),
        ("rescheduled", "Termijn verschuiven"),
        ("disputed", "Betwist"),
        ("date", "Datum"),
        ("state", "Stand"),
        ("note", "Toelichting"),
        ("to", "Nieuwe termijn"),
        ("year", "Jaar"),
        ("summary", "Samenvatting"),
        ("body", "Tekst"),
        ("neighbourhoods", "Wijken"),
        ("questions", "Vragen"),
    ] {
        out.insert(k.into(), v.into());
    }
    out
}

pub(super) const DATE_HINT: &str = DATE_FORMS;
