//! The human rendering of `check` (stderr, without colour), pinned with insta:
//! the rustc-style location line, the source excerpt, the underline, its
//! label, and the `help:` line. Review changes with `cargo insta review`, or
//! run with `INSTA_UPDATE=always` and read the diff of tests/snapshots/.

mod common;

use common::*;

fn human_in(site: &Site, lang: &str) -> String {
    let out = site.check_human_in(lang);
    assert_eq!(out.status, 1, "{}", out.stderr);
    out.stderr
}

/// Pins the English rendering under `name` and the Dutch one (the default
/// language) under `name_nl`.
fn snapshots(name: &str, site: &Site) {
    insta::assert_snapshot!(name, human_in(site, "en"));
    insta::assert_snapshot!(format!("{name}_nl"), human_in(site, "nl"));
}

#[test]
fn unknown_partner_with_suggestion() {
    let site = Site::base();
    site.replace(CONTRACT, "partner: elan-wonen\n", "partner: elan-wonnen\n");
    snapshots("unknown_partner", &site);
}

#[test]
fn missing_reason_underlines_the_outcome() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    reason: |\n      Er is dit jaar geen budget voor een nieuwe speeltuin; de bestaande speeltuin wordt in 2013 vernieuwd.\n",
        "",
    );
    snapshots("missing_reason", &site);
}

#[test]
fn duplicate_id_shows_the_first_use() {
    let site = Site::base();
    site.replace(CONTRACT, "  - id: 8\n", "  - id: 7\n");
    snapshots("duplicate_id", &site);
}

#[test]
fn front_matter_error_and_a_file_level_error_together() {
    let site = Site::base();
    site.replace(
        UPDATE,
        "date: 2011-10-21\n",
        "date: 2011-10-21\ndaet: 2011-10-21\n",
    );
    // Line 4 of the .md file, though line 3 of its front matter.
    site.remove(TOPICS);
    snapshots("front_matter_and_missing_file", &site);
}

#[test]
fn tab_in_indentation() {
    let site = Site::base();
    site.replace(CONTRACT, "    kind: initiative\n", "\tkind: initiative\n");
    snapshots("tab_in_indentation", &site);
}

// --- Common YAML mistakes, explained at their line (issue 15) ---

#[test]
fn no_space_after_a_colon() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Meer blauw op straat\n",
        "    title:Meer blauw op straat\n",
    );
    snapshots("no_space_after_colon", &site);
}

#[test]
fn a_colon_inside_a_value() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Meer blauw op straat\n",
        "    title: Let op: meer blauw op straat\n",
    );
    snapshots("colon_in_value", &site);
}

#[test]
fn a_value_starting_with_s() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Meer blauw op straat\n",
        "    title: 's Avonds meer blauw op straat\n",
    );
    snapshots("apostrophe_s", &site);
}
