//! districts.yaml, partners.yaml and topics.yaml: the tables every contract
//! refers to.

use std::collections::HashMap;

use super::read::{self, Fields};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{Node, Value, YamlDoc};
use crate::model::{
    District, DistrictId, Neighbourhood, NeighbourhoodId, OptedOut, Partner, PartnerKind, Topic,
    TopicEnglish,
};
use crate::msg;
use crate::source::{At, Span};

/// Remembers slugs of one kind and reports the second use of one.
#[derive(Default)]
pub struct SlugSet {
    seen: HashMap<String, Span>,
}

impl SlugSet {
    pub fn insert(&mut self, slug: &At<String>, what: &str, d: &mut Diagnostics) -> bool {
        if let Some(first) = self.seen.get(&slug.value) {
            d.push(
                Diagnostic::error(
                    Code::DuplicateSlug,
                    slug.span,
                    msg!(
                        "duplicate-slug",
                        what = what,
                        slug = crate::diagnostic::shorten(&slug.value)
                    ),
                )
                .with_related(*first, msg!("duplicate-slug-first"))
                .with_help(msg!("duplicate-slug-help", what = what)),
            );
            return false;
        }
        self.seen.insert(slug.value.clone(), slug.span);
        true
    }
}

fn items<'n>(doc: &'n Option<YamlDoc>, file: &str, d: &mut Diagnostics) -> &'n [Node] {
    let Some(root) = doc.as_ref().and_then(|y| y.root.as_deref()) else {
        return &[];
    };
    read::list(root, file, d).unwrap_or_default()
}

pub fn districts(
    doc: &Option<YamlDoc>,
    d: &mut Diagnostics,
) -> (Vec<District>, Vec<Neighbourhood>) {
    let mut districts = Vec::new();
    let mut neighbourhoods = Vec::new();
    let mut district_slugs = SlugSet::default();
    let mut neighbourhood_slugs = SlugSet::default();
    for node in items(doc, "districts.yaml", d) {
        let Some(mut f) = Fields::of(node, "item-district", d) else {
            continue;
        };
        let slug = f.get("slug").and_then(|n| read::slug(n, "slug", d));
        let name = f.get("name").and_then(|n| read::text(n, "name", d));
        let description = f
            .get("description")
            .and_then(|n| read::text(n, "description", d));
        let nb_nodes = f
            .get("neighbourhoods")
            .and_then(|n| read::list(n, "neighbourhoods", d));
        if f.is_missing("slug") {
            f.missing(Code::MissingField, "slug", msg!("missing-slug-help"), d);
        }
        if f.is_missing("name") {
            f.missing(
                Code::MissingField,
                "name",
                msg!("missing-name-help", what = "district"),
                d,
            );
        }
        let span = f.span;
        f.finish(d);
        let (Some(slug), Some(name)) = (slug, name) else {
            continue;
        };
        if !district_slugs.insert(&slug, "district", d) {
            continue;
        }
        let id = DistrictId(districts.len() as u32);
        let mut members = Vec::new();
        for nb in nb_nodes.unwrap_or_default() {
            if let Some(n) = neighbourhood(nb, id, d)
                && neighbourhood_slugs.insert(&At::new(n.slug.clone(), n.span), "neighbourhood", d)
            {
                members.push(NeighbourhoodId(neighbourhoods.len() as u32));
                neighbourhoods.push(n);
            }
        }
        districts.push(District {
            slug: slug.value,
            name: name.value,
            description: description.map(|t| t.value),
            neighbourhoods: members,
            span,
        });
    }
    (districts, neighbourhoods)
}

fn neighbourhood(node: &Node, district: DistrictId, d: &mut Diagnostics) -> Option<Neighbourhood> {
    let mut f = Fields::of(node, "item-neighbourhood", d)?;
    let slug = f.get("slug").and_then(|n| read::slug(n, "slug", d));
    let name = f.get("name").and_then(|n| read::text(n, "name", d));
    let focus = f
        .get("focus")
        .and_then(|n| read::boolean(n, "focus", d))
        .unwrap_or(false);
    let council = f.get("council").and_then(|n| read::text(n, "council", d));
    let opted_out = f.get("opted_out").and_then(|n| opted_out(n, d));
    if f.is_missing("slug") {
        f.missing(Code::MissingField, "slug", msg!("missing-slug-help"), d);
    }
    if f.is_missing("name") {
        f.missing(
            Code::MissingField,
            "name",
            msg!("missing-name-help", what = "neighbourhood"),
            d,
        );
    }
    f.finish(d);
    let slug = slug?;
    Some(Neighbourhood {
        span: slug.span,
        slug: slug.value,
        name: name?.value,
        district,
        focus,
        council: council.map(|c| c.value),
        opted_out,
        intro: None,
    })
}

/// `opted_out: { since: 2012, note: … }`: the council chose to have no contract.
fn opted_out(node: &Node, d: &mut Diagnostics) -> Option<OptedOut> {
    if !matches!(node.value, Value::Map(_)) {
        d.push(
            Diagnostic::error(
                Code::WrongType,
                node.span,
                msg!("wrong-type-opted-out", kind = node.value.kind()),
            )
            .with_help(msg!("wrong-type-opted-out-help")),
        );
        return None;
    }
    let mut f = Fields::of(node, "item-opted-out", d)?;
    let since = f.get("since").and_then(|n| year(n, "since", d));
    let note = f.get("note").and_then(|n| read::text(n, "note", d));
    for (key, help) in [
        ("since", msg!("missing-since-help")),
        ("note", msg!("missing-opted-out-note-help")),
    ] {
        if f.is_missing(key) {
            f.missing(Code::MissingField, key, help, d);
        }
    }
    f.finish(d);
    let since = since?;
    Some(OptedOut {
        since: since.value,
        note: note?.value,
        span: since.span,
    })
}

/// A year, written as four digits.
fn year(node: &Node, field: &str, d: &mut Diagnostics) -> Option<At<i32>> {
    let text = match &node.value {
        Value::Int(i) => i.to_string(),
        Value::Str(s) => s.trim().to_string(),
        other => {
            d.push(
                Diagnostic::error(
                    Code::WrongType,
                    node.span,
                    msg!(
                        "wrong-type",
                        field = field,
                        expected = "year",
                        kind = other.kind()
                    ),
                )
                .with_help(msg!("year-help", field = field)),
            );
            return None;
        }
    };
    match text.parse::<i32>() {
        Ok(y) if text.len() == 4 && (1000..=9999).contains(&y) => Some(At::new(y, node.span)),
        _ => {
            d.push(
                Diagnostic::error(
                    Code::InvalidDate,
                    node.span,
                    msg!("invalid-date-year", field = field, value = text),
                )
                .with_help(msg!("year-help", field = field)),
            );
            None
        }
    }
}

/// A neighbourhood whose council chose to have no contract cannot have a
/// contract for that year or later: the site would say both. `contracts` are
/// the contract files (drafts too) by neighbourhood slug and year, with the
/// place to point at.
pub fn opted_out_contracts<'a>(
    neighbourhoods: &[Neighbourhood],
    contracts: impl IntoIterator<Item = (&'a str, i32, Span)>,
    d: &mut Diagnostics,
) {
    let mut late: HashMap<&str, Vec<(i32, Span)>> = HashMap::new();
    for (slug, year, span) in contracts {
        late.entry(slug).or_default().push((year, span));
    }
    for n in neighbourhoods {
        let Some(o) = &n.opted_out else { continue };
        let Some(files) = late.get_mut(n.slug.as_str()) else {
            continue;
        };
        files.retain(|(year, _)| *year >= o.since);
        if files.is_empty() {
            continue;
        }
        files.sort_by_key(|(year, _)| *year);
        let years: Vec<String> = files.iter().map(|(y, _)| y.to_string()).collect();
        let mut diagnostic = Diagnostic::error(
            Code::FieldNotApplicable,
            o.span,
            msg!(
                "opted-out-contract",
                name = &n.name,
                since = o.since.to_string(),
                years = years.join(", ")
            ),
        )
        .with_help(msg!(
            "opted-out-contract-help",
            slug = &n.slug,
            year = files.last().map_or(o.since, |(y, _)| y + 1).to_string()
        ));
        for (year, span) in files.iter() {
            diagnostic = diagnostic.with_related(
                *span,
                msg!("opted-out-contract-for", year = year.to_string()),
            );
        }
        d.push(diagnostic);
    }
}

pub fn partners(doc: &Option<YamlDoc>, d: &mut Diagnostics) -> Vec<Partner> {
    let mut out = Vec::new();
    let mut slugs = SlugSet::default();
    for node in items(doc, "partners.yaml", d) {
        let Some(mut f) = Fields::of(node, "item-partner", d) else {
            continue;
        };
        let slug = f.get("slug").and_then(|n| read::slug(n, "slug", d));
        let name = f.get("name").and_then(|n| read::text(n, "name", d));
        let kind = f
            .get("kind")
            .and_then(|n| read::keyword::<PartnerKind>(n, "kind", Code::InvalidValue, d));
        let url = f.get("url").and_then(|n| read::text(n, "url", d));
        let description = f
            .get("description")
            .and_then(|n| read::text(n, "description", d));
        for (key, help) in [
            ("slug", msg!("missing-slug-help")),
            ("name", msg!("missing-name-help", what = "partner")),
        ] {
            if f.is_missing(key) {
                f.missing(Code::MissingField, key, help, d);
            }
        }
        f.finish(d);
        if let Some(url) = &url
            && !(url.value.starts_with("https://") || url.value.starts_with("http://"))
        {
            d.push(
                Diagnostic::error(
                    Code::InvalidValue,
                    url.span,
                    msg!(
                        "invalid-value-url",
                        value = crate::diagnostic::shorten(&url.value)
                    ),
                )
                .with_help(msg!("invalid-value-url-help")),
            );
        }
        let (Some(slug), Some(name)) = (slug, name) else {
            continue;
        };
        if !slugs.insert(&slug, "partner", d) {
            continue;
        }
        if slug.value == "wijkraad" {
            d.push(
                Diagnostic::error(Code::InvalidSlug, slug.span, msg!("invalid-slug-wijkraad"))
                    .with_help(msg!("invalid-slug-wijkraad-help")),
            );
        }
        out.push(Partner {
            span: slug.span,
            slug: slug.value,
            name: name.value,
            kind: kind.map_or(PartnerKind::Other, |k| k.value),
            url: url.map(|u| u.value),
            description: description.map(|t| t.value),
        });
    }
    out
}

pub fn topics(doc: &Option<YamlDoc>, d: &mut Diagnostics) -> Vec<Topic> {
    let mut out = Vec::new();
    let mut slugs = SlugSet::default();
    for node in items(doc, "topics.yaml", d) {
        let Some(mut f) = Fields::of(node, "item-topic", d) else {
            continue;
        };
        let slug = f.get("slug").and_then(|n| read::slug(n, "slug", d));
        let name = f.get("name").and_then(|n| read::text(n, "name", d));
        let description = f
            .get("description")
            .and_then(|n| read::text(n, "description", d));
        let en = f.get("en").and_then(|n| topic_english(n, d));
        for (key, help) in [
            ("slug", msg!("missing-slug-help")),
            ("name", msg!("missing-name-help", what = "topic")),
        ] {
            if f.is_missing(key) {
                f.missing(Code::MissingField, key, help, d);
            }
        }
        f.finish(d);
        let (Some(slug), Some(name)) = (slug, name) else {
            continue;
        };
        if slugs.insert(&slug, "topic", d) {
            out.push(Topic {
                span: slug.span,
                slug: slug.value,
                name: name.value,
                description: description.map(|t| t.value),
                en,
            });
        }
    }
    out
}

/// A topic's `en: { name: Clean, description: … }`.
fn topic_english(node: &Node, d: &mut Diagnostics) -> Option<TopicEnglish> {
    let mut f = Fields::of(node, "item-topic-english", d)?;
    let name = f.get("name").and_then(|n| read::text(n, "name", d));
    let description = f
        .get("description")
        .and_then(|n| read::text(n, "description", d));
    if f.is_missing("name") {
        f.missing(
            Code::MissingField,
            "name",
            msg!("missing-topic-english-name-help"),
            d,
        );
    }
    f.finish(d);
    Some(TopicEnglish {
        name: name?.value,
        description: description.map(|t| t.value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn span(file: u32) -> Span {
        Span::file_start(FileId(file))
    }

    fn neighbourhood(slug: &str, since: Option<i32>) -> Neighbourhood {
        Neighbourhood {
            slug: slug.into(),
            name: slug.to_uppercase(),
            district: DistrictId(0),
            focus: false,
            council: None,
            opted_out: since.map(|since| OptedOut {
                since,
                note: "n".into(),
                span: span(0),
            }),
            intro: None,
            span: span(0),
        }
    }

    #[test]
    fn a_contract_from_the_year_of_opting_out_on_is_an_error() {
        let nbs = [neighbourhood("a", Some(2012)), neighbourhood("b", None)];
        let mut d = Diagnostics::default();
        opted_out_contracts(&nbs, [("a", 2011, span(1)), ("b", 2013, span(2))], &mut d);
        assert!(
            d.is_empty(),
            "earlier contracts, and other neighbourhoods, are fine"
        );
        let mut d = Diagnostics::default();
        opted_out_contracts(
            &nbs,
            [
                ("a", 2014, span(3)),
                ("a", 2011, span(1)),
                ("a", 2012, span(2)),
            ],
            &mut d,
        );
        let found: Vec<&Diagnostic> = d.iter().collect();
        assert_eq!(found.len(), 1, "one error for the neighbourhood");
        assert_eq!(found[0].code, Code::FieldNotApplicable);
        assert!(
            found[0]
                .message
                .contains("since 2012, but there is a contract for 2012, 2014")
        );
        assert_eq!(found[0].related.len(), 2);
        assert!(found[0].help.as_deref().unwrap().contains("(2015)"));
    }

    #[test]
    fn a_year_is_four_digits() {
        let node = |value| Node {
            value,
            span: span(0),
        };
        let mut d = Diagnostics::default();
        assert_eq!(
            year(&node(Value::Int(2012)), "since", &mut d)
                .unwrap()
                .value,
            2012
        );
        assert_eq!(
            year(&node(Value::Str(" 2019 ".into())), "since", &mut d)
                .unwrap()
                .value,
            2019
        );
        assert!(d.is_empty());
        for bad in [Value::Int(12), Value::Int(20120), Value::Str("0123".into())] {
            let mut d = Diagnostics::default();
            assert!(year(&node(bad), "since", &mut d).is_none());
            assert_eq!(d.iter().next().unwrap().code, Code::InvalidDate);
        }
        let mut d = Diagnostics::default();
        assert!(year(&node(Value::Bool(true)), "since", &mut d).is_none());
        assert_eq!(d.iter().next().unwrap().code, Code::WrongType);
    }
}
