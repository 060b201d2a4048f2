//! The pages show more of the seed's domain: an initiative that goes ahead
//! when enough residents join, a question taken up for the whole district or
//! city, and a council that chose to have no contract. Each test builds a
//! copy of the base fixture with one small edit and reads the built pages.

mod common;

use std::path::Path;

use common::*;

fn page(out: &Path, rel: &str) -> String {
    let html = std::fs::read_to_string(out.join(rel).join("index.html"))
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    // Only the page's own content: not the navigation, not the footer.
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    html[start..end].to_string()
}

/// The list item (`<li>…</li>`) that holds `needle`, with the lists nested in it.
fn item_with<'a>(html: &'a str, needle: &str) -> &'a str {
    // The home page's neighbourhood picker names every neighbourhood first: skip it.
    let html = match html.find("class=\"picker\"") {
        Some(p) => &html[p + html[p..].find("</nav>").unwrap_or(0)..],
        None => html,
    };
    let at = html
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page"));
    let start = html[..at].rfind("<li").expect("inside a list item");
    let mut depth = 0;
    let mut i = start;
    loop {
        let open = html[i + 1..].find("<li").map(|j| i + 1 + j);
        let close = i + 1 + html[i + 1..].find("</li>").expect("a closed list item");
        match open {
            Some(o) if o < close => {
                depth += 1;
                i = o;
            }
            _ if depth > 0 => {
                depth -= 1;
                i = close;
            }
            _ => return &html[start..close],
        }
    }
}

const VOLUNTEERS_NL: &str = "Dit initiatief gaat door als genoeg bewoners meedoen";
const VOLUNTEERS_EN: &str = "This initiative goes ahead when enough residents join";

#[test]
fn an_initiative_that_needs_volunteers_says_so_wherever_it_is_listed() {
    let site = Site::base();
    // Question 8, the playground on the Kleverlaan, is an initiative.
    site.replace(
        CONTRACT,
        "    kind: initiative\n",
        "    kind: initiative\n    needs_volunteers: true\n",
    );
    let (_tmp, out) = build_site(&site);
    let question = page(&out, "wijken/meerwijk/2011/8");
    assert!(question.contains(VOLUNTEERS_NL), "{question}");
    assert!(page(&out, "en/wijken/meerwijk/2011/8").contains(VOLUNTEERS_EN));
    // Once on the contract page, in the initiative's own item.
    let contract = page(&out, "wijken/meerwijk/2011");
    assert_eq!(contract.matches(VOLUNTEERS_NL).count(), 1);
    assert!(item_with(&contract, "Speeltuin aan de Kleverlaan").contains(VOLUNTEERS_NL));
    // In the partner's and the topic's tables, in the initiative's row.
    for rel in ["partners/gemeente", "themas/sociaal"] {
        let html = page(&out, rel);
        assert_eq!(html.matches(VOLUNTEERS_NL).count(), 1, "{rel}");
        let row = &html[html.find("Speeltuin aan de Kleverlaan").unwrap()..];
        assert!(
            row[..row.find("</tr>").unwrap()].contains(VOLUNTEERS_NL),
            "{rel}"
        );
    }
    // Other questions say nothing of it.
    assert!(!page(&out, "wijken/meerwijk/2011/7").contains(VOLUNTEERS_NL));
}

#[test]
fn questions_taken_up_for_the_district_or_city_are_listed_on_the_district_page() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Meer blauw op straat\n",
        "    title: Meer blauw op straat\n    scale: district\n",
    );
    site.replace(
        CONTRACT,
        "    title: Hondenpoep in het park\n",
        "    title: Hondenpoep in het park\n    scale: city\n",
    );
    let (_tmp, out) = build_site(&site);
    let district_wide = "Wordt opgepakt voor het hele stadsdeel";
    let city_wide = "Wordt opgepakt voor de hele stad";
    assert!(page(&out, "wijken/meerwijk/2011/13").contains(district_wide));
    assert!(page(&out, "wijken/meerwijk/2011/14").contains(city_wide));
    assert!(page(&out, "en/wijken/meerwijk/2011/14").contains("Taken up for the whole city"));
    assert!(page(&out, "en/wijken/meerwijk/2011/13").contains("Taken up for the whole district"));
    let plain = page(&out, "wijken/meerwijk/2011/7");
    assert!(!plain.contains(district_wide) && !plain.contains(city_wide));

    // Schalkwijk, Meerwijk's district, lists both in a section of their own.
    let schalkwijk = page(&out, "stadsdelen/schalkwijk");
    let heading = "Opgepakt voor het hele stadsdeel of de hele stad";
    let section = &schalkwijk[schalkwijk.find(heading).expect("the section")..];
    assert!(section.contains("href=\"/wijken/meerwijk/2011/13/\""));
    assert!(section.contains("href=\"/wijken/meerwijk/2011/14/\""));
    assert!(item_with(section, "Meer blauw op straat").contains(district_wide));
    assert!(item_with(section, "Hondenpoep in het park").contains(city_wide));
    assert_eq!(section.matches("<li class=\"question").count(), 2);
    // Which neighbourhood asked, since the district has several.
    assert!(item_with(section, "Hondenpoep in het park").contains("Meerwijk"));
    assert!(
        page(&out, "en/stadsdelen/schalkwijk").contains("Taken up for the whole district or city")
    );
    // A district whose neighbourhoods have none has no such section.
    assert!(!page(&out, "stadsdelen/noord").contains(heading));

    // The open data says so too.
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/vragen.json")).unwrap())
            .unwrap();
    let scale = |id: u64| {
        data["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["wijk"] == "meerwijk" && q["jaar"] == 2011 && q["id"] == id)
            .map(|q| q["schaal"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(scale(13), "district");
    assert_eq!(scale(14), "city");
    assert_eq!(scale(7), "neighbourhood");
    let csv = std::fs::read_to_string(out.join("data/vragen.csv")).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(";vrijwilligers_nodig;schaal")
    );
}

#[test]
fn a_council_that_chose_no_contract_is_shown_as_its_own_choice() {
    let site = Site::base();
    site.replace(
        DISTRICTS,
        "      council: Wijkraad Europawijk\n",
        "      council: Wijkraad Europawijk\n    - slug: zuiderpolder\n      name: Zuiderpolder\n      opted_out:\n        since: 2009\n        note: De wijkraad praat liever zelf met de gemeente, op een open avond.\n",
    );
    let (_tmp, out) = build_site(&site);
    let own = page(&out, "wijken/zuiderpolder");
    assert!(
        own.contains(
            "De wijkraad van Zuiderpolder heeft sinds 2009 gekozen voor geen wijkcontract."
        ),
        "{own}"
    );
    assert!(own.contains("De wijkraad praat liever zelf met de gemeente, op een open avond."));
    assert!(!own.contains("Nog geen wijkcontract gepubliceerd"));
    let en = page(&out, "en/wijken/zuiderpolder");
    assert!(
        en.contains("Since 2009, the wijkraad of Zuiderpolder has chosen not to have a neighbourhood contract."),
        "{en}"
    );

    for rel in ["", "wijken", "stadsdelen/schalkwijk"] {
        let html = page(&out, rel);
        let item = item_with(&html, ">Zuiderpolder</a>");
        assert!(
            item.contains("Geen wijkcontract (eigen keuze)"),
            "{rel}: {item}"
        );
        assert!(
            !item.contains("Nog geen wijkcontract gepubliceerd"),
            "{rel}"
        );
        // Europawijk has no contract yet, and did not choose so.
        let other = item_with(&html, ">Europawijk</a>");
        assert!(
            other.contains("Nog geen wijkcontract gepubliceerd"),
            "{rel}"
        );
        assert!(!other.contains("eigen keuze"), "{rel}");
    }
    let en = page(&out, "en/wijken");
    assert!(item_with(&en, ">Zuiderpolder</a>").contains("No neighbourhood contract (own choice)"));
}

#[test]
fn a_council_that_stopped_keeps_its_earlier_contracts() {
    let site = Site::base();
    site.replace(
        DISTRICTS,
        "      council: Wijkraad Delftwijk\n",
        "      council: Wijkraad Delftwijk\n      opted_out: { since: 2011, note: De wijkraad stopt met het wijkcontract. }\n",
    );
    let (_tmp, out) = build_site(&site);
    let own = page(&out, "wijken/delftwijk");
    assert!(
        own.contains("De wijkraad van Delftwijk heeft sinds 2011 gekozen voor geen wijkcontract.")
    );
    assert!(own.contains("href=\"/wijken/delftwijk/2010/\""), "{own}");
    for rel in ["", "wijken", "stadsdelen/noord"] {
        let html = page(&out, rel);
        let item = item_with(&html, ">Delftwijk</a>");
        assert!(item.contains("/wijken/delftwijk/2010/"), "{rel}: {item}");
        assert!(
            item.contains("Geen wijkcontract meer sinds 2011 (eigen keuze)"),
            "{rel}: {item}"
        );
    }
}

#[test]
fn the_opt_out_names_the_council_as_the_site_calls_it() {
    let site = Site::base();
    site.replace(
        SITE_TOML,
        "council = { singular = \"wijkraad\", plural = \"wijkraden\" }",
        "council = { singular = \"wijkplatform\", plural = \"wijkplatforms\" }",
    );
    site.replace(
        DISTRICTS,
        "      council: Wijkraad Europawijk\n",
        "      council: Wijkraad Europawijk\n      opted_out: { since: 2011, note: Het wijkplatform koos voor bewonersavonden. }\n",
    );
    let (_tmp, out) = build_site(&site);
    let own = page(&out, "wijken/europawijk");
    assert!(
        own.contains(
            "Het wijkplatform van Europawijk heeft sinds 2011 gekozen voor geen wijkcontract."
        ),
        "{own}"
    );
}
