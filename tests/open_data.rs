//! site.toml's `[open_data]`: the catalogue's publisher, creator and contact
//! point. `check` requires them, points at what is missing or wrong in
//! site.toml, and the build puts them in `data/catalog.jsonld`.

mod common;

use common::*;

const OPEN_DATA: &str = "\n[open_data]\npublisher = { name = \"Gemeente Testdorp\" }\ncontact = { name = \"Team Wijkcontracten\", email = \"wijkcontracten@testdorp.example.nl\" }\n";

#[test]
fn a_site_without_open_data_is_told_what_to_add() {
    let site = Site::base();
    site.replace(SITE_TOML, OPEN_DATA, "");
    let text = site.read(SITE_TOML);
    let end = line_col(&text, text.trim_end().len());
    site.check()
        .single("missing-field")
        .at(SITE_TOML, end)
        .message_has("`[open_data]`")
        .help_has("[open_data]\npublisher = { name = ")
        .help_has("contact = { name = ");
}

#[test]
fn publisher_and_contact_are_required() {
    let site = Site::base();
    site.replace(
        SITE_TOML,
        "publisher = { name = \"Gemeente Testdorp\" }\n",
        "",
    );
    site.check()
        .single("missing-field")
        .at(SITE_TOML, site.pos(SITE_TOML, "[open_data]"))
        .message_has("`publisher`");

    let site = Site::base();
    site.replace(
        SITE_TOML,
        "contact = { name = \"Team Wijkcontracten\", email = \"wijkcontracten@testdorp.example.nl\" }\n",
        "",
    );
    site.check()
        .single("missing-field")
        .at(SITE_TOML, site.pos(SITE_TOML, "[open_data]"))
        .message_has("`contact`")
        .help_has("email");

    // A name is required in each.
    let site = Site::base();
    site.replace(
        SITE_TOML,
        "publisher = { name = \"Gemeente Testdorp\" }",
        "publisher = { uri = \"https://identifier.overheid.nl/tooi/id/gemeente/gm0392\" }",
    );
    site.check()
        .single("missing-field")
        .on_line(SITE_TOML, site.line(SITE_TOML, "publisher = "))
        .message_has("`name`");
}

#[test]
fn a_contact_needs_an_address_that_works() {
    let site = Site::base();
    site.replace(
        SITE_TOML,
        ", email = \"wijkcontracten@testdorp.example.nl\"",
        "",
    );
    site.check()
        .single("missing-field")
        .at(SITE_TOML, site.pos(SITE_TOML, "{ name = \"Team"))
        .message_has("neither an `email` nor a `url`");

    let site = Site::base();
    site.replace(
        SITE_TOML,
        "\"wijkcontracten@testdorp.example.nl\"",
        "\"mailto:wijkcontracten@testdorp\"",
    );
    site.check()
        .single("invalid-value")
        .at(SITE_TOML, site.pos(SITE_TOML, "\"mailto:"))
        .message_has("not an e-mail address");

    let site = Site::base();
    site.replace(
        SITE_TOML,
        "{ name = \"Gemeente Testdorp\" }",
        "{ name = \"Gemeente Testdorp\", uri = \"gm0392\" }",
    );
    site.check()
        .single("invalid-value")
        .at(SITE_TOML, site.pos(SITE_TOML, "\"gm0392\""))
        .message_has("not a web address");

    // A contact form alone is enough; an unknown key is a typo.
    let site = Site::base();
    site.replace(
        SITE_TOML,
        "email = \"wijkcontracten@testdorp.example.nl\"",
        "url = \"https://testdorp.example.nl/contact\"",
    );
    site.check().clean();
    let site = Site::base();
    site.replace(SITE_TOML, "email = ", "e-mail = ");
    site.check()
        .single("unknown-key")
        .at(SITE_TOML, site.pos(SITE_TOML, "e-mail"))
        .help_has("[open_data]");
}

#[test]
fn the_catalogue_names_publisher_creator_and_contact() {
    let site = Site::base();
    site.replace(
        SITE_TOML,
        "publisher = { name = \"Gemeente Testdorp\" }",
        "publisher = { name = \"Gemeente Testdorp\", uri = \"https://identifier.overheid.nl/tooi/id/gemeente/gm9999\" }\n\
         creator = { name = \"Wijkbureau Testdorp\" }",
    );
    let out = site.root().join("public");
    let o = std::process::Command::new(BIN)
        .args(["build", "--root"])
        .arg(site.root())
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let catalog: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/catalog.jsonld")).unwrap())
            .unwrap();
    let dataset = &catalog["dcat:dataset"][0];
    for node in [&catalog, dataset] {
        assert_eq!(
            node["dct:publisher"]["@id"],
            "https://identifier.overheid.nl/tooi/id/gemeente/gm9999"
        );
        assert_eq!(
            node["dct:publisher"]["foaf:name"],
            serde_json::json!({ "@value": "Gemeente Testdorp", "@language": "nl" })
        );
        assert_eq!(
            node["dcat:contactPoint"]["vcard:hasEmail"]["@id"],
            "mailto:wijkcontracten@testdorp.example.nl"
        );
    }
    assert_eq!(
        dataset["dct:creator"]["foaf:name"]["@value"],
        "Wijkbureau Testdorp"
    );
    // Media types are IANA IRIs, and each file names its schema.
    let csv = &dataset["dcat:distribution"][0];
    assert_eq!(
        csv["dcat:mediaType"]["@id"],
        "http://www.iana.org/assignments/media-types/text/csv"
    );
    assert_eq!(
        csv["dct:conformsTo"]["@id"],
        "https://wijkcontracten.example.nl/data/vragen.csv.schema.json"
    );
    assert!(out.join("data/vragen.csv.schema.json").is_file());
    assert_eq!(
        dataset["dcat:distribution"][1]["dct:conformsTo"]["@id"],
        "https://wijkcontracten.example.nl/data/vragen.schema.json"
    );
}
