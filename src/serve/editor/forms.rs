//! Each editor page: the form of a target, shown (GET) and submitted (POST).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use std::fmt::Write as _;

use super::super::App;
use super::apply::{self, Values};
use super::save::{self, Saved};
use super::view::{self, Ctx, Errors, Input, Kind, escape};
use super::{PREFIX, Target, contract_file, news, plain};
use crate::model::QuestionRef;

pub(super) fn html(status: StatusCode, body: String) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn see_other(location: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// What the forms need of the site being served.
struct Site {
    title: String,
    base: String,
    topics: Vec<(String, String)>,
    partners: Vec<(String, String)>,
    neighbourhoods: Vec<(String, String)>,
}

impl Site {
    fn of(app: &App) -> Option<Site> {
        let snapshot = app.current();
        let site = &snapshot.prepared.as_ref()?.site;
        let pairs = |v: Vec<(&String, &String)>| {
            v.into_iter()
                .map(|(a, b)| (a.clone(), b.clone()))
                .collect::<Vec<_>>()
        };
        Some(Site {
            title: site.config.title.clone(),
            base: site.config.base_path.clone(),
            topics: pairs(site.topics.iter().map(|t| (&t.slug, &t.name)).collect()),
            partners: pairs(site.partners.iter().map(|p| (&p.slug, &p.name)).collect()),
            neighbourhoods: pairs(
                site.neighbourhoods
                    .iter()
                    .map(|n| (&n.slug, &n.name))
                    .collect(),
            ),
        })
    }

    fn ctx<'a>(&'a self, app: &'a App) -> Ctx<'a> {
        Ctx {
            site_title: &self.title,
            base: &self.base,
            token: &app.editor.as_ref().expect("editor on").token,
            topics: self.topics.clone(),
            partners: self.partners.clone(),
            neighbourhoods: self.neighbourhoods.clone(),
        }
    }
}

pub(super) fn show(app: &App, target: &Target) -> Response {
    respond(app, target, None)
}

pub(super) fn submit(app: &App, target: &Target, values: Values) -> Response {
    respond(app, target, Some(values))
}

fn respond(app: &App, target: &Target, posted: Option<Values>) -> Response {
    let Some(site) = Site::of(app) else {
        return plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "De site heeft fouten; los die eerst op in de bestanden (zie `afspraak check`).",
        );
    };
    let ctx = site.ctx(app);
    match form(app, &ctx, target, posted) {
        Ok(r) => r,
        Err(e) => html(
            StatusCode::NOT_FOUND,
            view::page(
                &ctx,
                "Kan niet bewerken",
                &format!("<p>{}</p>", escape(&format!("{e:#}"))),
            ),
        ),
    }
}

/// A form shown again: with the values sent, the errors beside their fields.
pub(super) struct Again {
    pub(super) values: Values,
    pub(super) errors: Errors,
    pub(super) version: String,
}

fn form(app: &App, ctx: &Ctx, target: &Target, posted: Option<Values>) -> anyhow::Result<Response> {
    match target {
        Target::Question(r) => question(app, ctx, r, posted),
        Target::Progress(r) | Target::Reschedule(r) | Target::Dispute(r) => {
            entry(app, ctx, target, r, posted)
        }
        Target::NewQuestion(nb, year) => new_question(app, ctx, nb, *year, posted),
        Target::Contract(nb, year) => contract(app, ctx, nb, *year),
        Target::NewContract(nb) => new_contract(app, ctx, nb, posted),
        Target::Update(stem) => news::edit(app, ctx, Some(stem), posted),
        Target::NewUpdate => news::edit(app, ctx, None, posted),
    }
}

/// The outcome of a save as a response: to `done` when it was saved.
pub(super) fn finish(
    saved: Saved,
    ctx: &Ctx,
    done: &str,
    again: impl Fn(Again) -> String,
    values: Values,
    rel: &str,
) -> Response {
    match saved {
        Saved::Done => see_other(done),
        Saved::Invalid(errors) => html(
            StatusCode::UNPROCESSABLE_ENTITY,
            again(Again {
                version: values.get("versie").cloned().unwrap_or_default(),
                values,
                errors,
            }),
        ),
        Saved::Conflict { disk, yours } => {
            let mut body = String::from(
                "<p>Iemand anders (of een ander programma) heeft dit bestand veranderd nadat je het formulier opende. Er is niets opgeslagen, zodat geen van beide versies verloren gaat.</p>\n",
            );
            let _ = write!(
                body,
                "<h2>Het bestand zoals het nu is</h2>\n<p>Bestand: <code>{}</code></p>\n<pre tabindex=\"0\" aria-label=\"Het bestand zoals het nu is\">{}</pre>\n",
                escape(rel),
                escape(disk.as_deref().unwrap_or("(het bestand bestaat niet meer)"))
            );
            if let Some(yours) = yours {
                let _ = write!(
                    body,
                    "<h2>Jouw versie</h2>\n<p>Zo wordt het bestand met jouw wijzigingen erin:</p>\n<pre tabindex=\"0\" aria-label=\"Jouw versie\">{}</pre>\n",
                    escape(&yours)
                );
            }
            body.push_str("<h2>Opnieuw opslaan</h2>\n<p>Hieronder staat jouw formulier. Kijk of je wijzigingen nog kloppen met de nieuwe versie en sla dan opnieuw op.</p>\n");
            let new_version = save::version(disk.as_deref());
            body.push_str(&again(Again {
                values,
                errors: Errors::new(),
                version: new_version,
            }));
            html(
                StatusCode::CONFLICT,
                view::page(ctx, "Het bestand is intussen veranderd", &body),
            )
        }
    }
}

pub(super) fn action(target: &str) -> String {
    format!("{PREFIX}/{target}")
}

fn public_question(app: &App, ctx: &Ctx, r: &QuestionRef) -> String {
    let snapshot = app.current();
    let public = snapshot.prepared.as_ref().and_then(|p| {
        let (contract, _) = p.site.find_question(r)?;
        contract.is_public(p.site.as_of).then_some(())
    });
    match public {
        Some(()) => format!(
            "{}{}",
            ctx.base,
            crate::render::urls::question(
                crate::config::Language::Nl,
                &r.neighbourhood,
                r.year,
                r.id
            )
        ),
        None => action(&format!("contract/{}/{}", r.neighbourhood, r.year)),
    }
}

fn file_line(rel: &str, what: &str, back: &str) -> String {
    format!(
        "<p>Bestand: <code>{}</code>{what}. <a href=\"{}\">Terug zonder op te slaan</a></p>\n",
        escape(rel),
        escape(back)
    )
}

/// Which of a form's errors stand beside a field it shows; the rest go above.
pub(super) fn place(mut errors: Errors, shown: &[&str]) -> Errors {
    let labels = view::labels();
    let keys: Vec<String> = errors.keys().cloned().collect();
    for k in keys {
        if k.is_empty() || shown.contains(&k.as_str()) {
            continue;
        }
        let list = errors.remove(&k).unwrap_or_default();
        let label = labels.get(&k).cloned().unwrap_or_else(|| format!("`{k}`"));
        errors
            .entry(String::new())
            .or_default()
            .extend(list.into_iter().map(|e| format!("{label}: {e}")));
    }
    errors
}

pub(super) fn general_errors(errors: &Errors) -> String {
    view::summary(errors, &view::labels())
}

fn question_form(
    ctx: &Ctx,
    r: &QuestionRef,
    rel: &str,
    back: &str,
    again: Again,
    new: bool,
) -> String {
    let outcome = again.values.get("outcome").cloned().unwrap_or_default();
    let mut shown: Vec<&str> = apply::QUESTION_FIELDS.iter().map(|f| f.key()).collect();
    shown.push("progress");
    let errors = place(again.errors, &shown);
    let mut body = file_line(
        rel,
        &if new {
            String::new()
        } else {
            format!(", vraag {}", r.id)
        },
        back,
    );
    body.push_str(&general_errors(&errors));
    let target = if new {
        format!("nieuwe-vraag/{}/{}", r.neighbourhood, r.year)
    } else {
        format!("vraag/{}/{}/{}", r.neighbourhood, r.year, r.id)
    };
    let _ = writeln!(
        body,
        "<form method=\"post\" action=\"{}\" novalidate>",
        action(&target)
    );
    body.push_str(&view::hidden(ctx, &again.version));
    view::question_fields(&mut body, ctx, &again.values, &errors);
    if !new {
        body.push_str("<fieldset><legend>Stand van zaken bijwerken</legend>\n<p class=\"hint\">Is er iets gebeurd? Vul de datum, de stand en een toelichting in. Anders laat je dit leeg.</p>\n");
        if let Some(list) = errors.get("progress") {
            for e in list {
                let _ = write!(body, "<p class=\"error\">{}</p>", escape(e));
            }
        }
        view::progress_fields(&mut body, "progress_", &again.values, &errors);
        body.push_str("</fieldset>\n");
    }
    body.push_str("<p><button type=\"submit\" name=\"actie\" value=\"opslaan\">Opslaan</button></p>\n</form>\n");
    if !new {
        let q = format!("{}/{}/{}", r.neighbourhood, r.year, r.id);
        let _ = write!(
            body,
            "<h2>Meer bewerken</h2>\n<ul>\n<li><a href=\"{}\">Stand van zaken bijwerken</a></li>\n",
            action(&format!("stand/{q}"))
        );
        if apply::deadline_key(&Values::from([("outcome".into(), outcome)])).is_some() {
            let _ = writeln!(
                body,
                "<li><a href=\"{}\">Termijn verschuiven</a></li>",
                action(&format!("termijn/{q}"))
            );
        }
        let _ = write!(
            body,
            "<li><a href=\"{}\">Betwisting vastleggen</a></li>\n</ul>\n",
            action(&format!("betwist/{q}"))
        );
    }
    let title = if new {
        "Nieuwe vraag".to_string()
    } else {
        format!(
            "Vraag {} bewerken",
            again_title(&again.values).unwrap_or(r.id.to_string())
        )
    };
    view::page(ctx, &title, &body)
}

fn again_title(values: &Values) -> Option<String> {
    values
        .get("title")
        .filter(|t| !t.is_empty())
        .map(|t| format!("„{t}”"))
}

fn question(
    app: &App,
    ctx: &Ctx,
    r: &QuestionRef,
    posted: Option<Values>,
) -> anyhow::Result<Response> {
    let rel = contract_file(&r.neighbourhood, r.year);
    let back = public_question(app, ctx, r);
    let render = |again: Again| question_form(ctx, r, &rel, &back, again, false);
    let Some(values) = posted else {
        let text =
            save::read(&app.root, &rel)?.ok_or_else(|| anyhow::anyhow!("{rel} bestaat niet"))?;
        let values = apply::current(&text, r.id)?;
        return Ok(html(
            StatusCode::OK,
            render(Again {
                values,
                errors: Errors::new(),
                version: save::version(Some(&text)),
            }),
        ));
    };
    let seen = values.get("versie").cloned().unwrap_or_default();
    if values.get("actie").map(String::as_str) == Some("uitkomst") {
        return Ok(html(
            StatusCode::OK,
            render(Again {
                values,
                errors: Errors::new(),
                version: seen,
            }),
        ));
    }
    let id = r.id;
    let saved = save::save(app, &rel, &seen, Some(id), |text| {
        let text = text.ok_or_else(|| anyhow::anyhow!("{rel} bestaat niet meer"))?;
        let edited = apply::question(text, id, &values)?;
        progress_entry(&edited, id, &values, "progress_")
    })?;
    let done = public_question(app, ctx, r);
    Ok(finish(saved, ctx, &done, render, values, &rel))
}

/// The text with the form's progress entry added, when it has one.
fn progress_entry(text: &str, id: u32, values: &Values, prefix: &str) -> anyhow::Result<String> {
    let get = |k: &str| {
        values
            .get(&format!("{prefix}{k}"))
            .map(String::as_str)
            .unwrap_or("")
    };
    let (date, state, note) = (get("date"), get("state"), get("note"));
    if prefix.is_empty() || !(date.is_empty() && state.is_empty() && note.is_empty()) {
        let entry = apply::flow(
            &[("date", date), ("state", state), ("note", note)],
            &["date", "state"],
        );
        return apply::append_entry(text, id, "progress", &entry);
    }
    Ok(text.to_string())
}

/// The short forms of a question: a progress entry, a move of the deadline,
/// a dispute.
fn entry(
    app: &App,
    ctx: &Ctx,
    target: &Target,
    r: &QuestionRef,
    posted: Option<Values>,
) -> anyhow::Result<Response> {
    let rel = contract_file(&r.neighbourhood, r.year);
    let text = save::read(&app.root, &rel)?.ok_or_else(|| anyhow::anyhow!("{rel} bestaat niet"))?;
    let current = apply::current(&text, r.id)?;
    let title = current.get("title").cloned().unwrap_or_default();
    let deadline = apply::deadline_key(&current);
    let (heading, path, group) = match target {
        Target::Progress(_) => ("Stand van zaken bijwerken", "stand", "progress"),
        Target::Reschedule(_) => ("Termijn verschuiven", "termijn", "rescheduled"),
        _ => ("Betwisting vastleggen", "betwist", "disputed"),
    };
    if matches!(target, Target::Reschedule(_)) && deadline.is_none() {
        anyhow::bail!(
            "Vraag {} heeft geen termijn: alleen „Binnen de looptijd”, „Al gepland” en „Meegenomen in prioritering” hebben er een.",
            r.id
        );
    }
    let back = public_question(app, ctx, r);
    let q = format!("{}/{}/{}", r.neighbourhood, r.year, r.id);
    let render = |again: Again| {
        let errors = place(
            again.errors,
            &[group, "date", "state", "note", "to", "reason"],
        );
        let mut body = file_line(
            &rel,
            &format!(", vraag {} „{}”", r.id, escape(&title)),
            &back,
        );
        body.push_str(&general_errors(&errors));
        let _ = writeln!(
            body,
            "<form method=\"post\" action=\"{}\" novalidate>",
            action(&format!("{path}/{q}"))
        );
        body.push_str(&view::hidden(ctx, &again.version));
        if let Some(list) = errors.get(group) {
            for e in list {
                let _ = write!(body, "<p class=\"error\">{}</p>", escape(e));
            }
        }
        let line =
            |name: &'static str, label: &'static str, hint: Option<&'static str>, kind| Input {
                name,
                label,
                hint,
                kind,
                options: Vec::new(),
            };
        match target {
            Target::Progress(_) => view::progress_fields(&mut body, "", &again.values, &errors),
            Target::Reschedule(_) => {
                body.push_str("<p>De afspraak zoals getekend blijft staan. De nieuwe termijn komt eronder, met de reden: bewoners zien beide.</p>\n");
                for i in [
                    line(
                        "date",
                        "Datum",
                        Some(
                            "De dag waarop de nieuwe termijn is afgesproken (niet de nieuwe termijn zelf).",
                        ),
                        Kind::Date,
                    ),
                    line("to", "Nieuwe termijn", Some(view::DATE_HINT), Kind::Line),
                    line(
                        "reason",
                        "Reden",
                        Some(
                            "Waarom het later wordt, in gewone woorden. Bewoners lezen dit op de site.",
                        ),
                        Kind::Text,
                    ),
                ] {
                    view::input(&mut body, &i, &again.values, &errors);
                }
            }
            _ => {
                body.push_str("<p>De wijkraad is het niet eens met de afronding. De opmerking staat op de site naast „Uitgevoerd”.</p>\n");
                for i in [
                    line(
                        "date",
                        "Datum",
                        Some("De dag waarop de wijkraad dit liet weten."),
                        Kind::Date,
                    ),
                    line(
                        "note",
                        "Toelichting",
                        Some("Wat volgens de wijkraad niet is opgelost."),
                        Kind::Text,
                    ),
                ] {
                    view::input(&mut body, &i, &again.values, &errors);
                }
            }
        }
        body.push_str("<p><button type=\"submit\">Opslaan</button></p>\n</form>\n");
        view::page(ctx, heading, &body)
    };
    let Some(values) = posted else {
        return Ok(html(
            StatusCode::OK,
            render(Again {
                values: Values::new(),
                errors: Errors::new(),
                version: save::version(Some(&text)),
            }),
        ));
    };
    let seen = values.get("versie").cloned().unwrap_or_default();
    let id = r.id;
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("").to_string();
    let saved = save::save(app, &rel, &seen, Some(id), |text| {
        let text = text.ok_or_else(|| anyhow::anyhow!("{rel} bestaat niet meer"))?;
        match target {
            Target::Progress(_) => progress_entry(text, id, &values, ""),
            Target::Reschedule(_) => {
                let key = deadline.expect("checked above");
                let to = apply::deadline(&get("to"));
                let entry = apply::flow(
                    &[
                        ("date", &get("date")),
                        (key, &to),
                        ("reason", &get("reason")),
                    ],
                    &["date", key, "reason"],
                );
                apply::append_entry(text, id, "rescheduled", &entry)
            }
            _ => apply::set_dispute(text, id, &get("date"), &get("note")),
        }
    })?;
    let done = public_question(app, ctx, r);
    Ok(finish(saved, ctx, &done, render, values, &rel))
}

fn new_question(
    app: &App,
    ctx: &Ctx,
    nb: &str,
    year: i32,
    posted: Option<Values>,
) -> anyhow::Result<Response> {
    let rel = contract_file(nb, year);
    let text = save::read(&app.root, &rel)?.ok_or_else(|| anyhow::anyhow!("{rel} bestaat niet"))?;
    let next = apply::last_id(&text)? + 1;
    let r = QuestionRef {
        neighbourhood: nb.to_string(),
        year,
        id: next,
    };
    let back = action(&format!("contract/{nb}/{year}"));
    let render = |again: Again| question_form(ctx, &r, &rel, &back, again, true);
    let Some(values) = posted else {
        let mut values = Values::new();
        values.insert("outcome".into(), "resolved".into());
        return Ok(html(
            StatusCode::OK,
            render(Again {
                values,
                errors: Errors::new(),
                version: save::version(Some(&text)),
            }),
        ));
    };
    let seen = values.get("versie").cloned().unwrap_or_default();
    if values.get("actie").map(String::as_str) == Some("uitkomst") {
        return Ok(html(
            StatusCode::OK,
            render(Again {
                values,
                errors: Errors::new(),
                version: seen,
            }),
        ));
    }
    let saved = save::save(app, &rel, &seen, Some(next), |text| {
        let text = text.ok_or_else(|| anyhow::anyhow!("{rel} bestaat niet meer"))?;
        Ok(apply::new_question(text, &values)?.0)
    })?;
    let done = public_question(app, ctx, &r);
    Ok(finish(saved, ctx, &done, render, values, &rel))
}

/// A contract's questions, each with its forms: also for a draft, which
/// the preview does not show.
fn contract(app: &App, ctx: &Ctx, nb: &str, year: i32) -> anyhow::Result<Response> {
    let rel = contract_file(nb, year);
    let text = save::read(&app.root, &rel)?.ok_or_else(|| anyhow::anyhow!("{rel} bestaat niet"))?;
    let doc = crate::import::doc::Doc::parse(text)?;
    let mut body = format!("<p>Bestand: <code>{}</code></p>\n", escape(&rel));
    let _ = writeln!(
        body,
        "<p><a href=\"{}\">Nieuwe vraag</a></p>",
        action(&format!("nieuwe-vraag/{nb}/{year}"))
    );
    body.push_str("<h2>Vragen</h2>\n<ul>\n");
    for item in &doc.items {
        let Some(id) = item.id else { continue };
        let title = item.value("title").unwrap_or("(zonder titel)");
        let _ = writeln!(
            body,
            "<li>{id}. {}: <a href=\"{}\">bewerken<span class=\"visually-hidden\"> vraag {id}</span></a>, <a href=\"{}\">stand van zaken bijwerken<span class=\"visually-hidden\"> vraag {id}</span></a></li>",
            escape(title),
            action(&format!("vraag/{nb}/{year}/{id}")),
            action(&format!("stand/{nb}/{year}/{id}"))
        );
    }
    body.push_str("</ul>\n");
    Ok(html(
        StatusCode::OK,
        view::page(ctx, &format!("Wijkcontract {nb} {year}"), &body),
    ))
}

fn new_contract(
    app: &App,
    ctx: &Ctx,
    nb: &str,
    posted: Option<Values>,
) -> anyhow::Result<Response> {
    let name = ctx
        .neighbourhoods
        .iter()
        .find(|(s, _)| s == nb)
        .map(|(_, n)| n.clone())
        .ok_or_else(|| anyhow::anyhow!("de wijk `{nb}` staat niet in content/districts.yaml"))?;
    let back = format!(
        "{}{}",
        ctx.base,
        crate::render::urls::neighbourhood(crate::config::Language::Nl, nb)
    );
    let render = |again: Again| {
        let errors = place(again.errors, &["year"]);
        let mut body = format!(
            "<p>Een nieuw contract begint als concept (<code>draft: true</code>), met voorbeeldtekst om te vervangen. Het komt pas op de site als je <code>draft: true</code> weghaalt. <a href=\"{}\">Terug zonder op te slaan</a></p>\n",
            escape(&back)
        );
        body.push_str(&general_errors(&errors));
        let _ = writeln!(
            body,
            "<form method=\"post\" action=\"{}\" novalidate>",
            action(&format!("nieuw-contract/{nb}"))
        );
        body.push_str(&view::hidden(ctx, &again.version));
        view::input(
            &mut body,
            &Input {
                name: "year",
                label: "Jaar",
                hint: Some("Het jaar waarin de looptijd begint, zoals 2027."),
                kind: Kind::Line,
                options: Vec::new(),
            },
            &again.values,
            &errors,
        );
        body.push_str("<p><button type=\"submit\">Opslaan</button></p>\n</form>\n");
        view::page(ctx, &format!("Nieuw wijkcontract voor {name}"), &body)
    };
    let Some(values) = posted else {
        return Ok(html(
            StatusCode::OK,
            render(Again {
                values: Values::new(),
                errors: Errors::new(),
                version: save::version(None),
            }),
        ));
    };
    let year = values
        .get("year")
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|y| (2000..=2100).contains(y));
    let Some(year) = year else {
        let mut errors = Errors::new();
        errors.insert(
            "year".into(),
            vec!["Vul een jaar in vier cijfers in, zoals 2027.".into()],
        );
        return Ok(html(
            StatusCode::UNPROCESSABLE_ENTITY,
            render(Again {
                values,
                errors,
                version: save::version(None),
            }),
        ));
    };
    let rel = contract_file(nb, year);
    if save::read(&app.root, &rel)?.is_some() {
        let mut errors = Errors::new();
        errors.insert(
            "year".into(),
            vec![format!("Er is al een contract voor {year}: {rel}.")],
        );
        return Ok(html(
            StatusCode::UNPROCESSABLE_ENTITY,
            render(Again {
                values,
                errors,
                version: save::version(None),
            }),
        ));
    }
    let (topic, partner) = (
        ctx.topics.first().map(|t| t.0.clone()),
        ctx.partners.first().map(|p| p.0.clone()),
    );
    let saved = save::save(app, &rel, &save::version(None), None, |_| {
        Ok(starter(nb, year, topic.as_deref(), partner.as_deref()))
    })?;
    let done = action(&format!("contract/{nb}/{year}"));
    Ok(finish(saved, ctx, &done, render, values, &rel))
}

/// The scaffold of `new contract`, its example topic and partner made ones
/// the site has, so that the new draft checks.
fn starter(nb: &str, year: i32, topic: Option<&str>, partner: Option<&str>) -> String {
    let mut text = crate::scaffold::contract_template(nb, year);
    if let Some(t) = topic.filter(|t| *t != "schoon") {
        text = text.replacen("topic: schoon   ", &format!("topic: {t:<9}"), 1);
        text = text.replacen("topic: schoon", &format!("topic: {t}"), 1);
    }
    if let Some(p) = partner.filter(|p| *p != "gemeente") {
        text = text.replacen(
            "signatories: [wijkraad, gemeente]",
            &format!("signatories: [wijkraad, {p}]"),
            1,
        );
        text = text.replacen("partner: gemeente", &format!("partner: {p}"), 1);
    }
    text
}
