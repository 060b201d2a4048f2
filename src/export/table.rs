//! The table schema of `vragen.csv` (Frictionless Table Schema) and the data
//! package that ties it to the file with its dialect, so that `frictionless
//! validate data/datapackage.json` checks every cell, and a reuser's tool
//! reads `uitslag_uiterlijk` as a fuzzy date in text rather than guessing.
//! The columns, their order and their meaning come from [`super::csv_columns`];
//! the allowed values from the model's keywords.

use serde_json::{Value, json};

use super::{Field, LICENCE, csv_columns};
use crate::model::{Channel, Delivery, Ground, Keyword, OutcomeKind, QuestionKind, Scale};
use crate::render::Published;

pub const SCHEMA_FILE: &str = "vragen.csv.schema.json";
pub const PACKAGE_FILE: &str = "datapackage.json";

/// A year, quarter, month or day, as contracts write `when` and `report_by`.
const FUZZY_DATE: &str = "[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?";

fn one_of<K: Keyword>() -> Value {
    json!({ "enum": K::keys() })
}

/// The Table Schema type and constraints of a column.
fn spec(name: &str) -> Value {
    let required = json!({ "required": true });
    let yes_no = json!({ "type": "boolean", "trueValues": ["ja"], "falseValues": ["nee"] });
    match name {
        "wijk" | "wijk_naam" | "stadsdeel" | "titel" | "thema" | "partner" | "vraag" => {
            json!({ "type": "string", "constraints": required })
        }
        "jaar" => {
            json!({ "type": "integer", "constraints": { "required": true, "minimum": 1900, "maximum": 9999 } })
        }
        "id" => json!({ "type": "integer", "constraints": { "required": true, "minimum": 1 } }),
        "permalink" => json!({ "type": "string", "format": "uri", "constraints": required }),
        "soort" => {
            json!({ "type": "string", "constraints": merge(required, one_of::<QuestionKind>()) })
        }
        "kanaal" => json!({ "type": "string", "constraints": one_of::<Channel>() }),
        "uitkomst" => {
            json!({ "type": "string", "constraints": merge(required, one_of::<OutcomeKind>()) })
        }
        "grond" => json!({ "type": "string", "constraints": one_of::<Ground>() }),
        "stand_van_zaken" => json!({ "type": "string", "constraints": one_of::<Delivery>() }),
        // Text, not dates: `2026-Q3` or `2027` is a deadline as promised.
        "wanneer" | "uitslag_uiterlijk" | "toegezegd" | "huidige_termijn" => {
            json!({ "type": "string", "constraints": { "pattern": FUZZY_DATE } })
        }
        "besluit_datum" | "laatste_update" => json!({ "type": "date" }),
        "planning_aangepast" | "besluit_opgenomen" => yes_no,
        "vrijwilligers_nodig" => merge(yes_no, json!({ "constraints": required })),
        "schaal" => json!({ "type": "string", "constraints": merge(required, one_of::<Scale>()) }),
        "vervolg_op" => {
            json!({ "type": "string", "constraints": { "pattern": "[a-z0-9-]+/[0-9]{4}/[0-9]+" } })
        }
        _ => json!({ "type": "string" }),
    }
}

fn merge(mut a: Value, b: Value) -> Value {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        a.extend(b);
    }
    a
}

fn field(f: &Field, fill: &dyn Fn(&str) -> String) -> Value {
    merge(
        json!({ "name": f.name, "description": fill(f.nl) }),
        spec(f.name),
    )
}

/// The Table Schema of `vragen.csv`.
pub fn schema(p: &Published) -> Value {
    let the_council = p.site.config.council.with_article();
    let fill = |s: &str| s.replace("{the_council}", &the_council);
    json!({
        "fields": csv_columns().map(|f| field(f, &fill)).collect::<Vec<_>>(),
        "missingValues": [""],
        "primaryKey": ["wijk", "jaar", "id"],
    })
}

/// The data package: `vragen.csv` with its dialect, encoding and schema.
pub fn package(p: &Published) -> Value {
    let config = &p.site.config;
    json!({
        "name": "wijkcontracten-vragen",
        "title": config.title,
        "homepage": format!("{}/data/", config.base_url),
        "licenses": [{ "name": "CC0-1.0", "path": LICENCE, "title": "CC0 1.0 Universal" }],
        "resources": [{
            "name": "vragen",
            "path": "vragen.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": { "delimiter": ";", "lineTerminator": "\r\n" },
            "schema": SCHEMA_FILE,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_dates_match_how_when_is_written() {
        let re = regex::Regex::new(&format!("^(?:{FUZZY_DATE})$")).unwrap();
        for ok in ["2013", "2011-Q3", "2011-10", "2011-10-15", "2026-12-31"] {
            assert!(re.is_match(ok), "{ok}");
        }
        for bad in ["2011-Q5", "2011-13", "11-10", "2011-10-32", "oktober"] {
            assert!(!re.is_match(bad), "{bad}");
        }
    }

    #[test]
    fn columns_that_hold_no_free_text_are_typed() {
        for f in csv_columns() {
            let typed = spec(f.name) != json!({ "type": "string" });
            let free_text = f.kind.starts_with("tekst") || f.kind.starts_with("webadres");
            assert!(
                typed || free_text,
                "column `{}` ({}) needs a type in the table schema",
                f.name,
                f.kind
            );
        }
    }
}
