//! `catalog.jsonld`: the open data described in DCAT-AP 3.0 and DCAT-AP-NL
//! 3.0, as their SHACL shapes check it (tests/standards.rs). Every resource
//! the catalogue points to is typed in place (a licence is a
//! `dct:LicenseDocument`, a language a `dct:LinguisticSystem`), as the
//! profile's own examples do, so that the shapes can be checked without
//! fetching the EU vocabularies. Texts carry a language tag.

use chrono::NaiveDateTime;
use serde_json::{Value, json};

use super::LICENCE;
use crate::config::{Agent, OpenData};
use crate::feeds::amsterdam_rfc3339;
use crate::render::Published;

const EU: &str = "http://publications.europa.eu/resource/authority";
const IANA: &str = "http://www.iana.org/assignments/media-types";
const DUTCH: &str = "http://publications.europa.eu/resource/authority/language/NLD";

/// The files the catalogue describes, and what each conforms to.
struct Distribution {
    file: &'static str,
    format: &'static str,
    media_type: &'static str,
    title: [&'static str; 2],
    description: [&'static str; 2],
    /// The schema file and what it is.
    schema: (&'static str, [&'static str; 2]),
}

const DISTRIBUTIONS: [Distribution; 3] = [
    Distribution {
        file: "vragen.csv",
        format: "CSV",
        media_type: "text/csv",
        title: ["Vragen (CSV)", "Questions (CSV)"],
        description: [
            "Alle openbare vragen als tabel: UTF-8, puntkomma als scheidingsteken.",
            "All public questions as a table: UTF-8, separated by semicolons.",
        ],
        schema: (
            super::table::SCHEMA_FILE,
            [
                "De kolommen van vragen.csv (Frictionless Table Schema)",
                "The columns of vragen.csv (Frictionless Table Schema)",
            ],
        ),
    },
    Distribution {
        file: "vragen.json",
        format: "JSON",
        media_type: "application/json",
        title: ["Vragen (JSON)", "Questions (JSON)"],
        description: [
            "Alle openbare vragen met hun geschiedenis.",
            "All public questions with their history.",
        ],
        schema: (
            "vragen.schema.json",
            ["JSON Schema van vragen.json", "JSON Schema of vragen.json"],
        ),
    },
    Distribution {
        file: "contracten.json",
        format: "JSON",
        media_type: "application/json",
        title: ["Contracten (JSON)", "Contracts (JSON)"],
        description: [
            "Alle wijkcontracten met aantallen per uitkomst.",
            "All neighbourhood contracts with counts per outcome.",
        ],
        schema: (
            "contracten.schema.json",
            [
                "JSON Schema van contracten.json",
                "JSON Schema of contracten.json",
            ],
        ),
    },
];

fn text(lang: &str, s: &str) -> Value {
    json!({ "@value": s, "@language": lang })
}

/// A text in Dutch and English.
fn nl_en([nl, en]: [&str; 2]) -> Value {
    json!([text("nl", nl), text("en", en)])
}

fn typed(id: &str, kind: &str) -> Value {
    json!({ "@id": id, "@type": kind })
}

fn moment(t: NaiveDateTime) -> Value {
    json!({ "@value": amsterdam_rfc3339(t), "@type": "xsd:dateTime" })
}

fn agent(a: &Agent, lang: &str) -> Value {
    let mut v = json!({ "@type": "foaf:Agent", "foaf:name": text(lang, &a.name) });
    if let Some(uri) = &a.uri {
        v["@id"] = json!(uri.value);
    }
    v
}

fn contact(o: &OpenData, lang: &str) -> Option<Value> {
    let c = o.contact.as_ref()?;
    let mut v = json!({
        "@type": ["vcard:Kind", "vcard:Organization"],
        "vcard:fn": text(lang, &c.name),
    });
    if let Some(email) = &c.email {
        v["vcard:hasEmail"] = json!({ "@id": format!("mailto:{}", email.value) });
    }
    if let Some(url) = &c.url {
        v["vcard:hasURL"] = json!({ "@id": url.value });
    }
    Some(v)
}

/// Who publishes, made and answers for the data; `check` makes sure
/// site.toml names them, so they are only absent in a site that has errors.
fn parties(o: Option<&OpenData>, lang: &str) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    let Some(o) = o else { return m };
    if let Some(p) = &o.publisher {
        m.insert("dct:publisher".into(), agent(p, lang));
    }
    if let Some(c) = o.creator() {
        m.insert("dct:creator".into(), agent(c, lang));
    }
    if let Some(c) = contact(o, lang) {
        m.insert("dcat:contactPoint".into(), c);
    }
    m
}

fn merge(mut v: Value, extra: serde_json::Map<String, Value>) -> Value {
    v.as_object_mut().expect("an object").extend(extra);
    v
}

/// The catalogue: one dataset, the questions, in three files. `changed` is
/// when the data last changed (see `moments`).
pub(super) fn catalog(p: &Published, changed: NaiveDateTime) -> Value {
    let config = &p.site.config;
    let base = &config.base_url;
    let lang = config.language.code();
    let open_data = config.open_data.as_ref();
    let data_page = format!("{base}/data/");
    // The dataset is known by the data page's address, as first published:
    // harvesters match datasets on it.
    let dataset_id = data_page.clone();
    let licence = typed(LICENCE, "dct:LicenseDocument");
    let language = typed(DUTCH, "dct:LinguisticSystem");
    let distributions: Vec<Value> = DISTRIBUTIONS
        .iter()
        .map(|d| {
            let (schema, schema_title) = d.schema;
            json!({
                "@type": "dcat:Distribution",
                "dct:title": nl_en(d.title),
                "dct:description": nl_en(d.description),
                "dcat:accessURL": { "@id": data_page },
                "dcat:downloadURL": { "@id": format!("{base}/data/{}", d.file) },
                "dct:format": typed(&format!("{EU}/file-type/{}", d.format), "dct:MediaTypeOrExtent"),
                "dcat:mediaType": typed(&format!("{IANA}/{}", d.media_type), "dct:MediaType"),
                "dct:license": licence,
                "dct:language": language,
                "dct:conformsTo": merge(
                    typed(&format!("{base}/data/{schema}"), "dct:Standard"),
                    [("dct:title".to_string(), nl_en(schema_title))].into_iter().collect(),
                ),
                "dct:modified": moment(changed),
            })
        })
        .collect();
    let mut dataset = json!({
        "@id": dataset_id,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset_id,
        "dct:title": nl_en([
            &format!("Wijkcontracten: vragen en antwoorden ({})", config.title),
            &format!("Neighbourhood contracts: questions and answers ({})", config.title),
        ]),
        "dct:description": nl_en([
            "Alle openbare vragen uit de wijkcontracten, met het antwoord van de partners, de uitkomst en de stand van zaken.",
            "Every public question from the neighbourhood contracts, with the partners' answer, the outcome and where it stands.",
        ]),
        "dcat:keyword": [text("nl", "wijkcontract"), text("nl", "bewonersvragen"), text("en", "neighbourhood contract")],
        "dct:modified": moment(changed),
        "dct:language": language,
        "dct:accessRights": typed(&format!("{EU}/access-right/PUBLIC"), "dct:RightsStatement"),
        "dcat:theme": {
            "@id": format!("{EU}/data-theme/GOVE"),
            "@type": "skos:Concept",
            "skos:prefLabel": nl_en(["Overheid en publieke sector", "Government and public sector"]),
            "skos:inScheme": { "@id": format!("{EU}/data-theme") },
        },
        "dcat:landingPage": typed(&data_page, "foaf:Document"),
        "foaf:page": typed(&data_page, "foaf:Document"),
        "dcat:distribution": distributions,
    });
    if let Some(first) = super::moments::first_published(p) {
        dataset["dct:issued"] = moment(first);
        let from = p.contracts.iter().map(|c| c.period.0).min();
        let to = p.contracts.iter().map(|c| c.period.1).max();
        if let (Some(from), Some(to)) = (from, to) {
            dataset["dct:temporal"] = json!({
                "@type": "dct:PeriodOfTime",
                "dcat:startDate": { "@value": from.to_string(), "@type": "xsd:date" },
                "dcat:endDate": { "@value": to.to_string(), "@type": "xsd:date" },
            });
        }
    }
    let description = if config.description.trim().is_empty() {
        "Wat bewoners vroegen, wat de partners antwoordden, en wat ervan terechtkwam."
    } else {
        config.description.as_str()
    };
    let issued = super::moments::first_published(p);
    let mut catalog = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"
        },
        "@id": format!("{base}/data/catalog.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": text(lang, &config.title),
        "dct:description": text(lang, description),
        "foaf:homepage": typed(&format!("{base}/"), "foaf:Document"),
        "dct:language": language,
        "dct:license": licence,
        "dct:modified": moment(changed),
        "dcat:themeTaxonomy": {
            "@id": format!("{EU}/data-theme"),
            "@type": "skos:ConceptScheme",
            "dct:title": text("en", "Data theme"),
        },
        "dcat:dataset": [merge(dataset, parties(open_data, lang))],
    });
    if let Some(first) = issued {
        catalog["dct:issued"] = moment(first);
    }
    merge(catalog, parties(open_data, lang))
}
