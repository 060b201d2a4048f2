//! The figure lists and the overviews: `/te-laat/`, `/cijfers/`, the index
//! pages, the figure lists of every scope (paginated, stable when empty), on
//! the build-site fixture, the bundled site and a generated long list.

mod common;
mod figure_check;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use afspraak::model::{Delivery, Figure};
use figure_check::{Files, list_at, question_links};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site")
}

fn generate(root: &Path) -> (afspraak::model::Site, Files) {
    let checked = afspraak::check(root, None).unwrap();
    assert!(
        !checked.diagnostics.has_errors(),
        "{:?}",
        checked
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    );
    let site = checked.site.unwrap();
    let files = afspraak::generate(root, &site).unwrap();
    (site, files)
}

fn page<'f>(files: &'f Files, path: &str) -> &'f str {
    std::str::from_utf8(files.get(path).unwrap_or_else(|| panic!("no file {path}"))).unwrap()
}

fn main_part(html: &str) -> &str {
    &html[html.find("<main").unwrap()..html.find("</main>").unwrap()]
}

#[test]
fn every_figure_on_the_fixture_and_the_bundled_site_adds_up() {
    for root in [fixture(), PathBuf::from(env!("CARGO_MANIFEST_DIR"))] {
        let (_, files) = generate(&root);
        let links = figure_check::check_site(&files).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            links > 100,
            "only {links} figure links on {}",
            root.display()
        );
    }
}

#[test]
fn the_late_list_is_every_overdue_agreement_by_neighbourhood() {
    let (site, files) = generate(&fixture());
    let today = site.today();
    let late = Figure::Delivery(Delivery::Overdue);
    let want: BTreeSet<String> = site
        .public_contracts()
        .flat_map(|c| c.questions.iter().map(move |q| (c, q)))
        .filter(|(_, q)| late.counts(q, today))
        .map(|(c, q)| {
            afspraak::render::urls::question(
                afspraak::config::Language::Nl,
                &site.neighbourhood(c.neighbourhood).slug,
                c.year,
                q.id,
            )
        })
        .collect();
    assert!(!want.is_empty(), "the fixture has overdue agreements");
    assert_eq!(list_at(&files, "/te-laat/").unwrap(), want);
    let html = main_part(page(&files, "te-laat/index.html"));
    assert!(
        html.contains("<h2 id=\"wijk-meerwijk\"><a href=\"/wijken/meerwijk/\">Meerwijk</a></h2>")
    );
    assert!(html.contains("termijn: oktober 2011"), "{html}");
    // The home page's figure links here, and the city has no second late list.
    assert!(
        page(&files, "index.html").contains(
            "<a class=\"fig\" href=\"/te-laat/\"><strong>2</strong> afspraken te laat</a>"
        )
    );
    assert!(!files.contains_key("cijfers/te-laat/index.html"));
    // In English, with English interface text.
    let en = page(&files, "en/te-laat/index.html");
    assert!(en.contains("<h1>Late · Whole city</h1>"), "{en}");
    assert!(en.contains("href=\"/en/wijken/meerwijk/2011/7/\""));
}

#[test]
fn every_scope_has_every_figure_list_even_when_empty() {
    let (site, files) = generate(&fixture());
    let scopes: Vec<String> = std::iter::once(String::new())
        .chain(
            site.districts
                .iter()
                .map(|d| format!("stadsdelen/{}/", d.slug)),
        )
        .chain(
            site.partners
                .iter()
                .map(|p| format!("partners/{}/", p.slug)),
        )
        .chain(site.topics.iter().map(|t| format!("themas/{}/", t.slug)))
        .collect();
    for scope in &scopes {
        for f in Figure::ALL {
            let slug = afspraak::render::urls::figure_slug(f);
            let path = if scope.is_empty() && slug == "te-laat" {
                "te-laat/index.html".to_string()
            } else {
                format!("{scope}cijfers/{slug}/index.html")
            };
            for lang in ["", "en/"] {
                assert!(
                    files.contains_key(&format!("{lang}{path}")),
                    "no {lang}{path}"
                );
            }
        }
    }
    // An empty list says so plainly.
    let empty = page(&files, "cijfers/later-uitgevoerd/index.html");
    assert!(empty.contains("Aantal: <strong>0</strong>"));
    assert!(empty.contains("Er zijn geen vragen die hier meetellen."));
    assert!(question_links(main_part(empty)).is_empty());
}

#[test]
fn a_figure_that_drops_to_zero_keeps_its_list_and_the_build_passes() {
    let tmp = tempfile::TempDir::new().unwrap();
    let root = tmp.path().join("site");
    common::copy_dir(&fixture(), &root);
    let out = tmp.path().join("public");
    let late = "partners/elan-wonen/cijfers/te-laat/index.html";
    assert!(
        afspraak::build(&root, Some(&out), None)
            .unwrap()
            .succeeded()
    );
    assert!(
        fs::read_to_string(out.join(late))
            .unwrap()
            .contains("Aantal: <strong>1</strong>")
    );

    // The prioritised question gets its decision: Elan Wonen has nothing late any more.
    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let text = fs::read_to_string(&contract).unwrap();
    let text = text.replacen(
        "    report_by: 2011-11\n",
        "    report_by: 2011-11\n    decision: { date: 2011-11-20, included: true }\n",
        1,
    );
    fs::write(&contract, text).unwrap();
    let built = afspraak::build(&root, Some(&out), None).unwrap();
    let messages: Vec<&str> = built
        .checked
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(built.succeeded(), "{messages:?}");
    let html = fs::read_to_string(out.join(late)).unwrap();
    assert!(html.contains("Aantal: <strong>0</strong>"), "{html}");
}

#[test]
fn the_figures_page_explains_every_figure_and_gives_the_years() {
    let (_, files) = generate(&PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let html = main_part(page(&files, "cijfers/index.html"));
    for f in Figure::ALL {
        let id = format!("id=\"def-{}\"", afspraak::render::urls::figure_slug(f));
        assert!(html.contains(&id), "no definition {id}");
    }
    assert!(html.contains("Afspraken die klaar waren op of vóór de datum"));
    // The city, each district and each partner, per contract year, in tables
    // that reflow: a labelled, focusable scrolling region with a caption.
    assert!(html.contains(
        "<caption id=\"jaar-stad\">Hele stad: cijfers per jaar van het wijkcontract</caption>"
    ));
    assert!(html.contains("id=\"jaar-stadsdeel-schalkwijk\""));
    assert!(html.contains("id=\"jaar-partner-gemeente\""));
    assert!(html.contains(
        "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"jaar-stad\" tabindex=\"0\">"
    ));
    assert!(html.contains(
        "<th scope=\"col\" class=\"num\">2025</th><th scope=\"col\" class=\"num\">2026</th>"
    ));
    for row in [
        "Nagekomen",
        "Te laat",
        "Verschoven",
        "Afgewezen: geen geld",
        "Opgehaald via: Wijkschouw",
    ] {
        assert!(
            html.contains(&format!("<th scope=\"row\">{row}</th>")),
            "no row {row}"
        );
    }
    // The city's questions per year add up to the city's figure.
    let table = &html[html.find("<caption id=\"jaar-stad\">").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    let row = &table[table.find("<th scope=\"row\">Vragen</th>").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    // Each year's number links to that year's list, which has exactly that
    // many questions, all from contracts of that year.
    let mut per_year = 0;
    for cell in row.split("<td").skip(1) {
        let cell = &cell[cell.find('>').unwrap() + 1..];
        let href = cell
            .strip_prefix("<a class=\"fig\" href=\"")
            .expect("a per-year figure is a link");
        let (url, rest) = href.split_once("\">").unwrap();
        let count: usize = rest[..rest.find('<').unwrap()].parse().unwrap();
        let year = url.trim_end_matches('/').rsplit('/').next().unwrap();
        assert_eq!(url, format!("/cijfers/vragen/{year}/"));
        let listed = list_at(&files, url).unwrap();
        assert_eq!(listed.len(), count, "{url}");
        assert!(
            listed.iter().all(|q| q.contains(&format!("/{year}/"))),
            "{url} lists a question of another year: {listed:?}"
        );
        per_year += count;
    }
    assert_eq!(per_year, list_at(&files, "/cijfers/vragen/").unwrap().len());
    let list = page(&files, "cijfers/vragen/2025/index.html");
    assert!(list.contains("Alleen vragen uit de wijkcontracten van 2025."));
    assert!(list.contains("<a href=\"/cijfers/vragen/\">Alle jaren</a>"));
    let en = page(&files, "en/cijfers/index.html");
    assert!(en.contains("<h2 id=\"tellen\">How we count the figures</h2>"));
}

#[test]
fn the_index_pages_compare_their_items_with_linked_figures() {
    let (site, files) = generate(&fixture());
    for (path, section, slugs) in [
        (
            "partners/index.html",
            "partners",
            site.partners
                .iter()
                .map(|p| p.slug.clone())
                .collect::<Vec<_>>(),
        ),
        (
            "stadsdelen/index.html",
            "stadsdelen",
            site.districts.iter().map(|d| d.slug.clone()).collect(),
        ),
        (
            "themas/index.html",
            "themas",
            site.topics.iter().map(|t| t.slug.clone()).collect(),
        ),
    ] {
        let html = main_part(page(&files, path));
        assert!(
            html.contains("<caption id=\"vergelijking-caption\">"),
            "{path}"
        );
        assert!(
            html.contains("<th scope=\"colgroup\" colspan=\"3\""),
            "{path}"
        );
        for slug in slugs {
            assert!(
                html.contains(&format!(
                    "<th scope=\"row\"><a href=\"/{section}/{slug}/\">"
                )),
                "{path}: {slug}"
            );
            for f in [
                Figure::Questions,
                Figure::KEPT,
                Figure::Delivery(Delivery::Overdue),
                Figure::Delivery(Delivery::Moved),
                Figure::Delivery(Delivery::DoneLate),
            ] {
                let href = format!(
                    "href=\"/{section}/{slug}/cijfers/{}/\"",
                    afspraak::render::urls::figure_slug(f)
                );
                assert!(html.contains(&href), "{path} lacks {href}");
            }
        }
        // The whole city below, linked to the city's lists.
        assert!(
            html.contains("<a class=\"fig\" href=\"/te-laat/\">"),
            "{path}"
        );
    }
    // The main navigation leads to the figures; every footer to the indexes.
    let home = page(&files, "index.html");
    assert!(home.contains("<li><a href=\"/cijfers/\">Cijfers</a></li>"));
    assert!(home.contains("<li><a href=\"/partners/\">Partners</a></li>"));
    assert!(page(&files, "en/partners/index.html").contains("<h1>Partners</h1>"));
}

#[test]
fn pages_have_unique_ids_and_headings_in_order() {
    let (_, files) = generate(&PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    let id = regex::Regex::new(r#" id="([^"]+)""#).unwrap();
    let heading = regex::Regex::new(r"<h([1-6])[ >]").unwrap();
    for (path, bytes) in &files {
        if !path.ends_with(".html") || path.starts_with("zoeken") {
            continue;
        }
        let html = std::str::from_utf8(bytes).unwrap();
        let mut seen = BTreeSet::new();
        for c in id.captures_iter(html) {
            assert!(seen.insert(c[1].to_string()), "{path}: id {} twice", &c[1]);
        }
        let mut level = 1;
        for c in heading.captures_iter(main_part(html)) {
            let h: u32 = c[1].parse().unwrap();
            assert!(h <= level + 1, "{path}: h{h} after h{level}");
            level = h;
        }
    }
}

/// A site with one long contract per neighbourhood: `per` questions each.
fn long_site(dir: &Path, neighbourhoods: usize, per: usize) {
    let files: BTreeMap<&str, String> = [
        (
            "site.toml",
            "title = \"T\"\nlanguages = [\"nl\", \"en\"]\nas_of = 2011-12-31T12:00:00\n\n[open_data]\npublisher = { name = \"Gemeente\" }\ncontact = { name = \"Team\", email = \"team@example.nl\" }\n"
                .to_string(),
        ),
        (
            "content/partners.yaml",
            "- { slug: gemeente, name: Gemeente, kind: municipality }\n".into(),
        ),
        (
            "content/topics.yaml",
            "- { slug: veilig, name: Veilig }\n".into(),
        ),
    ]
    .into_iter()
    .collect();
    for (path, text) in files {
        let full = dir.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    let mut districts = String::from("- slug: d\n  name: D\n  neighbourhoods:\n");
    for n in 0..neighbourhoods {
        writeln!(districts, "    - {{ slug: wijk-{n}, name: Wijk {n} }}").unwrap();
        let mut c = String::from(
            "period: { from: 2011-04-01, to: 2012-03-31 }\nsignatories: [wijkraad, gemeente]\nquestions:\n",
        );
        for i in 1..=per {
            write!(
                c,
                "  - id: {i}\n    title: Vraag {i}\n    topic: veilig\n    partner: gemeente\n    asked: Een vraag.\n    outcome: honoured\n    when: 2011-10\n"
            )
            .unwrap();
        }
        let path = dir.join(format!("content/contracts/wijk-{n}/2011.yaml"));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, c).unwrap();
    }
    fs::write(dir.join("content/districts.yaml"), districts).unwrap();
}

#[test]
fn long_lists_are_paginated_by_neighbourhood_and_complete() {
    let tmp = tempfile::TempDir::new().unwrap();
    long_site(tmp.path(), 3, 150);
    let (site, files) = generate(tmp.path());
    // 450 questions, all overdue on 31 December 2011: three pages of 200.
    for first in [
        "/te-laat/",
        "/cijfers/vragen/",
        "/partners/gemeente/cijfers/te-laat/",
    ] {
        assert_eq!(list_at(&files, first).unwrap().len(), 450, "{first}");
    }
    let one = main_part(page(&files, "te-laat/index.html"));
    let two = main_part(page(&files, "te-laat/pagina/2/index.html"));
    let three = page(&files, "te-laat/pagina/3/index.html");
    assert!(!files.contains_key("te-laat/pagina/4/index.html"));
    assert_eq!(question_links(one).len(), 200);
    assert!(one.contains("href=\"/te-laat/pagina/2/\" rel=\"next\""));
    assert!(two.contains("href=\"/te-laat/\" rel=\"prev\""));
    // A neighbourhood that runs across two pages is headed on both.
    assert!(one.contains("id=\"wijk-wijk-1\"") && two.contains("id=\"wijk-wijk-1\""));
    assert!(three.contains("<title>Te laat · Hele stad (pagina 3 van 3) · T</title>"));
    assert!(figure_check::check_site(&files).is_ok());

    // The preview renders the same pages, and only those.
    let theme = afspraak::render::Theme::load(tmp.path(), &site.config.theme).unwrap();
    let published = afspraak::render::Published::lazy(&site);
    let render = |path: &str| afspraak::render::render_one(&published, &theme, path);
    for path in [
        "te-laat/pagina/3/",
        "cijfers/",
        "cijfers/vragen/pagina/2/",
        "stadsdelen/",
        "stadsdelen/d/cijfers/nagekomen/",
        "partners/",
        "partners/gemeente/cijfers/te-laat/pagina/3/",
        "themas/",
        "themas/veilig/cijfers/vragen/",
        "en/te-laat/",
    ] {
        let served = render(path).unwrap_or_else(|| panic!("serve has no {path}"));
        let built = files
            .get(&format!("{path}index.html"))
            .unwrap_or_else(|| panic!("the build has no {path}"));
        assert_eq!(&served.unwrap(), built, "{path}");
    }
    for path in [
        "te-laat/pagina/4/",
        "te-laat/pagina/1/",
        "cijfers/te-laat/",
        "cijfers/onbekend/",
        "partners/onbekend/cijfers/vragen/",
        "wijken/wijk-0/cijfers/vragen/",
    ] {
        assert!(render(path).is_none(), "serve renders {path}");
    }
}
