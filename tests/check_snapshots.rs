//! The human rendering of `check` (stderr, without colour), pinned with insta:
//! the rustc-style location line, the source excerpt, the underline, its
//! label, and the `help:` line. Review changes with `cargo insta review`, or
//! run with `INSTA_UPDATE=always` and read the diff of tests/snapshots/.

mod common;

use common::*;

fn human(site: &Site) -> String {
    let out = site.check_human();
    assert_eq!(out.status, 1, "{}", out.stderr);
    out.stderr
}

#[test]
fn unknown_partner_with_suggestion() {
    let site = Site::base();
    site.replace(CONTRACT, "partner: elan-wonen\n", "partner: elan-wonnen\n");
    insta::assert_snapshot!("unknown_partner", human(&site));
}

#[test]
fn missing_reason_underlines_the_outcome() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    reason: |\n      Er is dit jaar geen budget voor een nieuwe speeltuin; de bestaande speeltuin wordt in 2013 vernieuwd.\n",
        "",
    );
    insta::assert_snapshot!("missing_reason", human(&site));
}

#[test]
fn duplicate_id_shows_the_first_use() {
    let site = Site::base();
    site.replace(CONTRACT, "  - id: 8\n", "  - id: 7\n");
    insta::assert_snapshot!("duplicate_id", human(&site));
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
    insta::assert_snapshot!("front_matter_and_missing_file", human(&site));
}

#[test]
fn tab_in_indentation() {
    let site = Site::base();
    site.replace(CONTRACT, "    kind: initiative\n", "\tkind: initiative\n");
    insta::assert_snapshot!("tab_in_indentation", human(&site));
}
