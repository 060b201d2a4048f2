//! districts.yaml, partners.yaml and topics.yaml: the tables every contract
//! refers to.

use std::collections::HashMap;

use super::read::{self, Fields};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::{Node, YamlDoc};
use crate::model::{
    District, DistrictId, Neighbourhood, NeighbourhoodId, Partner, PartnerKind, Topic,
};
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
                    format!("the {what} `{}` is defined twice", slug.value),
                )
                .with_related(*first, "first defined here")
                .with_help(format!(
                    "every {what} needs its own slug; rename or remove one"
                )),
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
        let Some(mut f) = Fields::of(node, "a district", d) else {
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
            f.missing(
                Code::MissingField,
                "slug",
                "add `slug: <lowercase-name>`",
                d,
            );
        }
        if f.is_missing("name") {
            f.missing(
                Code::MissingField,
                "name",
                "add `name:` with the district's name",
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
    let mut f = Fields::of(node, "a neighbourhood", d)?;
    let slug = f.get("slug").and_then(|n| read::slug(n, "slug", d));
    let name = f.get("name").and_then(|n| read::text(n, "name", d));
    let focus = f
        .get("focus")
        .and_then(|n| read::boolean(n, "focus", d))
        .unwrap_or(false);
    let council = f.get("council").and_then(|n| read::text(n, "council", d));
    if f.is_missing("slug") {
        f.missing(
            Code::MissingField,
            "slug",
            "add `slug: <lowercase-name>`",
            d,
        );
    }
    if f.is_missing("name") {
        f.missing(
            Code::MissingField,
            "name",
            "add `name:` with the neighbourhood's name",
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
        intro: None,
    })
}

pub fn partners(doc: &Option<YamlDoc>, d: &mut Diagnostics) -> Vec<Partner> {
    let mut out = Vec::new();
    let mut slugs = SlugSet::default();
    for node in items(doc, "partners.yaml", d) {
        let Some(mut f) = Fields::of(node, "a partner", d) else {
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
            ("slug", "add `slug: <lowercase-name>`"),
            ("name", "add `name:` with the organisation's name"),
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
                    format!("`{}` is not a web address", url.value),
                )
                .with_help("write the full address, starting with https://"),
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
                Diagnostic::error(
                    Code::InvalidSlug,
                    slug.span,
                    "`wijkraad` is reserved for the neighbourhood council in `signatories`",
                )
                .with_help("give the partner another slug"),
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
        let Some(mut f) = Fields::of(node, "a topic", d) else {
            continue;
        };
        let slug = f.get("slug").and_then(|n| read::slug(n, "slug", d));
        let name = f.get("name").and_then(|n| read::text(n, "name", d));
        let description = f
            .get("description")
            .and_then(|n| read::text(n, "description", d));
        for (key, help) in [
            ("slug", "add `slug: <lowercase-name>`"),
            ("name", "add `name:` with the topic's name"),
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
            });
        }
    }
    out
}
