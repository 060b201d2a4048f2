//! Every rule of the spec's "What `check` rejects", and every other diagnostic
//! code that content can trigger, on the base fixture with one small edit.
//! Each case runs the real binary (`check --format json`) and pins the exit
//! status, the code, the file, the line and (where it means something) the column.

mod common;

use common::*;

// ---------------------------------------------------------------- the base

#[test]
fn base_fixture_checks_clean() {
    let site = Site::base();
    site.check().clean();
    let human = site.check_human();
    assert_eq!(human.status, 0);
    assert_eq!(
        human.stderr.trim(),
        "checked 2 contracts with 11 questions, 1 update and 1 page: no problems"
    );
}

#[test]
fn base_fixture_has_every_outcome() {
    let text = Site::base().read(CONTRACT);
    for outcome in [
        "resolved",
        "honoured",
        "scheduled",
        "prioritised",
        "declined",
    ] {
        assert!(
            text.matches(&format!("outcome: {outcome}\n")).count() >= 2 || outcome == "resolved",
            "the base contract needs a few `{outcome}` questions"
        );
    }
}

// ---------------------------------------------------------------- shape

#[test]
fn unknown_key_with_a_suggestion() {
    let site = Site::base();
    site.replace(CONTRACT, "    location: Baden", "    locaton: Baden");
    site.check()
        .single("unknown-key")
        .at(CONTRACT, site.pos(CONTRACT, "locaton"))
        .message_has("`locaton`")
        .help_has("did you mean `location`?");
}

#[test]
fn unknown_key_at_the_top_of_a_contract() {
    let site = Site::base();
    site.replace(CONTRACT, "draft: false\n", "drafts: false\n");
    site.check()
        .single("unknown-key")
        .at(CONTRACT, (5, 1))
        .help_has("did you mean `draft`?");
}

#[test]
fn wrong_type_boolean() {
    let site = Site::base();
    site.replace(CONTRACT, "draft: false", "draft: nee");
    site.check()
        .single("wrong-type")
        .at(CONTRACT, site.pos(CONTRACT, "nee"))
        .message_has("`draft` must be `true` or `false`, not text");
}

#[test]
fn wrong_type_list() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "signatories: [wijkraad, gemeente, elan-wonen, politie]",
        "signatories: wijkraad",
    );
    site.check()
        .single("wrong-type")
        .at(CONTRACT, (3, 14))
        .message_has("must be a list");
}

#[test]
fn wrong_type_mapping() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "period: { from: 2011-04-01, to: 2012-03-31 }",
        "period: 2011",
    );
    let r = site.check();
    // Without a period, nothing else can be judged against it.
    r.single("wrong-type").at(CONTRACT, (1, 9));
}

#[test]
fn invalid_date_that_does_not_exist() {
    let site = Site::base();
    site.replace(CONTRACT, "signed: 2011-04-12", "signed: 2011-02-30");
    site.check()
        .single("invalid-date")
        .at(CONTRACT, (2, 9))
        .message_has("does not exist");
}

#[test]
fn invalid_date_in_a_progress_entry_and_a_when() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "{ date: 2011-06-01, state: started",
        "{ date: 2011-06-31, state: started",
    );
    site.check()
        .single("invalid-date")
        .at(CONTRACT, site.pos(CONTRACT, "2011-06-31"));

    let site = Site::base();
    site.replace(CONTRACT, "when: 2011-10\n", "when: 2011-13\n");
    site.check()
        .single("invalid-date")
        .at(CONTRACT, site.pos(CONTRACT, "2011-13"));

    let site = Site::base();
    site.replace(CONTRACT, "when: 2011-10\n", "when: volgend jaar\n");
    site.check()
        .single("invalid-date")
        .at(CONTRACT, site.pos(CONTRACT, "volgend jaar"))
        .message_has("is not a date");
}

#[test]
fn missing_required_field() {
    let site = Site::base();
    let at = site.pos(CONTRACT, "  - id: 8\n");
    site.replace(CONTRACT, "    title: Speeltuin aan de Kleverlaan\n", "");
    // Points at the question's first key.
    site.check()
        .single("missing-field")
        .at(CONTRACT, (at.0, 5))
        .message_has("`title`");
}

#[test]
fn required_field_present_but_empty() {
    // `partner:` with nothing after it used to drop the question silently.
    let site = Site::base();
    site.replace(CONTRACT, "    partner: politie\n", "    partner:\n");
    site.check()
        .single("missing-field")
        .at(CONTRACT, site.pos(CONTRACT, "partner:\n"))
        .message_has("`partner` is empty");

    let site = Site::base();
    site.replace(
        CONTRACT,
        "period: { from: 2011-04-01, to: 2012-03-31 }",
        "period:",
    );
    site.check()
        .single("missing-field")
        .at(CONTRACT, (1, 1))
        .message_has("`period` is empty");

    let site = Site::base();
    site.replace(
        UPDATE,
        "title: Nieuwe lantaarnpalen in het Floris van Adrichempark",
        "title:",
    );
    site.check().single("missing-field").at(UPDATE, (2, 1));

    let site = Site::base();
    site.replace(TOPICS, "  name: Schoon\n", "  name:\n");
    let r = site.check();
    r.error("missing-field")
        .at(TOPICS, site.pos(TOPICS, "name:\n"));
}

#[test]
fn field_not_applicable_to_the_outcome() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    outcome: resolved\n",
        "    outcome: resolved\n    when: 2011-05\n",
    );
    site.check()
        .single("field-not-applicable")
        .at(CONTRACT, site.pos(CONTRACT, "when: 2011-05"))
        .help_has("honoured and scheduled");
}

#[test]
fn invalid_value_with_a_suggestion() {
    let site = Site::base();
    site.replace(CONTRACT, "outcome: resolved\n", "outcome: solved\n");
    site.check()
        .single("invalid-value")
        .at(CONTRACT, site.pos(CONTRACT, "solved"))
        .help_has("did you mean `resolved`?");
}

#[test]
fn invalid_progress_state_and_ground() {
    let site = Site::base();
    site.replace(CONTRACT, "state: planned }", "state: misschien }");
    site.check()
        .single("invalid-value")
        .at(CONTRACT, site.pos(CONTRACT, "misschien"));

    let site = Site::base();
    site.replace(CONTRACT, "ground: legal", "ground: juridisch");
    site.check()
        .single("invalid-value")
        .at(CONTRACT, site.pos(CONTRACT, "juridisch"))
        .help_has("legal, policy, financial");
}

#[test]
fn invalid_slug_in_districts() {
    let site = Site::base();
    site.replace(DISTRICTS, "slug: europawijk", "slug: Europa_wijk");
    site.check()
        .single("invalid-slug")
        .at(DISTRICTS, site.pos(DISTRICTS, "Europa_wijk"))
        .help_has("try `europa-wijk`");
}

#[test]
fn invalid_slug_in_a_reference_and_a_page_name() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "topic: schoon\n    location",
        "topic: Schoon\n    location",
    );
    site.check()
        .single("invalid-slug")
        .at(CONTRACT, site.pos(CONTRACT, "Schoon"));

    let site = Site::base();
    site.write(
        "content/pages/Over_Ons.md",
        "---\ntitle: Over ons\n---\nTekst.\n",
    );
    site.check()
        .single("invalid-slug")
        .at("content/pages/Over_Ons.md", (1, 1))
        .help_has("over-ons.md");
}

#[test]
fn a_page_may_not_take_a_sections_address() {
    let site = Site::base();
    site.write(
        "content/pages/cijfers.md",
        "---\ntitle: Cijfers\n---\nTekst.\n",
    );
    site.check()
        .single("invalid-file-name")
        .at("content/pages/cijfers.md", (1, 1))
        .message_has("/cijfers/")
        .help_has("over-cijfers.md");
}

#[test]
fn partner_slug_wijkraad_is_reserved() {
    let site = Site::base();
    site.append(PARTNERS, "- slug: wijkraad\n  name: De wijkraad\n");
    site.check()
        .single("invalid-slug")
        .at(PARTNERS, (site.line(PARTNERS, "slug: wijkraad"), 9));
}

// ---------------------------------------------------------------- references

#[test]
fn unknown_partner_with_did_you_mean() {
    let site = Site::base();
    site.replace(CONTRACT, "partner: elan-wonen\n", "partner: elan-wonnen\n");
    site.check()
        .single("unknown-partner")
        .at(CONTRACT, site.pos(CONTRACT, "elan-wonnen"))
        .message_has("`elan-wonnen`")
        .help_has("did you mean `elan-wonen`?");
}

#[test]
fn unknown_partner_without_a_near_miss_lists_the_partners() {
    let site = Site::base();
    site.replace(CONTRACT, "partner: politie\n", "partner: brandweer\n");
    site.check()
        .single("unknown-partner")
        .at(CONTRACT, site.pos(CONTRACT, "brandweer"))
        .help_has("partners.yaml defines: elan-wonen, gemeente, politie, spaarnelanden");
}

#[test]
fn unknown_partner_among_signatories() {
    let site = Site::base();
    site.replace(CONTRACT, "elan-wonen, politie]", "elan-wonen, politei]");
    site.check()
        .single("unknown-partner")
        .at(CONTRACT, site.pos(CONTRACT, "politei"))
        .help_has("did you mean `politie`?");
}

#[test]
fn unknown_topic() {
    let site = Site::base();
    let (line, _) = site.pos(
        CONTRACT,
        "sociaal\n    partner: gemeente\n    asked: Ouders",
    );
    let at = (line, 12);
    site.replace(
        CONTRACT,
        "channel: meeting\n    topic: sociaal\n    partner: gemeente\n    asked: Ouders",
        "channel: meeting\n    topic: socaal\n    partner: gemeente\n    asked: Ouders",
    );
    site.check()
        .single("unknown-topic")
        .at(CONTRACT, at)
        .help_has("did you mean `sociaal`?");
}

#[test]
fn unknown_channel_in_a_question_and_in_collected_via() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "channel: survey\n    topic: heel\n    partner: elan-wonen",
        "channel: enkwete\n    topic: heel\n    partner: elan-wonen",
    );
    site.check()
        .single("unknown-channel")
        .at(CONTRACT, site.pos(CONTRACT, "enkwete"))
        .help_has("consultation-hour");

    let site = Site::base();
    site.replace(
        CONTRACT,
        "[walk, survey, meeting]",
        "[walk, survey, meting]",
    );
    site.check()
        .single("unknown-channel")
        .at(CONTRACT, (6, 31))
        .help_has("did you mean `meeting`?");
}

#[test]
fn unknown_neighbourhood_as_contract_folder() {
    let site = Site::base();
    let file = "content/contracts/europwijk/2010.yaml";
    site.write(file, site.read(EARLIER));
    // The folder name is not inside the file: the start of the file.
    site.check()
        .single("unknown-neighbourhood")
        .at(file, (1, 1))
        .message_has("contracts/europwijk/")
        .help_has("did you mean `europawijk`?");
}

#[test]
fn unknown_neighbourhood_in_an_update() {
    let site = Site::base();
    site.replace(
        UPDATE,
        "neighbourhoods: [meerwijk]",
        "neighbourhoods: [meerwyk]",
    );
    site.check()
        .single("unknown-neighbourhood")
        .at(UPDATE, (5, 18))
        .help_has("did you mean `meerwijk`?");
}

#[test]
fn unknown_neighbourhood_introduction() {
    let site = Site::base();
    site.write("content/neighbourhoods/meerwyk.md", "Tekst.\n");
    site.check()
        .single("unknown-neighbourhood")
        .at("content/neighbourhoods/meerwyk.md", (1, 1))
        .help_has("meerwijk.md");
}

#[test]
fn unknown_district_in_an_update() {
    let site = Site::base();
    site.replace(UPDATE, "districts: [schalkwijk]", "districts: [schalkwyk]");
    site.check()
        .single("unknown-district")
        .at(UPDATE, (6, 13))
        .help_has("did you mean `schalkwijk`?");
}

#[test]
fn duplicate_question_id() {
    let site = Site::base();
    let second = site.pos(CONTRACT, "id: 8\n");
    let first = site.pos(CONTRACT, "id: 7\n");
    site.replace(CONTRACT, "  - id: 8\n", "  - id: 7\n");
    site.check()
        .single("duplicate-id")
        .at(CONTRACT, second)
        .message_has("question id 7 is used twice")
        .help_has("the next free id, 16");
    assert!(first.0 < second.0);
}

#[test]
fn duplicate_question_id_is_reported_even_when_the_question_has_other_errors() {
    let site = Site::base();
    let at = site.pos(CONTRACT, "id: 12\n");
    site.replace(CONTRACT, "  - id: 12\n", "  - id: 7\n");
    site.replace(CONTRACT, "partner: elan-wonen\n", "partner: elan-wonnen\n");
    let r = site.check();
    assert_eq!(r.codes(), ["duplicate-id", "unknown-partner"]);
    r.error("duplicate-id").at(CONTRACT, at);
}

#[test]
fn duplicate_slug() {
    let site = Site::base();
    site.append(TOPICS, "- slug: heel\n  name: Heel 2\n");
    site.check()
        .single("duplicate-slug")
        .at(TOPICS, (10, 9))
        .message_has("the topic `heel` is defined twice");

    let site = Site::base();
    let second = site.pos(DISTRICTS, "delftwijk");
    site.replace(DISTRICTS, "slug: delftwijk", "slug: meerwijk");
    // The second neighbourhood of that slug; contracts/delftwijk/ then names
    // no neighbourhood any more.
    let r = site.check();
    r.error("duplicate-slug").at(DISTRICTS, second);
    r.error("unknown-neighbourhood").at(EARLIER, (1, 1));
}

#[test]
fn follows_points_to_nothing() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "follows: delftwijk/2010/4",
        "follows: delftwijk/2010/5",
    );
    site.check()
        .single("unknown-question")
        .at(CONTRACT, site.pos(CONTRACT, "delftwijk/2010/5"))
        .message_has("this question follows `delftwijk/2010/5`, which does not exist")
        .help_has("did you mean `delftwijk/2010/4`?");
}

#[test]
fn follows_must_point_to_an_earlier_contract() {
    let site = Site::base();
    site.replace(
        EARLIER,
        "    title: Groenstrook Harry Mulischstraat\n",
        "    title: Groenstrook Harry Mulischstraat\n    follows: meerwijk/2011/7\n",
    );
    site.check()
        .single("invalid-value")
        .at(EARLIER, site.pos(EARLIER, "meerwijk/2011/7"))
        .message_has("not earlier");
}

#[test]
fn follows_that_is_not_a_reference() {
    let site = Site::base();
    site.replace(CONTRACT, "follows: delftwijk/2010/4", "follows: vorig jaar");
    site.check()
        .single("invalid-value")
        .at(CONTRACT, site.pos(CONTRACT, "vorig jaar"))
        .message_has("is not a question reference");
}

#[test]
fn update_links_to_a_question_that_does_not_exist() {
    let site = Site::base();
    site.replace(
        UPDATE,
        "questions: [meerwijk/2011/7]",
        "questions: [meerwijk/2011/70]",
    );
    site.check()
        .single("unknown-question")
        .at(UPDATE, (7, 13))
        .message_has("this update links to `meerwijk/2011/70`");
}

// ---------------------------------------------------------------- outcomes

#[test]
fn declined_without_reason() {
    let site = Site::base();
    let at = site.pos_after(CONTRACT, "aan de Kleverlaan.\n    outcome: ");
    site.replace(
        CONTRACT,
        "    reason: |\n      Er is dit jaar geen budget voor een nieuwe speeltuin; de bestaande speeltuin wordt in 2013 vernieuwd.\n",
        "",
    );
    site.check()
        .single("missing-reason")
        .at(CONTRACT, at)
        .message_has("a `declined` answer needs `reason`");
}

#[test]
fn declined_with_an_empty_reason() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    reason: De Europaweg is een doorgaande weg; drempels zijn daar niet toegestaan.\n",
        "    reason:\n",
    );
    let at = site.pos_after(CONTRACT, "op de Europaweg.\n    outcome: ");
    site.check().single("missing-reason").at(CONTRACT, at);
}

#[test]
fn declined_with_an_empty_ground() {
    // `ground:` with nothing after it used to pass, dropping the question.
    let site = Site::base();
    let at = site.pos_after(CONTRACT, "aan de Kleverlaan.\n    outcome: ");
    site.replace(CONTRACT, "    ground: financial\n", "    ground:\n");
    site.check().single("missing-ground").at(CONTRACT, at);
}

#[test]
fn an_invalid_value_is_not_also_reported_as_missing() {
    for (from, to, code, bad) in [
        (
            "when: 2011-10\n",
            "when: 2011-13\n",
            "invalid-date",
            "2011-13",
        ),
        (
            "report_by: 2012-06",
            "report_by: 2012-13",
            "invalid-date",
            "2012-13",
        ),
        (
            "planning_adjusted: false",
            "planning_adjusted: nee",
            "wrong-type",
            "nee",
        ),
        (
            "ground: legal",
            "ground: juridisch",
            "invalid-value",
            "juridisch",
        ),
        (
            "reason: De Europaweg is een doorgaande weg; drempels zijn daar niet toegestaan.",
            "reason: [drempels]",
            "wrong-type",
            "[drempels]",
        ),
    ] {
        let site = Site::base();
        site.replace(CONTRACT, from, to);
        site.check()
            .single(code)
            .at(CONTRACT, site.pos(CONTRACT, bad));
    }
}

#[test]
fn declined_without_ground() {
    let site = Site::base();
    let at = site.pos_after(CONTRACT, "aan de Kleverlaan.\n    outcome: ");
    site.replace(CONTRACT, "    ground: financial\n", "");
    site.check()
        .single("missing-ground")
        .at(CONTRACT, at)
        .help_has("legal, policy or financial");
}

#[test]
fn honoured_without_when() {
    let site = Site::base();
    let at = site.pos_after(
        CONTRACT,
        "langs de vijver.\n    partner: gemeente\n    outcome: ",
    );
    site.replace(CONTRACT, "    when: 2011-10\n", "");
    site.check()
        .single("missing-when")
        .at(CONTRACT, at)
        .message_has("an `honoured` answer needs `when`");
}

#[test]
fn scheduled_without_when() {
    let site = Site::base();
    let at = site.pos_after(CONTRACT, "ligt scheef.\n    outcome: ");
    site.replace(CONTRACT, "    when: 2013\n", "");
    site.check()
        .single("missing-when")
        .at(CONTRACT, at)
        .message_has("a `scheduled` answer needs `when`");
}

#[test]
fn scheduled_not_adjusted_without_reason() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    reason: Het plein wordt meegenomen in het groot onderhoud van 2013; eerder kan niet.\n",
        "",
    );
    // Points at `planning_adjusted: false`, the statement that needs the reason.
    site.check()
        .single("missing-reason")
        .at(CONTRACT, site.pos(CONTRACT, "planning_adjusted: false"))
        .message_has("not brought forward");
}

#[test]
fn scheduled_adjusted_needs_no_reason() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    reason: Op verzoek van de wijkraad een jaar naar voren gehaald.\n",
        "",
    );
    site.check().clean();
}

#[test]
fn scheduled_without_planning_adjusted() {
    let site = Site::base();
    let at = site.pos_after(CONTRACT, "ligt scheef.\n    outcome: ");
    site.replace(CONTRACT, "    planning_adjusted: false\n", "");
    site.check()
        .single("missing-planning-adjusted")
        .at(CONTRACT, at);
}

#[test]
fn prioritised_without_report_by() {
    let site = Site::base();
    let at = site.pos_after(CONTRACT, "wijkagent weinig.\n    outcome: ");
    site.replace(CONTRACT, "    report_by: 2012-06\n", "");
    site.check().single("missing-report-by").at(CONTRACT, at);
}

#[test]
fn honoured_when_outside_the_period() {
    let site = Site::base();
    site.replace(CONTRACT, "when: 2011-10\n", "when: 2012-10\n");
    site.check()
        .single("when-outside-period")
        .at(CONTRACT, site.pos(CONTRACT, "2012-10"))
        .message_has("2011-04-01 to 2012-03-31");
}

#[test]
fn honoured_when_overlapping_the_period_is_accepted() {
    // 2012 overlaps a period that ends 2012-03-31; 2011-Q2 one that starts 2011-04-01.
    let site = Site::base();
    site.replace(CONTRACT, "when: 2012-02\n", "when: 2012\n");
    site.replace(CONTRACT, "when: 2011-10\n", "when: 2011-Q2\n");
    site.check().clean();
}

#[test]
fn when_out_of_range() {
    let site = Site::base();
    site.replace(CONTRACT, "    when: 2013\n", "    when: 2113\n");
    site.check()
        .single("when-out-of-range")
        .at(CONTRACT, site.pos(CONTRACT, "2113"))
        .help_has("between 2010 and 2031");

    let site = Site::base();
    site.replace(CONTRACT, "report_by: 2012-06", "report_by: 1912-06");
    site.check()
        .single("when-out-of-range")
        .at(CONTRACT, site.pos(CONTRACT, "1912-06"));
}

#[test]
fn progress_out_of_order() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "{ date: 2011-06-01, state: started",
        "{ date: 2011-11-01, state: started",
    );
    site.check()
        .single("progress-out-of-order")
        .at(CONTRACT, site.pos(CONTRACT, "2011-10-20"))
        .message_has("2011-10-20 comes before the entry above it (2011-11-01)");
}

#[test]
fn progress_date_in_the_future() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "{ date: 2011-10-20, state: done",
        "{ date: 2012-01-20, state: done",
    );
    site.check()
        .single("date-in-future")
        .at(CONTRACT, site.pos(CONTRACT, "2012-01-20"))
        .message_has("today is 2011-12-31");
}

#[test]
fn decision_and_dispute_dates_in_the_future() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "decision: { date: 2011-11-30",
        "decision: { date: 2012-11-30",
    );
    site.check()
        .single("date-in-future")
        .at(CONTRACT, site.pos(CONTRACT, "2012-11-30"));

    let site = Site::base();
    site.replace(
        CONTRACT,
        "disputed: { date: 2011-09-01",
        "disputed: { date: 2012-09-01",
    );
    site.check()
        .single("date-in-future")
        .at(CONTRACT, site.pos(CONTRACT, "2012-09-01"));
}

#[test]
fn as_of_on_the_command_line_overrides_site_toml() {
    // On 2011-08-01 the progress entry of 2011-10-20 has not happened yet.
    let site = Site::base();
    let r = site.check_with(&["--as-of", "2011-08-01T12:00"]);
    let future: Vec<&Diag> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "date-in-future")
        .collect();
    assert_eq!(r.status, 1);
    assert!(
        future
            .iter()
            .any(|d| d.line == site.line(CONTRACT, "2011-10-20") && d.file == CONTRACT),
        "{:#?}",
        r.diagnostics
    );
}

#[test]
fn year_mismatch() {
    let site = Site::base();
    site.replace(EARLIER, "from: 2010-04-01", "from: 2009-04-01");
    site.check()
        .single("year-mismatch")
        .at(EARLIER, (1, 9))
        .message_has("the file is named 2010.yaml, but the period starts in 2009");
}

#[test]
fn period_ends_before_it_starts() {
    let site = Site::base();
    site.replace(CONTRACT, "to: 2012-03-31", "to: 2011-03-31");
    site.check()
        .single("period-order")
        .at(CONTRACT, site.pos(CONTRACT, "2011-03-31"));
}

#[test]
fn contract_without_questions() {
    let site = Site::base();
    let text = site.read(EARLIER);
    let head = text.split("questions:").next().unwrap().to_string();
    site.write(EARLIER, format!("{head}questions: []\n"));
    let r = site.check();
    // The question that `follows` delftwijk/2010/4 now follows nothing.
    r.error("no-questions").at(EARLIER, (5, 1));
    r.error("unknown-question")
        .at(CONTRACT, site.pos(CONTRACT, "delftwijk/2010/4"));
    assert_eq!(r.diagnostics.len(), 2);

    let site = Site::base();
    site.write(EARLIER, head);
    let r = site.check();
    r.error("no-questions").at(EARLIER, (1, 1));
}

// ---------------------------------------------------------------- personal data

#[test]
fn personal_data_email() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "Bewoners zien de wijkagent weinig.",
        "Bewoners zien de wijkagent weinig, schrijft jan.jansen@gmail.com.",
    );
    site.check()
        .single("personal-data")
        .at(CONTRACT, site.pos(CONTRACT, "jan.jansen@gmail.com"))
        .message_has("an e-mail address")
        .help_has("[privacy] allow");
}

#[test]
fn personal_data_phone_number() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "Er komen extra prullenbakken en borden.",
        "Er komen extra prullenbakken. Bel mevrouw op 06-12345678.",
    );
    site.check()
        .single("personal-data")
        .at(CONTRACT, site.pos(CONTRACT, "06-12345678"))
        .message_has("a phone number");
}

#[test]
fn personal_data_postcode_with_house_number_in_markdown() {
    let site = Site::base();
    site.replace(
        UPDATE,
        "de vijver. De gemeente",
        "de vijver, bij Kleverlaan 12, 2023 AB Haarlem. De gemeente",
    );
    // Counted from the top of the .md file, front matter included.
    site.check()
        .single("personal-data")
        .at(UPDATE, site.pos(UPDATE, "Kleverlaan 12, 2023 AB"))
        .message_has("a postcode with a house number");
}

#[test]
fn personal_data_citizen_service_number() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "location: Floris van Adrichempark",
        "location: dossier 111222333",
    );
    site.check()
        .single("personal-data")
        .at(CONTRACT, site.pos(CONTRACT, "111222333"))
        .message_has("a citizen service number (BSN)");
}

#[test]
fn personal_data_in_a_page() {
    let site = Site::base();
    site.append(PAGE, "\nOf bel de beheerder op 023-5115115.\n");
    site.check()
        .single("personal-data")
        .at(PAGE, site.pos(PAGE, "023-5115115"));
}

#[test]
fn allow_list_lets_public_contact_details_through() {
    // The base site mentions "14 023" and info@example.nl in a contract and a
    // page; site.toml allows them.
    let site = Site::base();
    assert!(
        site.read(CONTRACT)
            .contains("Bel 14 023 of mail info@example.nl")
    );
    assert!(site.read(PAGE).contains("info@example.nl"));
    site.check().clean();

    // Without the allow list the address is reported, in both files.
    site.replace(
        SITE_TOML,
        "allow = [\"14 023\", \"info@example.nl\"]",
        "allow = []",
    );
    let r = site.check();
    assert_eq!(r.status, 1);
    let found: Vec<(&str, usize)> = r
        .diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.code, "personal-data");
            (d.file.as_str(), d.line)
        })
        .collect();
    assert_eq!(
        found,
        [
            (CONTRACT, site.line(CONTRACT, "info@example.nl")),
            (PAGE, site.line(PAGE, "info@example.nl")),
        ]
    );
}

#[test]
fn allow_list_matches_phone_numbers_however_they_are_spaced() {
    let site = Site::base();
    site.append(PAGE, "\nHet wijkcentrum: 023 511 5115.\n");
    site.check().single("personal-data");
    site.replace(
        SITE_TOML,
        "allow = [\"14 023\", \"info@example.nl\"]",
        "allow = [\"14 023\", \"info@example.nl\", \"023-5115115\"]",
    );
    site.check().clean();
}

// ---------------------------------------------------------------- YAML syntax and safety

#[test]
fn duplicate_key() {
    let site = Site::base();
    let at = site.pos(
        CONTRACT,
        "    channel: walk\n    topic: schoon\n    location",
    );
    site.replace(
        CONTRACT,
        "    channel: walk\n    topic: schoon\n    location",
        "    channel: walk\n    channel: walk\n    topic: schoon\n    location",
    );
    // The second `channel`, one line below the first.
    site.check()
        .single("duplicate-key")
        .at(CONTRACT, (at.0 + 1, 5))
        .message_has("channel");
}

#[test]
fn tab_indentation_points_at_the_tab() {
    for (from, to) in [
        // A tab instead of the indentation of a key.
        ("    kind: initiative\n", "\tkind: initiative\n"),
        // A tab after spaces.
        (
            "    channel: meeting\n    topic: sociaal\n    partner: gemeente\n    asked: Ouders",
            "  \tchannel: meeting\n    topic: sociaal\n    partner: gemeente\n    asked: Ouders",
        ),
        // A tab before a list item.
        ("  - id: 8\n", "\t- id: 8\n"),
    ] {
        let site = Site::base();
        site.replace(CONTRACT, from, to);
        site.check()
            .single("yaml-syntax")
            .at(CONTRACT, site.pos(CONTRACT, "\t"))
            .help_has("never tabs");
    }
}

#[test]
fn syntax_error_unclosed_quote() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Speeltuin aan de Kleverlaan",
        "    title: \"Speeltuin aan de Kleverlaan",
    );
    site.check()
        .single("yaml-syntax")
        .at(CONTRACT, site.pos(CONTRACT, "\"Speeltuin"))
        .message_has("unclosed quote");
}

#[test]
fn syntax_error_bad_indentation_and_stray_colon() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    channel: meeting\n    topic: sociaal\n    partner: gemeente\n    asked: Ouders",
        "   channel: meeting\n    topic: sociaal\n    partner: gemeente\n    asked: Ouders",
    );
    // The parser reports the line whose indentation does not fit, at its first character.
    site.check().single("yaml-syntax").at(
        CONTRACT,
        site.pos(
            CONTRACT,
            "channel: meeting\n    topic: sociaal\n    partner: gemeente\n    asked: Ouders",
        ),
    );

    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Speeltuin aan de Kleverlaan",
        "    title: Speeltuin: aan de Kleverlaan",
    );
    site.check()
        .single("yaml-syntax")
        .at(CONTRACT, site.pos(CONTRACT, ": aan de"));
}

#[test]
fn syntax_error_unclosed_bracket() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "[walk, survey, meeting]",
        "[walk, survey, meeting",
    );
    // The parser notices at the `:` of the next line, where the list cannot go on.
    site.check()
        .single("yaml-syntax")
        .at(CONTRACT, site.pos(CONTRACT, ":\n  - id: 1\n"));
}

#[test]
fn non_utf8_bytes() {
    let site = Site::base();
    let text = site.read(CONTRACT);
    let at = site.pos_after(CONTRACT, "title: Speeltuin ");
    let bytes = text
        .replace("Speeltuin aan", "Speeltuin \u{0}")
        .into_bytes()
        .into_iter()
        .map(|b| if b == 0 { 0xE0 } else { b })
        .collect::<Vec<u8>>();
    site.write(CONTRACT, bytes);
    // The first bad byte; references into the unreadable contract are not judged.
    site.check()
        .single("not-utf8")
        .at(CONTRACT, at)
        .help_has("UTF-8");
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let site = Site::base();
    let mut bomb = String::from("- slug: &a [x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        bomb.push_str(&format!(
            "  {name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
    }
    site.write(TOPICS, &bomb);
    let started = std::time::Instant::now();
    let r = site.check();
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
    // Where the node budget runs out is the parser's affair: somewhere in the bomb.
    let d = r.single("yaml-too-complex");
    assert_eq!(d.file, TOPICS);
    assert!((1..=9).contains(&d.line), "{d:#?}");
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    for deep in [
        "[".repeat(10_000),
        "{a: ".repeat(10_000),
        format!("{}x\n", "- ".repeat(10_000)),
    ] {
        let site = Site::base();
        site.write(TOPICS, &deep);
        let started = std::time::Instant::now();
        let r = site.check();
        assert!(started.elapsed().as_secs() < 10);
        // All on line 1; no cascade into the contracts that use the topics.
        r.single("yaml-too-complex").on_line(TOPICS, 1);
    }
    // Twenty-one levels in block style already exceed the limit.
    let site = Site::base();
    let block: String = (0..30).map(|i| format!("{}k:\n", "  ".repeat(i))).collect();
    site.write(TOPICS, &block);
    let d = site.check();
    let d = d.single("yaml-too-complex");
    assert_eq!(d.file, TOPICS);
    assert!((20..=22).contains(&d.line), "{d:#?}");
}

#[test]
fn empty_files() {
    let site = Site::base();
    site.write(TOPICS, "");
    site.check().single("empty-file").at(TOPICS, (1, 1));

    let site = Site::base();
    site.write(EARLIER, "\n   \n");
    site.check().single("empty-file").at(EARLIER, (1, 1));

    // An empty front-matter block: reported where the YAML would start.
    let site = Site::base();
    site.write(UPDATE, "---\n---\nTekst.\n");
    site.check().single("empty-file").at(UPDATE, (2, 1));
}

#[test]
fn front_matter_lines_count_from_the_top_of_the_markdown_file() {
    let site = Site::base();
    site.replace(
        UPDATE,
        "date: 2011-10-21\n",
        "date: 2011-10-21\ndaet: 2011-10-21\n",
    );
    // Line 1 is the opening `---`: `daet` is on line 4 of the file.
    site.check()
        .single("unknown-key")
        .at(UPDATE, (4, 1))
        .help_has("did you mean `date`?");

    let site = Site::base();
    site.replace(UPDATE, "date: 2011-10-21\n", "date: 2011-02-30\n");
    site.check().single("invalid-date").at(UPDATE, (3, 7));

    let site = Site::base();
    site.replace(
        UPDATE,
        "questions: [meerwijk/2011/7]",
        "questions: [meerwijk/2011/7",
    );
    site.check()
        .single("yaml-syntax")
        .at(UPDATE, site.pos_after(UPDATE, "publish_from"));
}

#[test]
fn front_matter_lines_with_a_byte_order_mark_and_crlf() {
    let site = Site::base();
    let text = site
        .read(UPDATE)
        .replace("date: 2011-10-21\n", "date: 2011-10-21\ndaet: 2011-10-21\n")
        .replace('\n', "\r\n");
    site.write(UPDATE, format!("\u{feff}{text}"));
    site.check().single("unknown-key").at(UPDATE, (4, 1));
}

#[test]
fn front_matter_not_closed() {
    let site = Site::base();
    site.replace(
        UPDATE,
        "publish_from: 2011-10-21T09:00\n---\n",
        "publish_from: 2011-10-21T09:00\n",
    );
    site.check()
        .single("front-matter")
        .at(UPDATE, (1, 1))
        .help_has("`---`");
}

#[test]
fn update_and_page_without_front_matter() {
    let site = Site::base();
    site.write("content/updates/2011-11-01-stand.md", "Alleen tekst.\n");
    site.check()
        .single("missing-field")
        .at("content/updates/2011-11-01-stand.md", (1, 1))
        .message_has("no front matter");

    let site = Site::base();
    site.write("content/pages/contact.md", "Alleen tekst.\n");
    site.check()
        .single("missing-field")
        .at("content/pages/contact.md", (1, 1));
}

// ---------------------------------------------------------------- files

#[test]
fn missing_site_toml() {
    let site = Site::base();
    site.remove(SITE_TOML);
    let r = site.check();
    r.error("missing-file")
        .at(SITE_TOML, (1, 1))
        .help_has("--root");
    // Without site.toml nothing is allowed: its allowed address is reported too.
    assert!(
        r.codes()
            .iter()
            .all(|c| ["missing-file", "personal-data"].contains(c))
    );
}

#[test]
fn missing_catalog_file_is_reported_once() {
    let site = Site::base();
    site.remove(TOPICS);
    // Not also an "unknown topic" for every question.
    site.check()
        .single("missing-file")
        .at(TOPICS, (1, 1))
        .message_has("content/topics.yaml is missing");
}

#[test]
fn broken_catalog_does_not_make_every_reference_unknown() {
    let site = Site::base();
    site.replace(PARTNERS, "- slug: politie", "-slug: politie:");
    let r = site.check();
    let d = r.single("yaml-syntax");
    assert_eq!(d.file, PARTNERS);

    let site = Site::base();
    site.write(DISTRICTS, "slug: schalkwijk\n");
    site.check()
        .single("wrong-type")
        .at(DISTRICTS, (1, 1))
        .message_has("must be a list");
}

#[test]
fn base_url_that_is_not_a_web_address() {
    for (bad, why) in [
        ("wijkcontracten.haarlem.nl", "`https://`"),
        ("https://www.haarlem.nl/wijk?x=1", "query"),
        ("https://www.haarlem.nl/mijn wijk/", "space"),
    ] {
        let site = Site::base();
        site.replace(
            SITE_TOML,
            "base_url = \"https://wijkcontracten.example.nl\"",
            &format!("base_url = \"{bad}\""),
        );
        site.check()
            .single("base-url-invalid")
            .at(SITE_TOML, (3, 12))
            .message_has(why)
            .help_has("https://www.haarlem.nl/wijkcontracten/");
    }
    // A path is where the site lives on its host: not a problem.
    let site = Site::base();
    site.replace(
        SITE_TOML,
        "base_url = \"https://wijkcontracten.example.nl\"",
        "base_url = \"https://www.haarlem.nl/wijkcontracten/\"",
    );
    site.check().clean();
}

#[test]
fn unknown_key_in_site_toml() {
    let site = Site::base();
    site.replace(SITE_TOML, "theme = \"default\"", "thema = \"default\"");
    // One error only: the allow list still applies while site.toml has an error.
    site.check()
        .single("unknown-key")
        .at(SITE_TOML, (6, 1))
        .message_has("`thema`")
        .help_has("site.toml knows");
}

#[test]
fn unknown_key_in_a_site_toml_table() {
    let site = Site::base();
    site.replace(SITE_TOML, "[privacy]\n", "[privacy]\ntoestaan = []\n");
    site.check()
        .single("unknown-key")
        .at(SITE_TOML, site.pos(SITE_TOML, "toestaan"));
}

#[test]
fn site_toml_syntax_type_and_missing_title() {
    let site = Site::base();
    site.replace(SITE_TOML, "[notice]", "[notice");
    let r = site.check();
    r.error("toml-syntax")
        .on_line(SITE_TOML, site.line(SITE_TOML, "[notice"));

    let site = Site::base();
    site.replace(
        SITE_TOML,
        "title = \"Wijkcontracten Testdorp\"",
        "title = 5",
    );
    site.check().single("toml-syntax").at(SITE_TOML, (1, 9));

    let site = Site::base();
    site.replace(SITE_TOML, "title = \"Wijkcontracten Testdorp\"\n", "");
    site.check()
        .single("missing-field")
        .at(SITE_TOML, (1, 1))
        .message_has("`title`");
}

#[test]
fn site_toml_as_of_that_is_not_a_date() {
    let site = Site::base();
    site.replace(SITE_TOML, "as_of = 2011-12-31T12:00:00", "as_of = 12:00:00");
    let r = site.check();
    r.error("invalid-date")
        .at(SITE_TOML, site.pos(SITE_TOML, "as_of"));
}

#[test]
fn invalid_file_names() {
    let site = Site::base();
    let file = "content/updates/lantaarnpalen.md";
    site.write(file, site.read(UPDATE));
    site.remove(UPDATE);
    site.check()
        .single("invalid-file-name")
        .at(file, (1, 1))
        .help_has("2011-10-21-lantaarnpalen.md");

    let site = Site::base();
    let file = "content/contracts/europawijk/11.yaml";
    site.write(file, site.read(EARLIER));
    site.check()
        .single("invalid-file-name")
        .at(file, (1, 1))
        .message_has("`11.yaml` is not named after a year");
}

#[test]
fn file_too_large() {
    let site = Site::base();
    let file = "content/pages/groot.md";
    let mut text = String::from("---\ntitle: Groot\n---\n");
    text.push_str(&"a".repeat(10 * 1024 * 1024 + 1));
    site.write(file, text);
    site.check()
        .single("file-too-large")
        .at(file, (1, 1))
        .message_has("the limit for one file is 10 MB");
}

#[cfg(unix)]
#[test]
fn link_outside_the_site_is_refused() {
    let site = Site::base();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("geheim.md");
    std::fs::write(&secret, "---\ntitle: Geheim\n---\nGeheim.\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.path("content/pages/geheim.md")).unwrap();
    site.check()
        .single("unreadable-file")
        .at("content/pages/geheim.md", (1, 1))
        .message_has("outside the site folder");
}

#[test]
fn redirect_that_is_not_a_path() {
    let site = Site::base();
    let file = "content/redirects.yaml";
    site.write(file, "- { from: /wijken/oud/, to: /wijken/meerwijk/ }\n- { from: wijken/weg/, to: /wijken/meerwijk/ }\n");
    site.check()
        .single("invalid-value")
        .at(file, (2, 11))
        .message_has("is not a path on this site");
}

// ---------------------------------------------------------------- warnings

#[test]
fn unexpected_file_is_a_warning() {
    let site = Site::base();
    site.write("content/notities.txt", "hallo\n");
    site.check()
        .single_warning("unexpected-file")
        .at("content/notities.txt", (1, 1));

    let site = Site::base();
    site.write("content/topics.yml", "- slug: x\n  name: X\n");
    site.check()
        .single_warning("unexpected-file")
        .help_has("end in .yaml");
}

#[test]
fn narrative_without_contract_is_a_warning() {
    let site = Site::base();
    site.write("content/contracts/meerwijk/2012.md", "Verhaal.\n");
    site.check()
        .single_warning("unexpected-file")
        .at("content/contracts/meerwijk/2012.md", (1, 1));
}

#[test]
fn front_matter_in_a_narrative_is_a_warning() {
    let site = Site::base();
    site.write(
        "content/contracts/meerwijk/2011.md",
        "---\ntitle: x\n---\nVerhaal.\n",
    );
    site.check()
        .single_warning("unknown-key")
        .at("content/contracts/meerwijk/2011.md", (1, 1));
}

#[test]
fn update_date_differs_from_its_file_name() {
    let site = Site::base();
    site.replace(UPDATE, "date: 2011-10-21\n", "date: 2011-10-22\n");
    site.check()
        .single_warning("date-mismatch")
        .at(UPDATE, (3, 7));
}

#[test]
fn public_update_linking_into_a_draft_contract() {
    let site = Site::base();
    site.replace(CONTRACT, "draft: false", "draft: true");
    site.check()
        .single_warning("hidden-reference")
        .at(UPDATE, (7, 13));

    // An embargo that has not lifted yet counts the same.
    let site = Site::base();
    site.replace(
        CONTRACT,
        "publish_from: 2011-04-14T10:00",
        "publish_from: 2012-01-14T10:00",
    );
    site.check()
        .single_warning("hidden-reference")
        .at(UPDATE, (7, 13));
}

// ---------------------------------------------------------------- the promise record

/// Gives question 14 (`honoured`, `when: 2012-02`, not done yet) these moves
/// of its deadline, one `- { … }` line each.
fn moved(site: &Site, moves: &[&str]) {
    let list: String = moves.iter().map(|m| format!("      - {m}\n")).collect();
    site.replace(
        CONTRACT,
        "    when: 2012-02\n",
        &format!("    when: 2012-02\n    rescheduled:\n{list}"),
    );
}

/// Gives question 8 (`declined`) these earlier answers, one `- { … }` line each.
fn revised(site: &Site, revisions: &[&str]) {
    let list: String = revisions.iter().map(|r| format!("      - {r}\n")).collect();
    site.replace(
        CONTRACT,
        "    ground: financial\n",
        &format!("    ground: financial\n    revised:\n{list}"),
    );
}

#[test]
fn moves_and_revisions_check_clean() {
    let site = Site::base();
    moved(
        &site,
        &[
            "{ date: 2011-11-15, when: 2012-03, reason: De aannemer is failliet. }",
            "{ date: 2011-12-20, when: 2012-Q2, reason: De nieuwe aannemer begint later. }",
        ],
    );
    site.replace(
        CONTRACT,
        "    report_by: 2012-06\n",
        "    report_by: 2012-06\n    rescheduled:\n      - { date: 2011-12-01, report_by: 2012-09, reason: De begroting is later klaar. }\n",
    );
    site.replace(
        CONTRACT,
        "    when: 2013\n",
        "    when: 2013\n    rescheduled: [{ date: 2011-10-01, when: 2014, reason: Het groot onderhoud begint een jaar later. }]\n",
    );
    revised(
        &site,
        &[
            "{ date: 2011-06-01, from: scheduled, reason: De planning bleek niet te halen. }",
            "{ date: 2011-09-01, from: honoured, reason: Het budget is naar de renovatie gegaan. }",
        ],
    );
    site.check().clean();
}

#[test]
fn a_move_dated_before_the_one_above() {
    let site = Site::base();
    moved(
        &site,
        &[
            "{ date: 2011-11-15, when: 2012-03, reason: De aannemer is failliet. }",
            "{ date: 2011-10-01, when: 2012-Q2, reason: De nieuwe aannemer begint later. }",
        ],
    );
    site.check()
        .single("history-out-of-order")
        .at(CONTRACT, site.pos(CONTRACT, "2011-10-01"))
        .message_has("dated 2011-10-01, before the entry above it (2011-11-15)")
        .help_has("oldest first");
}

#[test]
fn a_revision_dated_before_the_one_above() {
    let site = Site::base();
    revised(
        &site,
        &[
            "{ date: 2011-09-01, from: scheduled, reason: De planning bleek niet te halen. }",
            "{ date: 2011-06-01, from: honoured, reason: Het budget is naar de renovatie gegaan. }",
        ],
    );
    site.check()
        .single("history-out-of-order")
        .at(CONTRACT, site.pos(CONTRACT, "2011-06-01, from"))
        .message_has("before the entry above it (2011-09-01)");
}

#[test]
fn a_move_that_keeps_the_deadline() {
    // The first move must change the promise as signed…
    let site = Site::base();
    moved(
        &site,
        &["{ date: 2011-11-15, when: 2012-02, reason: De aannemer is failliet. }"],
    );
    site.check()
        .single("move-unchanged")
        .at(CONTRACT, site.pos_after(CONTRACT, "2011-11-15, when: "))
        .message_has("does not change the deadline: it is 2012-02 already")
        .help_has("write the new `when`");

    // …and each later move the one before it.
    let site = Site::base();
    moved(
        &site,
        &[
            "{ date: 2011-11-15, when: 2012-03, reason: De aannemer is failliet. }",
            "{ date: 2011-12-20, when: 2012-03, reason: Nog steeds geen aannemer. }",
        ],
    );
    site.check()
        .single("move-unchanged")
        .at(CONTRACT, site.pos_after(CONTRACT, "2011-12-20, when: "));
}

#[test]
fn a_revision_from_the_answer_it_already_is() {
    // `from` equal to the current outcome.
    let site = Site::base();
    revised(
        &site,
        &["{ date: 2011-06-01, from: declined, reason: Het budget is op. }"],
    );
    site.check()
        .single("revision-unchanged")
        .at(CONTRACT, site.pos_after(CONTRACT, "2011-06-01, from: "))
        .message_has("`from: declined` is the answer as it is now")
        .help_has("the answer as it was before this change");

    // `from` equal to the next entry's `from`.
    let site = Site::base();
    revised(
        &site,
        &[
            "{ date: 2011-06-01, from: honoured, reason: De planning bleek niet te halen. }",
            "{ date: 2011-09-01, from: honoured, reason: Het budget is naar de renovatie gegaan. }",
        ],
    );
    site.check()
        .single("revision-unchanged")
        .at(CONTRACT, site.pos_after(CONTRACT, "2011-06-01, from: "))
        .message_has("also where the next change starts");

    // An entry that is incomplete still stands between its neighbours.
    let site = Site::base();
    revised(
        &site,
        &[
            "{ date: 2011-05-01, from: honoured, reason: De planning bleek niet te halen. }",
            "{ date: 2011-06-01, from: scheduled }",
            "{ date: 2011-09-01, from: honoured, reason: Het budget is naar de renovatie gegaan. }",
        ],
    );
    site.check().single("missing-reason");
}

#[test]
fn a_move_or_revision_without_reason() {
    let site = Site::base();
    moved(&site, &["{ date: 2011-11-15, when: 2012-03 }"]);
    site.check()
        .single("missing-reason")
        .at(CONTRACT, site.pos(CONTRACT, "date: 2011-11-15"))
        .message_has("has no `reason`")
        .help_has("why the deadline moved");

    let site = Site::base();
    revised(&site, &["{ date: 2011-06-01, from: honoured }"]);
    site.check()
        .single("missing-reason")
        .at(CONTRACT, site.pos(CONTRACT, "date: 2011-06-01, from"))
        .help_has("why the answer changed");
}

#[test]
fn a_move_without_date_or_new_deadline() {
    let site = Site::base();
    moved(
        &site,
        &["{ when: 2012-03, reason: De aannemer is failliet. }"],
    );
    site.check()
        .single("missing-field")
        .at(CONTRACT, site.pos(CONTRACT, "when: 2012-03"))
        .message_has("has no `date`")
        .help_has("date: ");

    let site = Site::base();
    moved(
        &site,
        &["{ date: 2011-11-15, reason: De aannemer is failliet. }"],
    );
    site.check()
        .single("missing-field")
        .at(CONTRACT, site.pos(CONTRACT, "date: 2011-11-15"))
        .message_has("has no `when`");

    // A prioritised answer's move sets `report_by`.
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    report_by: 2012-06\n",
        "    report_by: 2012-06\n    rescheduled: [{ date: 2011-12-01, reason: De begroting is later klaar. }]\n",
    );
    site.check()
        .single("missing-field")
        .message_has("has no `report_by`");
}

#[test]
fn a_move_where_it_does_not_belong() {
    // A declined answer promised nothing, so nothing can move.
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    ground: financial\n",
        "    ground: financial\n    rescheduled: [{ date: 2011-11-15, when: 2012-03, reason: Later. }]\n",
    );
    site.check()
        .single("field-not-applicable")
        .at(CONTRACT, site.pos(CONTRACT, "rescheduled"))
        .message_has("`rescheduled` has no meaning for outcome `declined`");

    // An honoured answer's deadline is its `when`, not a `report_by`.
    let site = Site::base();
    moved(
        &site,
        &["{ date: 2011-11-15, report_by: 2012-03, reason: De aannemer is failliet. }"],
    );
    site.check()
        .single("field-not-applicable")
        .at(CONTRACT, site.pos(CONTRACT, "report_by: 2012-03"))
        .message_has("this answer is `honoured`, so a move changes its `when`")
        .help_has("rename `report_by` to `when`");
}

#[test]
fn a_move_or_revision_dated_in_the_future() {
    let site = Site::base();
    moved(
        &site,
        &["{ date: 2012-01-10, when: 2012-03, reason: De aannemer is failliet. }"],
    );
    site.check()
        .single("date-in-future")
        .at(CONTRACT, site.pos(CONTRACT, "2012-01-10"))
        .message_has("today is 2011-12-31")
        .help_has("the day it was agreed");

    let site = Site::base();
    revised(
        &site,
        &["{ date: 2012-01-10, from: honoured, reason: Het budget is op. }"],
    );
    site.check()
        .single("date-in-future")
        .at(CONTRACT, site.pos(CONTRACT, "2012-01-10"));
}

#[test]
fn a_revision_from_an_answer_that_does_not_exist() {
    let site = Site::base();
    revised(
        &site,
        &["{ date: 2011-06-01, from: maybe, reason: Het budget is op. }"],
    );
    site.check()
        .single("invalid-value")
        .at(CONTRACT, site.pos(CONTRACT, "maybe"))
        .message_has("`maybe` is not one of the five answers")
        .help_has("resolved, honoured, scheduled, prioritised, declined");
}

#[test]
fn a_move_to_a_deadline_that_is_not_a_date_or_far_away() {
    let site = Site::base();
    moved(
        &site,
        &["{ date: 2011-11-15, when: 2012-13, reason: De aannemer is failliet. }"],
    );
    site.check()
        .single("invalid-date")
        .at(CONTRACT, site.pos(CONTRACT, "2012-13"));

    let site = Site::base();
    moved(
        &site,
        &["{ date: 2011-11-15, when: 2099, reason: De aannemer is failliet. }"],
    );
    site.check()
        .single("when-out-of-range")
        .at(CONTRACT, site.pos(CONTRACT, "2099"))
        .help_has("between 2010 and 2031");
}

// ---------------------------------------------------------------- the record of what was published

#[test]
fn published_deadline_changed_in_place() {
    let site = Site::base();
    site.write(
        "published.txt",
        "/wijken/meerwijk/2011/7/\toutcome=honoured\twhen=2011-09\ttitle=Betere verlichting in het Floris van Adrichempark\n",
    );
    let (line, column) = site.pos(CONTRACT, "when: 2011-10\n");
    site.check()
        .single("promise-changed")
        .at(CONTRACT, (line, column + "when: ".len()))
        .message_has("meerwijk/2011/7")
        .message_has("published as `when: 2011-09` and is now `when: 2011-10`")
        .help_has("put back `when: 2011-09` and add `rescheduled: [{ date: 2011-12-31, when: 2011-10, reason: … }]`");
}

#[test]
fn merge_conflict_in_the_record() {
    let site = Site::base();
    site.write(
        "published.txt",
        "# kop\n/\n<<<<<<< HEAD\n/over/\n=======\n/over-ons/\n>>>>>>> andere-tak\n/wijken/\n",
    );
    site.check()
        .single("record-invalid")
        .at("published.txt", (3, 1))
        .help_has("keep the lines of both sides and remove the marker lines");
}

// ---------------------------------------------------------------- more of the seed's domain

/// Adds a neighbourhood whose council chose to have no contract, with the
/// lines of its `opted_out` (indented under the key).
fn opted_out(site: &Site, slug: &str, lines: &str) {
    site.append(
        DISTRICTS,
        &format!("    - slug: {slug}\n      name: Zuiderpolder\n      opted_out:\n{lines}"),
    );
}

#[test]
fn volunteers_scale_and_opting_out_check_clean() {
    let site = Site::base();
    // Question 8 is an initiative.
    site.replace(
        CONTRACT,
        "    kind: initiative\n",
        "    kind: initiative\n    needs_volunteers: true\n    scale: city\n",
    );
    site.replace(
        CONTRACT,
        "    title: Meer blauw op straat\n",
        "    title: Meer blauw op straat\n    scale: district\n    needs_volunteers: false\n",
    );
    site.replace(
        CONTRACT,
        "    title: Hondenpoep in het park\n",
        "    title: Hondenpoep in het park\n    scale: neighbourhood\n",
    );
    opted_out(
        &site,
        "zuiderpolder",
        "        since: 2009\n        note: De wijkraad praat liever zelf met de gemeente.\n",
    );
    // Delftwijk's council stopped after its contract of 2010.
    site.replace(
        DISTRICTS,
        "      council: Wijkraad Delftwijk\n",
        "      council: Wijkraad Delftwijk\n      opted_out: { since: 2011, note: De wijkraad is gestopt met het wijkcontract. }\n",
    );
    site.check().clean();
}

#[test]
fn needs_volunteers_on_a_question() {
    // Without `kind`, it is a question.
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Meer blauw op straat\n",
        "    title: Meer blauw op straat\n    needs_volunteers: true\n",
    );
    site.check()
        .single("field-not-applicable")
        .at(CONTRACT, site.pos(CONTRACT, "needs_volunteers"))
        .message_has("no meaning for a question, only for an initiative")
        .help_has("add `kind: initiative`");

    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Volle containers bij de Baden Powellstraat\n    kind: question\n",
        "    title: Volle containers bij de Baden Powellstraat\n    kind: question\n    needs_volunteers: true\n",
    );
    site.check()
        .single("field-not-applicable")
        .at(CONTRACT, site.pos(CONTRACT, "needs_volunteers"));

    let site = Site::base();
    site.replace(
        CONTRACT,
        "    kind: initiative\n",
        "    kind: initiative\n    needs_volunteers: ja\n",
    );
    site.check()
        .single("wrong-type")
        .at(CONTRACT, site.pos_after(CONTRACT, "needs_volunteers: "))
        .help_has("`true` or `false`");
}

#[test]
fn scale_that_is_not_a_scale() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Meer blauw op straat\n",
        "    title: Meer blauw op straat\n    scale: distict\n",
    );
    site.check()
        .single("invalid-value")
        .at(CONTRACT, site.pos(CONTRACT, "distict"))
        .message_has("`distict` is not a valid scale")
        .help_has("did you mean `district`? `scale` is one of: neighbourhood, district, city");
}

#[test]
fn opted_out_with_a_contract_for_that_year_or_later() {
    let site = Site::base();
    site.replace(
        DISTRICTS,
        "      council: Wijkraad Delftwijk\n",
        "      council: Wijkraad Delftwijk\n      opted_out: { since: 2010, note: De wijkraad wil geen wijkcontract. }\n",
    );
    site.check()
        .single("field-not-applicable")
        .at(DISTRICTS, site.pos(DISTRICTS, "2010"))
        .message_has(
            "Delftwijk has chosen to have no contract since 2010, but there is a contract for 2010",
        )
        .help_has("remove `opted_out` from delftwijk")
        .help_has("set `since` to the first year without a contract (2011)");
}

#[test]
fn opted_out_since_that_is_not_a_year() {
    for (since, code) in [
        ("12", "invalid-date"),
        ("'sinds 2012'", "invalid-date"),
        ("[2012]", "wrong-type"),
    ] {
        let site = Site::base();
        opted_out(
            &site,
            "zuiderpolder",
            &format!("        since: {since}\n        note: De wijkraad wil geen wijkcontract.\n"),
        );
        site.check()
            .single(code)
            .at(DISTRICTS, site.pos(DISTRICTS, since))
            .help_has("four digits, such as `since: 2012`");
    }
}

#[test]
fn opted_out_without_since_or_note_or_as_a_yes() {
    let site = Site::base();
    opted_out(&site, "zuiderpolder", "        since: 2009\n");
    site.check()
        .single("missing-field")
        .at(DISTRICTS, site.pos(DISTRICTS, "since: 2009"))
        .message_has("`opted_out` has no `note`");

    let site = Site::base();
    opted_out(
        &site,
        "zuiderpolder",
        "        note: De wijkraad wil geen wijkcontract.\n",
    );
    site.check()
        .single("missing-field")
        .message_has("`opted_out` has no `since`");

    let site = Site::base();
    site.append(
        DISTRICTS,
        "    - slug: zuiderpolder\n      name: Zuiderpolder\n      opted_out: true\n",
    );
    site.check()
        .single("wrong-type")
        .at(DISTRICTS, site.pos_after(DISTRICTS, "opted_out: "))
        .help_has("opted_out: { since: 2012, note:");
}

#[test]
fn opted_out_note_is_public_text() {
    let site = Site::base();
    opted_out(
        &site,
        "zuiderpolder",
        "        since: 2009\n        note: Vragen? Bel de voorzitter op 06-12345678.\n",
    );
    site.check()
        .single("personal-data")
        .at(DISTRICTS, site.pos(DISTRICTS, "06-12345678"))
        .message_has("a phone number");
}

// ---------------------------------------------------------------- translations

#[test]
fn an_english_version_is_checked_like_the_dutch() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    location: Baden",
        "    en: { titel: Bathing, asked: Why? }\n    location: Baden",
    );
    site.check()
        .single("unknown-key")
        .at(CONTRACT, site.pos(CONTRACT, "titel"))
        .help_has("did you mean `title`?");
}

#[test]
fn an_english_version_must_be_a_mapping_of_texts() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    location: Baden",
        "    en: Bathing\n    location: Baden",
    );
    site.check()
        .single("wrong-type")
        .at(CONTRACT, site.pos(CONTRACT, "Bathing"));
}

#[test]
fn an_english_version_is_public_text() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    location: Baden",
        "    en: { asked: Call 06-12345678. }\n    location: Baden",
    );
    site.check()
        .single("personal-data")
        .at(CONTRACT, site.pos(CONTRACT, "06-12345678"));
}

// ---------------------------------------------------------------- the map

const MAP: &str = "content/map.geojson";

fn map_feature(slug: &str) -> String {
    format!(
        "    {{\"type\": \"Feature\", \"properties\": {{\"slug\": \"{slug}\"}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": [[[4.6, 52.3], [4.61, 52.3], [4.61, 52.31], [4.6, 52.3]]]}}}}"
    )
}

#[test]
fn a_map_that_is_not_json_is_an_error_at_its_line() {
    let site = Site::base();
    site.write(
        MAP,
        format!(
            "{{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n{},\n  ]\n}}\n",
            map_feature("meerwijk")
        ),
    );
    site.check()
        .single("map-invalid")
        .on_line(MAP, 5)
        .message_has("not valid JSON");
}

#[test]
fn a_neighbourhood_without_a_shape_is_a_warning() {
    let site = Site::base();
    site.write(
        MAP,
        format!(
            "{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}\n",
            map_feature("meerwijk")
        ),
    );
    site.check()
        .single_warning("map-missing-shape")
        .message_has("have no shape on the map");
}

// ---------------------------------------------------------------- coverage

/// Codes that only `afspraak build` raises (it compares with the previous build).
/// (`example-address` is a warning of `build` only: tests/hosting.rs.)
const BUILD_ONLY: &[&str] = &[
    "dropped-url",
    "id-reused",
    "redirect-conflict",
    "example-address",
];

#[test]
fn every_check_code_has_a_case_here() {
    let source = include_str!("check_rules.rs");
    for code in afspraak::diagnostic::Code::ALL {
        let name = code.as_str();
        if BUILD_ONLY.contains(&name) {
            continue;
        }
        assert!(
            source.contains(&format!("(\"{name}\")")),
            "no case in tests/check_rules.rs asserts `{name}`; add one (or list it in BUILD_ONLY)"
        );
    }
}

// ---------------------------------------------------------------- Dutch words and dates (issue 15)

#[test]
fn dutch_labels_are_aliases_of_the_keys() {
    let site = Site::base();
    let text = site.read(CONTRACT);
    let text = text
        .replacen(
            "    outcome: resolved\n",
            "    outcome: Direct opgelost\n",
            1,
        )
        .replacen("    channel: walk\n", "    channel: wijkschouw\n", 1)
        .replacen("state: planned }", "state: gepland }", 1)
        .replacen(
            "    outcome: honoured\n    when: 2011-10\n",
            "    outcome: Binnen de looptijd\n    when: oktober 2011\n",
            1,
        )
        .replacen("ground: legal", "ground: wettelijk", 1);
    site.write(CONTRACT, &text);
    site.check().clean();
}

#[test]
fn dutch_dates_are_read() {
    for (written, ok) in [
        ("oktober 2011", true),
        ("derde kwartaal 2011", true),
        ("15-10-2011", true),
        ("15 oktober 2011", true),
        ("31-02-2011", false),
    ] {
        let site = Site::base();
        site.replace(
            CONTRACT,
            "    when: 2011-10\n",
            &format!("    when: {written}\n"),
        );
        let r = site.check();
        if ok {
            r.clean();
        } else {
            r.single("invalid-date").message_has("does not exist");
        }
    }
}

#[test]
fn a_season_is_one_error_saying_why() {
    let site = Site::base();
    site.replace(CONTRACT, "    when: 2011-10\n", "    when: voorjaar 2012\n");
    site.check()
        .single("invalid-date")
        .at(CONTRACT, site.pos(CONTRACT, "voorjaar 2012"))
        .message_has("not a fixed stretch of days")
        .help_has("tweede kwartaal");
}

// ---------------------------------------------------------------- starter kit (issue 15)

#[test]
fn placeholder_text_in_a_published_contract() {
    let site = Site::base();
    site.replace(
        CONTRACT,
        "    title: Speeltuin aan de Kleverlaan\n",
        "    title: Korte titel van de vraag   # uit de sjabloon\n",
    );
    site.check()
        .single("placeholder-text")
        .at(CONTRACT, site.pos(CONTRACT, "Korte titel van de vraag"))
        .message_has("\"Korte titel van de vraag\"")
        .help_has("`draft: true`");

    // In a draft the example text may stay while the editor works on it.
    let site = Site::base();
    site.replace(
        EARLIER,
        "    title: ",
        "    title: Korte titel van de vraag\n    # was: ",
    );
    let text = site.read(EARLIER);
    site.write(EARLIER, format!("draft: true\n{text}"));
    assert!(!site.check().codes().contains(&"placeholder-text"));
}
