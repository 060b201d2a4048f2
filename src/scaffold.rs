//! `init` and `new contract`: files an editor starts from.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::model::is_valid_slug;
use crate::tr;
use crate::validate::suggest::did_you_mean;

macro_rules! example {
    ($($path:literal => $source:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../", $source)) as &[u8])),*]
    };
}

/// The example site that `init` writes, and the starter kit beside it: the
/// guide, the list of messages, the spreadsheet templates and the JSON
/// Schemas with the editor settings that use them.
pub(crate) const EXAMPLE: &[(&str, &[u8])] = example!(
    "site.toml" => "init/site.toml",
    "content/_index.md" => "init/content/_index.md",
    "content/districts.yaml" => "init/content/districts.yaml",
    "content/partners.yaml" => "init/content/partners.yaml",
    "content/topics.yaml" => "init/content/topics.yaml",
    "content/contracts/voorbeeldwijk/2026.yaml" => "init/content/contracts/voorbeeldwijk/2026.yaml",
    "content/updates/2026-04-15-wijkcontract-getekend.md" => "init/content/updates/2026-04-15-wijkcontract-getekend.md",
    "content/pages/over.md" => "init/content/pages/over.md",
    "content/pages/toegankelijkheid.md" => "init/content/pages/toegankelijkheid.md",
    "LEESMIJ.md" => "init/LEESMIJ.md",
    "docs/handleiding.md" => "docs/handleiding.md",
    "docs/diagnostics.md" => "docs/diagnostics.md",
    "docs/diagnostics.en.md" => "docs/diagnostics.en.md",
    "docs/sjabloon-vragen.xlsx" => "docs/sjabloon-vragen.xlsx",
    "docs/sjabloon-vragen.csv" => "docs/sjabloon-vragen.csv",
    ".vscode/settings.json" => "init/kit/vscode-settings.json",
    "schemas/contract.schema.json" => "schemas/contract.schema.json",
    "schemas/districts.schema.json" => "schemas/districts.schema.json",
    "schemas/page.schema.json" => "schemas/page.schema.json",
    "schemas/partners.schema.json" => "schemas/partners.schema.json",
    "schemas/redirects.schema.json" => "schemas/redirects.schema.json",
    "schemas/site.schema.json" => "schemas/site.schema.json",
    "schemas/topics.schema.json" => "schemas/topics.schema.json",
    "schemas/translation.schema.json" => "schemas/translation.schema.json",
    "schemas/update.schema.json" => "schemas/update.schema.json",
);

/// Creates a new site with a small example in `dir`, which must be empty or absent.
pub fn init(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if dir.exists() {
        if !dir.is_dir() {
            crate::refuse!(
                "{}",
                tr!("init-not-a-folder", dir = dir.display().to_string())
            );
        }
        if fs::read_dir(dir)?.next().is_some() {
            crate::refuse!("{}", tr!("init-not-empty", dir = dir.display().to_string()));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in EXAMPLE {
        let path = dir.join(rel);
        fs::create_dir_all(path.parent().expect("files have a folder"))?;
        fs::write(&path, text)
            .with_context(|| tr!("cannot-write", path = path.display().to_string()))?;
        written.push(path);
    }
    Ok(written)
}

/// The example text of the contract `new contract` writes. A contract that
/// is no longer a draft may not hold it (`placeholder-text`).
pub const PLACEHOLDERS: &[&str] = &[
    "Korte titel van de vraag",
    "De vraag zoals bewoners die stelden, zonder namen of adressen.",
    "Straatnaam",
    "Het antwoord van de partner.",
    "Waarom het later wordt.",
    "Waarom het antwoord veranderde.",
    // The fill-ins of the accessibility statement `init` ships.
    "[vul de datum in]",
    "[het adres van deze site]",
];

/// The contract file `new contract` writes: everything commented, a draft.
pub fn contract_template(neighbourhood: &str, year: i32) -> String {
    format!(
        r#"# Wijkcontract {neighbourhood} {year}. Vul de velden in en haal `draft: true` weg om te publiceren.
# Elk veld staat beschreven in de handleiding (docs/handleiding.md).
period: {{ from: {year}-04-01, to: {next}-03-31 }}   # de looptijd; het begin valt in {year}
# signed: {year}-04-15                              # de datum van ondertekening
signatories: [wijkraad, gemeente]                   # de partners die tekenden, plus 'wijkraad'
# publish_from: {year}-04-16T10:00                  # embargo tot het persbericht uit is
draft: true                                         # een concept komt nooit op de site
collected_via: [meeting]                            # meeting, walk, consultation-hour, survey, panel,
                                                    # residents-organisation, regular-contact
questions:
  - id: 1                        # vast nummer binnen dit contract; nooit hergebruiken
    title: Korte titel van de vraag
    kind: question               # question of initiative
    channel: meeting             # waar de vraag is opgehaald
    topic: schoon                # een thema uit topics.yaml
    # location: Straatnaam       # op straatniveau, geen huisnummers
    asked: |
      De vraag zoals bewoners die stelden, zonder namen of adressen.
    partner: gemeente            # de partner die antwoordt
    outcome: prioritised         # resolved, honoured (met when), scheduled (met when en
                                 # planning_adjusted), prioritised (met report_by) of
                                 # declined (met ground en reason)
    report_by: {year}-12         # wanneer de wijkraad de uitkomst hoort
    # Na publicatie verander je report_by of when nooit meer. Schuift de termijn op:
    # rescheduled:
    #   - {{ date: {next}-01-15, report_by: {next}-03, reason: Waarom het later wordt. }}
    # Verandert het antwoord, zet dan de nieuwe outcome en wat het eerst was:
    # revised:
    #   - {{ date: {next}-01-15, from: prioritised, reason: Waarom het antwoord veranderde. }}
    # answer: |
    #   Het antwoord van de partner.
"#,
        next = year + 1
    )
}

/// Writes `content/contracts/<neighbourhood>/<year>.yaml` under `root`.
pub fn new_contract(root: &Path, neighbourhood: &str, year: i32) -> anyhow::Result<PathBuf> {
    if !(2000..=2100).contains(&year) {
        crate::refuse!("{}", tr!("new-not-a-year", year = year.to_string()));
    }
    if !is_valid_slug(neighbourhood) {
        crate::refuse!("{}", tr!("new-not-a-slug", slug = neighbourhood));
    }
    let mut diagnostics = crate::diagnostic::Diagnostics::default();
    let sources = crate::load::load(root, &mut diagnostics)?;
    let known = known_neighbourhoods(&sources);
    if known.is_empty() {
        crate::refuse!(
            "{}",
            tr!(
                "new-no-neighbourhoods",
                file = root.join("content/districts.yaml").display().to_string()
            )
        );
    }
    if !known.iter().any(|n| n == neighbourhood) {
        let hint = match did_you_mean(neighbourhood, known.iter().map(String::as_str)) {
            Some(s) => tr!("unknown-slug-suggest", suggestion = s),
            None => tr!("new-known-neighbourhoods", known = known.join(", ")),
        };
        crate::refuse!(
            "{}",
            tr!(
                "new-unknown-neighbourhood",
                slug = neighbourhood,
                hint = hint
            )
        );
    }
    let path = root
        .join("content/contracts")
        .join(neighbourhood)
        .join(format!("{year}.yaml"));
    if path.exists() {
        crate::refuse!("{}", tr!("new-exists", path = path.display().to_string()));
    }
    fs::create_dir_all(path.parent().expect("has a folder"))?;
    fs::write(&path, contract_template(neighbourhood, year))?;
    Ok(path)
}

fn known_neighbourhoods(sources: &crate::load::Sources) -> Vec<String> {
    use crate::load::Value;
    let mut out = Vec::new();
    let Some(Value::Seq(districts)) = sources
        .districts
        .as_ref()
        .and_then(|d| d.root.as_deref())
        .map(|n| &n.value)
    else {
        return out;
    };
    for d in districts {
        let Value::Map(fields) = &d.value else {
            continue;
        };
        let Some((_, nbs)) = fields.iter().find(|(k, _)| k.value == "neighbourhoods") else {
            continue;
        };
        let Value::Seq(nbs) = &nbs.value else {
            continue;
        };
        for n in nbs {
            let Value::Map(fields) = &n.value else {
                continue;
            };
            if let Some((
                _,
                crate::load::Node {
                    value: Value::Str(s),
                    ..
                },
            )) = fields.iter().find(|(k, _)| k.value == "slug")
            {
                out.push(s.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_valid_yaml_for_a_contract() {
        let text = contract_template("meerwijk", 2027);
        let v: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(v["period"]["from"], "2027-04-01");
        assert_eq!(v["draft"], true);
    }

    #[test]
    fn the_templates_commented_history_is_valid_once_uncommented() {
        let text = contract_template("meerwijk", 2027);
        let uncommented: String = text
            .lines()
            .map(|line| match line.strip_prefix("    # ") {
                Some(rest) if rest.starts_with("rescheduled:") || rest.starts_with("revised:") => {
                    format!("    {rest}\n")
                }
                Some(rest) if rest.starts_with("  - {") => format!("    {rest}\n"),
                _ => format!("{line}\n"),
            })
            .collect();
        let v: serde_json::Value = serde_saphyr::from_str(&uncommented).unwrap();
        let q = &v["questions"][0];
        assert_eq!(q["rescheduled"][0]["report_by"], "2028-03");
        assert_eq!(q["revised"][0]["from"], "prioritised");
    }
}
