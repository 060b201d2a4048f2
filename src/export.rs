//! Open data at /data/: `vragen.csv` (with its table schema and data
//! package), `vragen.json`, `contracten.json` and a DCAT-AP-NL
//! `catalog.jsonld`, all under CC-0, built from the model. These are a public
//! interface: change a field only with a new `schema_version`. No file
//! carries the build clock: their dates come from the content (`moments`).

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Language;
use crate::model::{Contract, Delivery, Keyword, Outcome, Planning, Question, QuestionRef, When};
use crate::output::Sink;
use crate::render::{Published, urls};

mod catalog;
mod moments;
mod record;
mod table;

pub use moments::latest_content;
pub use table::{PACKAGE_FILE, SCHEMA_FILE as TABLE_SCHEMA_FILE};

/// 2: the promise record (`toegezegd`, `huidige_termijn`, and in JSON the
/// histories `voortgang`, `verschoven`, `gewijzigd`); `stand_van_zaken` is
/// the derived delivery state.
pub const SCHEMA_VERSION: u32 = 2;
pub const LICENCE: &str = "https://creativecommons.org/publicdomain/zero/1.0/";

/// One documented field of the question data: name, type, and its meaning in Dutch and English.
pub struct Field {
    pub name: &'static str,
    pub kind: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
}

macro_rules! fields {
    ($($name:literal, $kind:literal, $nl:literal, $en:literal;)*) => {
        pub const QUESTION_FIELDS: &[Field] = &[$(Field { name: $name, kind: $kind, nl: $nl, en: $en }),*];
    };
}

fields! {
    "wijk", "tekst", "De code (slug) van de wijk, zoals in het webadres.", "The neighbourhood's slug, as in the web address.";
    "wijk_naam", "tekst", "De naam van de wijk.", "The neighbourhood's name.";
    "stadsdeel", "tekst", "De naam van het stadsdeel.", "The district's name.";
    "jaar", "getal", "Het jaar waarin het wijkcontract begint.", "The year the contract starts.";
    "id", "getal", "Het nummer van de vraag in dit contract. Verandert nooit.", "The question's number in its contract. Never changes.";
    "permalink", "webadres", "De vaste link naar de vraag.", "The permanent link to the question.";
    "titel", "tekst", "Een korte titel van de vraag.", "A short title of the question.";
    "soort", "question | initiative", "Een vraag of een initiatief van bewoners.", "A question or a residents' initiative.";
    "kanaal", "tekst of leeg", "Waar de vraag is opgehaald: meeting, walk, consultation-hour, survey, panel, residents-organisation, regular-contact.", "Where the question was collected.";
    "thema", "tekst", "Het thema, zoals schoon, heel, veilig of sociaal.", "The topic.";
    "plek", "tekst of leeg", "De plek waar de vraag over gaat, op straatniveau.", "The place, at street level.";
    "partner", "tekst", "De partner die verantwoordelijk is voor het antwoord.", "The partner responsible for the answer.";
    "uitkomst", "resolved | honoured | scheduled | prioritised | declined", "Het antwoord: direct opgelost, binnen de looptijd, al gepland, meegenomen in prioritering, of kan niet.", "The outcome.";
    "wanneer", "datum of leeg", "Wanneer het klaar is: een jaar (2013), kwartaal (2011-Q3), maand (2011-10) of dag.", "When it is done: a year, quarter, month or day.";
    "planning_aangepast", "ja | nee | leeg", "Alleen bij al gepland: of de planning naar voren is gehaald.", "Scheduled only: whether the planning was brought forward.";
    "uitslag_uiterlijk", "datum of leeg", "Alleen bij prioritering: wanneer {the_council} de uitslag hoort.", "Prioritised only: when the council hears the outcome.";
    "besluit_datum", "datum of leeg", "Alleen bij prioritering: de datum van het besluit.", "Prioritised only: the date of the decision.";
    "besluit_opgenomen", "ja | nee | leeg", "Alleen bij prioritering: of de vraag is opgenomen in de planning.", "Prioritised only: whether it was included.";
    "grond", "legal | policy | financial | leeg", "Alleen bij kan niet: de wet, het beleid of het geld.", "Declined only: the ground.";
    "reden", "tekst of leeg", "Waarom het niet kan, of waarom de planning niet naar voren kon (Markdown).", "Why not, or why the planning could not move.";
    "vraag", "tekst", "De vraag zoals bewoners die stelden, zonder persoonsgegevens (Markdown).", "The question as residents put it.";
    "antwoord", "tekst of leeg", "Het antwoord van de partner (Markdown).", "The partner's answer.";
    "toegezegd", "datum of leeg", "De termijn zoals toegezegd bij ondertekening: wanneer, of bij prioritering uitslag_uiterlijk. Verandert nooit; een verschuiving staat in huidige_termijn.", "The deadline as promised at signing: wanneer, or uitslag_uiterlijk when prioritised. Never changes; a move shows in huidige_termijn.";
    "huidige_termijn", "datum of leeg", "De termijn die nu geldt: die van de laatste verschuiving, anders de toegezegde.", "The deadline in force now: the last move's, else the promised one.";
    "stand_van_zaken", "on-track | moved | overdue | done | done-late | dropped | awaiting | included | not-included | leeg", "Hoe de afspraak ervoor staat op de datum van de gegevens: op schema, verschoven, te laat, uitgevoerd, later uitgevoerd dan toegezegd, vervallen; bij prioritering: besluit volgt, opgenomen of niet opgenomen. Leeg bij kan niet.", "Where the agreement stands at the data's date: on track, moved, overdue, done, done later than promised, dropped; when prioritised: awaiting, included or not included. Empty when declined.";
    "laatste_update", "datum of leeg", "De datum van de laatste stap in de voortgang.", "The date of the latest progress step.";
    "betwist", "tekst of leeg", "Wat {the_council} zegt als die het niet eens is met de afronding.", "The council's note when it disputes that the problem is solved.";
    "vervolg_op", "tekst of leeg", "De vraag uit een eerder jaar waar deze vraag op volgt (wijk/jaar/id).", "The earlier question this one carries over (neighbourhood/year/id).";
    "vrijwilligers_nodig", "ja | nee", "Bij een initiatief: of het pas doorgaat als genoeg bewoners meedoen.", "For an initiative: whether it goes ahead only once enough residents join.";
    "schaal", "neighbourhood | district | city", "Voor welk gebied de vraag wordt opgepakt: de wijk, het hele stadsdeel of de hele stad.", "The area the question is taken up for: the neighbourhood, the whole district or the whole city.";
    "voortgang", "lijst (alleen in JSON)", "Elke stap in de voortgang, oudste eerst: datum, stand (planned, started, done, delayed, dropped) en notitie (of leeg).", "Each progress step, oldest first: datum (date), stand (state: planned, started, done, delayed, dropped) and notitie (note, or null).";
    "verschoven", "lijst (alleen in JSON)", "Elke verschuiving van de termijn, oudste eerst: datum, nieuwe_termijn en reden.", "Each move of the deadline, oldest first: datum (date), nieuwe_termijn (the new deadline) and reden (reason).";
    "gewijzigd", "lijst (alleen in JSON)", "Elke wijziging van het antwoord na publicatie, oudste eerst: datum, eerdere_uitkomst (het antwoord daarvoor) en reden.", "Each change of the answer after publication, oldest first: datum (date), eerdere_uitkomst (the answer before) and reden (reason).";
}

/// The fields only `vragen.json` has: histories, which do not fit a table.
pub const JSON_ONLY: &[&str] = &["voortgang", "verschoven", "gewijzigd"];

/// The columns of `vragen.csv`, in order.
pub fn csv_columns() -> impl Iterator<Item = &'static Field> {
    QUESTION_FIELDS
        .iter()
        .filter(|f| !JSON_ONLY.contains(&f.name))
}

/// One question as open data; the texts are borrowed from the model.
#[derive(Serialize)]
struct QuestionRow<'a> {
    wijk: &'a str,
    wijk_naam: &'a str,
    stadsdeel: &'a str,
    jaar: i32,
    id: u32,
    permalink: String,
    titel: &'a str,
    soort: &'static str,
    kanaal: Option<&'static str>,
    thema: &'a str,
    plek: Option<&'a str>,
    partner: &'a str,
    uitkomst: &'static str,
    wanneer: Option<String>,
    planning_aangepast: Option<bool>,
    uitslag_uiterlijk: Option<String>,
    besluit_datum: Option<String>,
    besluit_opgenomen: Option<bool>,
    grond: Option<&'static str>,
    reden: Option<&'a str>,
    vraag: &'a str,
    antwoord: Option<&'a str>,
    // The promise record is read from the question as it is written out:
    // every question's row is held at once, so nothing is copied into it.
    #[serde(serialize_with = "record::promised")]
    toegezegd: &'a Question,
    #[serde(serialize_with = "record::deadline")]
    huidige_termijn: &'a Question,
    stand_van_zaken: Option<&'static str>,
    laatste_update: Option<String>,
    betwist: Option<&'a str>,
    vervolg_op: Option<String>,
    vrijwilligers_nodig: bool,
    schaal: &'static str,
    #[serde(serialize_with = "record::progress")]
    voortgang: &'a Question,
    #[serde(serialize_with = "record::moves")]
    verschoven: &'a Question,
    #[serde(serialize_with = "record::revisions")]
    gewijzigd: &'a Question,
}

fn row<'a>(p: &Published<'a>, c: &'a Contract, q: &'a Question) -> QuestionRow<'a> {
    let site = p.site;
    let n = site.neighbourhood(c.neighbourhood);
    let (
        mut wanneer,
        mut planning,
        mut uitslag,
        mut besluit_datum,
        mut besluit,
        mut grond,
        mut reden,
    ) = (None, None, None, None, None, None, None);
    match &q.outcome {
        Outcome::Resolved => {}
        Outcome::Honoured { when } => wanneer = Some(when.to_string()),
        Outcome::Scheduled { when, planning: pl } => {
            wanneer = Some(when.to_string());
            match pl {
                Planning::Adjusted { note } => {
                    planning = Some(true);
                    reden = note.as_ref().map(|n| source_text(&n.0));
                }
                Planning::NotAdjusted { reason } => {
                    planning = Some(false);
                    reden = Some(source_text(&reason.0));
                }
            }
        }
        Outcome::Prioritised {
            report_by,
            decision,
        } => {
            uitslag = Some(report_by.to_string());
            besluit_datum = decision.as_ref().map(|d| d.date.to_string());
            besluit = decision.as_ref().map(|d| d.included);
        }
        Outcome::Declined { ground, reason } => {
            grond = Some(ground.key());
            reden = Some(source_text(&reason.0));
        }
    }
    QuestionRow {
        wijk: &n.slug,
        wijk_naam: &n.name,
        stadsdeel: &site.district(n.district).name,
        jaar: c.year,
        id: q.id,
        permalink: format!(
            "{}{}",
            site.config.base_url,
            urls::question(Language::Nl, &n.slug, c.year, q.id)
        ),
        titel: &q.title,
        soort: q.kind.key(),
        kanaal: q.channel.map(|ch| ch.key()),
        thema: &site.topic(q.topic).slug,
        plek: q.location.as_deref(),
        partner: &site.partner(q.partner).slug,
        uitkomst: q.outcome.kind().key(),
        wanneer,
        planning_aangepast: planning,
        uitslag_uiterlijk: uitslag,
        besluit_datum,
        besluit_opgenomen: besluit,
        grond,
        reden,
        vraag: source_text(&q.asked.0),
        antwoord: q.answer.as_ref().map(|a| source_text(&a.0)),
        toegezegd: q,
        huidige_termijn: q,
        stand_van_zaken: q.delivery(site.today()).map(Delivery::key),
        laatste_update: q.progress.last().map(|p| p.date.to_string()),
        betwist: q.disputed.as_ref().map(|d| d.note.as_str()),
        vervolg_op: q
            .follows
            .as_ref()
            .map(|f| f.value.to_string())
            .filter(|r| QuestionRef::parse(r).is_some_and(|r| p.questions.contains_key(&r))),
        vrijwilligers_nodig: q.needs_volunteers,
        schaal: q.scale.key(),
        voortgang: q,
        verschoven: q,
        gewijzigd: q,
    }
}

/// Text as the editor wrote it (Markdown is plain enough to read), so that
/// the CSV can be imported back without loss.
fn source_text(markdown: &str) -> &str {
    markdown.trim_end()
}

/// A cell a spreadsheet would read as a formula gets a leading apostrophe.
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

fn yes_no(b: Option<bool>) -> &'static str {
    b.map(|b| if b { "ja" } else { "nee" }).unwrap_or_default()
}

fn write_csv(rows: &[QuestionRow], out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    // The BOM makes Excel read UTF-8 in the Dutch locale; `;` is what it expects there.
    out.write_all("\u{feff}".as_bytes())?;
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        w.write_record(csv_columns().map(|f| f.name))?;
        for r in rows {
            let (jaar, id) = (r.jaar.to_string(), r.id.to_string());
            let when = |w: Option<When>| w.map(|w| w.to_string()).unwrap_or_default();
            let (toegezegd, huidige_termijn) = (
                when(r.toegezegd.promised()),
                when(r.huidige_termijn.deadline()),
            );
            let cells: [&str; 30] = [
                r.wijk,
                r.wijk_naam,
                r.stadsdeel,
                &jaar,
                &id,
                &r.permalink,
                r.titel,
                r.soort,
                r.kanaal.unwrap_or_default(),
                r.thema,
                r.plek.unwrap_or_default(),
                r.partner,
                r.uitkomst,
                r.wanneer.as_deref().unwrap_or_default(),
                yes_no(r.planning_aangepast),
                r.uitslag_uiterlijk.as_deref().unwrap_or_default(),
                r.besluit_datum.as_deref().unwrap_or_default(),
                yes_no(r.besluit_opgenomen),
                r.grond.unwrap_or_default(),
                r.reden.unwrap_or_default(),
                r.vraag,
                r.antwoord.unwrap_or_default(),
                &toegezegd,
                &huidige_termijn,
                r.stand_van_zaken.unwrap_or_default(),
                r.laatste_update.as_deref().unwrap_or_default(),
                r.betwist.unwrap_or_default(),
                r.vervolg_op.as_deref().unwrap_or_default(),
                yes_no(Some(r.vrijwilligers_nodig)),
                r.schaal,
            ];
            let cells = cells.map(neutralise_formula);
            w.write_record(cells.iter().map(|c| c.as_bytes()))?;
        }
        w.flush()?;
    }
    Ok(())
}

/// A data file: its version, licence and date, then the records.
#[derive(Serialize)]
struct DataFile<'a, T: Serialize> {
    schema_version: u32,
    licence: &'static str,
    as_of: &'a str,
    #[serde(flatten)]
    records: T,
}

#[derive(Serialize)]
struct QuestionRecords<'a> {
    questions: &'a [QuestionRow<'a>],
}

#[derive(Serialize)]
struct ContractRecords<'a> {
    contracts: &'a [ContractRow<'a>],
}

fn data_file<T: Serialize>(as_of: &str, records: T) -> DataFile<'_, T> {
    DataFile {
        schema_version: SCHEMA_VERSION,
        licence: LICENCE,
        as_of,
        records,
    }
}

fn write_json<T: Serialize>(value: &T, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[derive(Serialize)]
struct ContractRow<'a> {
    wijk: &'a str,
    wijk_naam: &'a str,
    jaar: i32,
    url: String,
    periode_van: String,
    periode_tot: String,
    ondertekend: Option<String>,
    ondertekenaars: Vec<&'a str>,
    opgehaald_via: Vec<&'static str>,
    aantal_vragen: usize,
    per_uitkomst: std::collections::BTreeMap<&'static str, usize>,
}

fn contract_row<'a>(p: &Published<'a>, c: &'a Contract) -> ContractRow<'a> {
    let site = p.site;
    let n = site.neighbourhood(c.neighbourhood);
    let mut per = std::collections::BTreeMap::new();
    for k in crate::model::OutcomeKind::ALL {
        per.insert(
            k.key(),
            c.questions
                .iter()
                .filter(|q| q.outcome.kind() == *k)
                .count(),
        );
    }
    ContractRow {
        wijk: &n.slug,
        wijk_naam: &n.name,
        jaar: c.year,
        url: format!(
            "{}{}",
            site.config.base_url,
            urls::contract(Language::Nl, &n.slug, c.year)
        ),
        periode_van: c.period.0.to_string(),
        periode_tot: c.period.1.to_string(),
        ondertekend: c.signed.map(|d| d.to_string()),
        ondertekenaars: c
            .signatories
            .iter()
            .map(|s| match s {
                crate::model::Signatory::Council => site.config.council.singular.as_str(),
                crate::model::Signatory::Partner(id) => site.partner(*id).slug.as_str(),
            })
            .collect(),
        opgehaald_via: c.collected_via.iter().map(|ch| ch.key()).collect(),
        aantal_vragen: c.questions.len(),
        per_uitkomst: per,
    }
}

/// Writes the open data files into `out`.
pub fn render(p: &Published, out: &dyn Sink) -> anyhow::Result<()> {
    let rows: Vec<QuestionRow> = p
        .contracts
        .par_iter()
        .flat_map_iter(|c| c.questions.iter().map(move |q| row(p, c, q)))
        .collect();
    let contracts: Vec<ContractRow> = p.contracts.iter().map(|c| contract_row(p, c)).collect();
    // The data's date is when it last changed, not when it was built.
    let changed = moments::data_changed(p);
    let as_of = crate::feeds::amsterdam_rfc3339(changed);
    let (csv, json) = rayon::join(
        || out.put_streamed("data/vragen.csv".into(), &mut |w| write_csv(&rows, w)),
        || {
            let questions = data_file(&as_of, QuestionRecords { questions: &rows });
            out.put_streamed("data/vragen.json".into(), &mut |w| {
                write_json(&questions, w)
            })
        },
    );
    csv?;
    json?;
    let contracts = data_file(
        &as_of,
        ContractRecords {
            contracts: &contracts,
        },
    );
    out.put_streamed("data/contracten.json".into(), &mut |w| {
        write_json(&contracts, w)
    })?;
    out.put_streamed("data/catalog.jsonld".into(), &mut |w| {
        write_json(&catalog::catalog(p, changed), w)
    })?;
    out.put_streamed(format!("data/{TABLE_SCHEMA_FILE}"), &mut |w| {
        write_json(&table::schema(p), w)
    })?;
    out.put_streamed(format!("data/{PACKAGE_FILE}"), &mut |w| {
        write_json(&table::package(p), w)
    })?;
    // The schemas travel with the data, so a reuser can validate what they download.
    out.put(
        "data/vragen.schema.json".into(),
        include_bytes!("../schemas/vragen.schema.json").to_vec(),
    )?;
    out.put(
        "data/contracten.schema.json".into(),
        include_bytes!("../schemas/contracten.schema.json").to_vec(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            neutralise_formula("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(neutralise_formula("+31"), "'+31");
        assert_eq!(neutralise_formula("-1"), "'-1");
        assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise_formula("gewoon"), "gewoon");
    }

    #[test]
    fn every_field_is_documented_once() {
        let mut names: Vec<_> = QUESTION_FIELDS.iter().map(|f| f.name).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
        assert_eq!(n, 33);
        assert_eq!(csv_columns().count(), 30);
        assert!(JSON_ONLY.iter().all(|j| names.contains(j)));
    }

    #[test]
    fn the_state_column_lists_every_delivery_state() {
        let field = QUESTION_FIELDS
            .iter()
            .find(|f| f.name == "stand_van_zaken")
            .unwrap();
        let listed: Vec<&str> = field.kind.split(" | ").collect();
        let mut expected = Delivery::keys();
        expected.push("leeg");
        assert_eq!(listed, expected);
    }
}
