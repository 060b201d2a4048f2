//! `afspraak import`: questions from a spreadsheet into a contract file,
//! against temporary copies of `tests/fixtures/build-site/` (as_of 2011-12-31).

use std::fs;
use std::path::{Path, PathBuf};

use afspraak::import::{ImportError, ImportReport, RowError, import};
use tempfile::TempDir;

const MEERWIJK: &str = "content/contracts/meerwijk/2011.yaml";

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A temporary copy of the build-site fixture.
fn site() -> TempDir {
    let dir = TempDir::new().unwrap();
    let from = manifest("tests/fixtures/build-site");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&to).unwrap();
        } else {
            fs::copy(entry.path(), &to).unwrap();
        }
    }
    // These tests are about the spreadsheet, not the promise record: start
    // as a site that has not been published yet.
    fs::remove_file(dir.path().join("published.txt")).unwrap();
    dir
}

fn read(root: &Path, rel: &str) -> String {
    fs::read_to_string(root.join(rel)).unwrap()
}

/// Writes a spreadsheet next to (not inside) the site.
fn sheet(dir: &TempDir, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn ok(root: &Path, file: &Path, contract: &str) -> ImportReport {
    match import(root, file, contract) {
        Ok(r) => r,
        Err(e) => panic!("import failed: {e}"),
    }
}

fn row_errors(root: &Path, file: &Path, contract: &str) -> Vec<RowError> {
    match import(root, file, contract) {
        Err(ImportError::Rows(errors)) => errors,
        Err(ImportError::Other(e)) => panic!("expected row errors, got: {e:#}"),
        Ok(r) => panic!("expected row errors, got a report: {r:?}"),
    }
}

fn assert_checks(root: &Path) {
    let checked = afspraak::check(root, None).unwrap();
    let rendered =
        afspraak::diagnostic::render_human(&checked.diagnostics, &checked.sources, false);
    assert!(!checked.diagnostics.has_errors(), "{rendered}");
}

#[test]
fn csv_with_commas_appends_a_new_question() {
    let site = site();
    let root = site.path();
    let before = read(root, MEERWIJK);
    let csv = "id,title,kind,channel,topic,location,asked,partner,outcome,when,answer\n\
               13,Bankje bij de speeltuin,question,walk,sociaal,Kleverlaan,\"Er is geen bankje.\nOuders willen zitten.\",gemeente,honoured,2011-Q4,Er komt een bankje.\n";
    let file = sheet(&site, "vragen.csv", csv);
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(report.path, root.join(MEERWIJK));
    assert!(!report.created);
    assert_eq!(report.added, vec![13]);
    assert!(report.updated.is_empty() && report.unchanged.is_empty());
    let expected = format!(
        "{before}\n  - id: 13\n    title: Bankje bij de speeltuin\n    kind: question\n    channel: walk\n    topic: sociaal\n    location: Kleverlaan\n    asked: |\n      Er is geen bankje.\n      Ouders willen zitten.\n    partner: gemeente\n    outcome: honoured\n    when: 2011-Q4\n    answer: |\n      Er komt een bankje.\n"
    );
    assert_eq!(read(root, MEERWIJK), expected);
    assert_checks(root);
}

#[test]
fn csv_with_semicolons_bom_dutch_headers_and_dutch_values() {
    let site = site();
    let root = site.path();
    let before = read(root, MEERWIJK);
    let csv = "\u{feff}Nr; Titel ;Soort;Kanaal;Thema;Locatie;Vraag;Partner;Uitkomst;Grond;Reden;Wanneer;Planning_aangepast\r\n\
               13;\"Ja\";Initiatief;Wijkschouw;Veilig;\"Plein: noord\";\"- lantaarn\n- bank\";Gemeente Testdorp;Kan niet / mag niet;Financieel;\"Geen geld; \"\"helaas\"\".\";;\r\n\
               14;2012;vraag;spreekuur;heel;;Het plein is kapot.;gemeente;AL GEPLAND;;Het groot onderhoud is in 2013.;2013;nee\r\n";
    let file = sheet(&site, "vragen.csv", csv);
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(report.added, vec![13, 14]);
    let expected = format!(
        "{before}\n  - id: 13\n    title: Ja\n    kind: initiative\n    channel: walk\n    topic: veilig\n    location: \"Plein: noord\"\n    asked: |\n      - lantaarn\n      - bank\n    partner: gemeente\n    outcome: declined\n    ground: financial\n    reason: |\n      Geen geld; \"helaas\".\n\
         \n  - id: 14\n    title: \"2012\"\n    kind: question\n    channel: consultation-hour\n    topic: heel\n    asked: |\n      Het plein is kapot.\n    partner: gemeente\n    outcome: scheduled\n    when: 2013\n    planning_adjusted: false\n    reason: |\n      Het groot onderhoud is in 2013.\n"
    );
    assert_eq!(read(root, MEERWIJK), expected);
    assert_checks(root);
}

#[test]
fn xlsx_with_numbers_dates_and_booleans() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let site = site();
    let root = site.path();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in [
        "id",
        "title",
        "topic",
        "asked",
        "partner",
        "outcome",
        "when",
        "planning_adjusted",
        "reason",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_number(1, 0, 13.0).unwrap();
    ws.write_string(1, 1, "Stoep herstellen").unwrap();
    ws.write_string(1, 2, "heel").unwrap();
    ws.write_string(1, 3, "De stoep ligt scheef.\nMensen struikelen.")
        .unwrap();
    ws.write_string(1, 4, "gemeente").unwrap();
    ws.write_string(1, 5, "Al gepland").unwrap();
    ws.write_datetime_with_format(1, 6, ExcelDateTime::from_ymd(2013, 5, 15).unwrap(), &date)
        .unwrap();
    ws.write_boolean(1, 7, true).unwrap();
    ws.write_number(1, 8, 42.0).unwrap();
    let file = site.path().join("vragen.xlsx");
    book.save(&file).unwrap();

    let before = read(root, MEERWIJK);
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(report.added, vec![13]);
    let expected = format!(
        "{before}\n  - id: 13\n    title: Stoep herstellen\n    topic: heel\n    asked: |\n      De stoep ligt scheef.\n      Mensen struikelen.\n    partner: gemeente\n    outcome: scheduled\n    when: 2013-05-15\n    planning_adjusted: true\n    reason: |\n      42\n"
    );
    assert_eq!(read(root, MEERWIJK), expected);
    assert_checks(root);
}

#[test]
fn bad_rows_block_the_write_and_are_all_reported() {
    let site = site();
    let root = site.path();
    let before = read(root, MEERWIJK);
    let csv = "id;title;topic;asked;partner;outcome;ground;reason\n\
               13;Goed;heel;Vraag.;gemeente;resolved;;\n\
               14;Onbekende partner;heel;Vraag.;gemeentee;resolved;;\n\
               15;Zonder reden;heel;Vraag.;gemeente;declined;legal;\n";
    let file = sheet(&site, "vragen.csv", csv);
    let errors = row_errors(root, &file, "meerwijk/2011");
    assert_eq!(read(root, MEERWIJK), before, "nothing may be written");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!((errors[0].row, errors[0].column.as_str()), (3, "partner"));
    assert!(
        errors[0].message.contains("gemeentee"),
        "{}",
        errors[0].message
    );
    assert!(errors[0].message.contains("did you mean `gemeente`"));
    assert_eq!((errors[1].row, errors[1].column.as_str()), (4, "reason"));
    assert!(
        errors[1].message.contains("declined"),
        "{}",
        errors[1].message
    );
    let shown = ImportError::Rows(errors).to_string();
    // In the language of this run: Dutch unless the locale says English.
    let (row, column) = match afspraak::i18n::Lang::current() {
        afspraak::i18n::Lang::Nl => ("rij", "kolom"),
        afspraak::i18n::Lang::En => ("row", "column"),
    };
    assert!(
        shown.contains(&format!("{row} 3, {column} partner")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("{row} 4, {column} reason")),
        "{shown}"
    );
}

#[test]
fn more_problems_unknown_columns_outcome_rules_and_merged_values() {
    let site = site();
    let root = site.path();
    let before = read(root, MEERWIJK);
    // An unknown column is reported on row 1 and nothing else is judged.
    let file = sheet(&site, "a.csv", "id,titel,opmerking\n7,x,y\n");
    let errors = row_errors(root, &file, "meerwijk/2011");
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].row, errors[0].column.as_str()), (1, "opmerking"));
    assert!(
        errors[0]
            .message
            .starts_with("unknown column; known: id, nr, title, titel")
    );

    let csv = "nr;uitkomst;wanneer;uitslag_uiterlijk;planning_aangepast;thema\n\
               7;Al gepland;2013;;;\n\
               8;Binnen de looptijd;2011-10;;;\n\
               10;;;2011-13;;\n\
               99;resolved;;;;veilig\n\
               6;;;;misschien;\n";
    let file = sheet(&site, "b.csv", csv);
    let errors = row_errors(root, &file, "meerwijk/2011");
    let got: Vec<(usize, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
    assert_eq!(
        got,
        vec![
            // 7 becomes scheduled: the file has `when`, but no planning_adjusted.
            (2, "planning_aangepast"),
            // 8 was declined and becomes honoured: its ground and reason go.
            (4, "uitslag_uiterlijk"),
            // A new question needs a title, asked and partner.
            (5, "titel"),
            (5, "vraag"),
            (5, "partner"),
            (6, "planning_aangepast"),
        ],
        "{errors:#?}"
    );
    assert!(errors[1].message.contains("does not exist"));
    assert_eq!(read(root, MEERWIJK), before);
}

#[test]
fn a_published_promise_is_not_moved_by_a_spreadsheet() {
    let site = site();
    let root = site.path();
    afspraak::build(root, Some(&root.join("public")), None).unwrap();
    assert!(root.join("published.txt").is_file());
    let before = read(root, MEERWIJK);
    let file = sheet(&site, "vragen.csv", "id,when\n7,2011-11\n");
    let errors = row_errors(root, &file, "meerwijk/2011");
    let text = format!("{errors:?}");
    assert!(
        text.contains("2011-10") && text.contains("rescheduled"),
        "{text}"
    );
    assert_eq!(read(root, MEERWIJK), before, "nothing is written");
}

#[test]
fn updating_a_question_changes_only_its_fields() {
    let site = site();
    let root = site.path();
    let original = read(root, MEERWIJK)
        .replace(
            "    when: 2011-10\n",
            "    when: 2011-10        # toegezegd op de schouw\n",
        )
        .replace(
            "      Er komen vier extra lantaarnpalen langs het pad.\n    progress:",
            "      Er komen vier extra lantaarnpalen langs het pad.\n\n    # voortgang bijhouden!\n    progress:",
        )
        .replacen("questions:\n", "# De vragen van 2011\nquestions:\n", 1);
    fs::write(root.join(MEERWIJK), &original).unwrap();
    // 6: a location added after its last field. 7: new month, answer and
    // location, the rest as it is. 9: everything the same (the title with
    // extra spaces); 12: empty cells only.
    let csv = "id,title,when,answer,location,topic\n\
               6,,,,Bij de vijver,\n\
               7,,2011-11,\"Er komen vijf lantaarnpalen.\n\nEn een bankje.\",Vijverpad,\n\
               9,  Herinrichting Briandplein  ,2013,,,heel\n\
               12,,,,,\n";
    let file = sheet(&site, "vragen.csv", csv);
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(report.updated, vec![6, 7]);
    // An empty cell leaves the field as it is.
    assert_eq!(report.unchanged, vec![9, 12]);
    assert!(report.added.is_empty());
    let expected = original
        .replace(
            "    when: 2011-10        # toegezegd op de schouw\n",
            "    when: 2011-11        # toegezegd op de schouw\n",
        )
        .replace(
            "    answer: |\n      Er komen vier extra lantaarnpalen langs het pad.\n",
            "    answer: |\n      Er komen vijf lantaarnpalen.\n\n      En een bankje.\n",
        )
        .replace(
            "    location: Floris van Adrichempark\n",
            "    location: Vijverpad\n",
        )
        .replace(
            "      - { date: 2011-04-20, state: done, note: Bank gerepareerd. }\n",
            "      - { date: 2011-04-20, state: done, note: Bank gerepareerd. }\n    location: Bij de vijver\n",
        );
    assert_ne!(expected, original);
    assert_eq!(read(root, MEERWIJK), expected);
    assert_checks(root);

    // The same import again changes nothing.
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(
        (report.updated.len(), report.unchanged),
        (0, vec![6, 7, 9, 12])
    );
    assert_eq!(read(root, MEERWIJK), expected);
}

#[test]
fn appended_questions_follow_the_file_layout() {
    let site = site();
    let root = site.path();
    // A file without blank lines between items, and a key after the questions.
    let text = "period: { from: 2012-04-01, to: 2013-03-31 }\n\
                signatories: [wijkraad]\n\
                questions:\n\
                - id: 1\n  title: Eerste\n  topic: heel\n  asked: Vraag.\n  partner: gemeente\n  outcome: resolved\n\
                - id: 3\n  title: Derde\n  topic: heel\n  asked: Vraag.\n  partner: gemeente\n  outcome: resolved\n\
                # een opmerking\n\
                draft: true\n";
    let rel = "content/contracts/europawijk/2012.yaml";
    fs::write(root.join(rel), text).unwrap();
    let file = sheet(
        &site,
        "v.csv",
        "id,title,topic,asked,partner,outcome,report_by\n2,true,sociaal,#1 vraag,elan-wonen,prioritised,2012-12\n",
    );
    let report = ok(root, &file, "europawijk/2012");
    assert_eq!(report.added, vec![2]);
    assert_eq!(
        read(root, rel),
        "period: { from: 2012-04-01, to: 2013-03-31 }\n\
         signatories: [wijkraad]\n\
         questions:\n\
         - id: 1\n  title: Eerste\n  topic: heel\n  asked: Vraag.\n  partner: gemeente\n  outcome: resolved\n\
         - id: 3\n  title: Derde\n  topic: heel\n  asked: Vraag.\n  partner: gemeente\n  outcome: resolved\n\
         - id: 2\n  title: \"true\"\n  topic: sociaal\n  asked: |\n    #1 vraag\n  partner: elan-wonen\n  outcome: prioritised\n  report_by: 2012-12\n\
         # een opmerking\n\
         draft: true\n"
    );
    assert_checks(root);
}

#[test]
fn a_new_contract_file_is_created_and_passes_check() {
    let site = site();
    let root = site.path();
    let rel = "content/contracts/europawijk/2012.yaml";
    assert!(!root.join(rel).exists());
    let csv = "id;title;topic;asked;partner;outcome;when\n\
               1;Hondenpoep;heel;Veel hondenpoep op het grasveld.;gemeente;honoured;2012-06\n\
               2;Snelheid;veilig;Er wordt te hard gereden.;gemeente;resolved;\n";
    let file = sheet(&site, "nieuw.csv", csv);
    let report = ok(root, &file, "europawijk/2012");
    assert!(report.created);
    assert_eq!(report.added, vec![1, 2]);
    let text = read(root, rel);
    assert!(text.starts_with("# Wijkcontract Europawijk 2012"), "{text}");
    assert!(
        text.contains(
            "period: { from: 2012-04-01, to: 2013-03-31 }\nsignatories: [wijkraad]\ndraft: true\nquestions:\n  - id: 1\n"
        ),
        "{text}"
    );
    assert_checks(root);
    // A contract for an unknown neighbourhood is refused.
    match import(root, &file, "europawijkk/2012") {
        Err(ImportError::Other(e)) => assert!(
            (e.to_string().contains("did you mean `europawijk`")
                || e.to_string().contains("bedoel je `europawijk`"))
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn what_check_refuses_is_not_written() {
    let site = site();
    let root = site.path();
    let before = read(root, MEERWIJK);
    // Personal data: only `check` finds it; the file is restored.
    let file = sheet(
        &site,
        "v.csv",
        "id,answer\n7,Mail ons op jan.jansen@example.org\n",
    );
    let errors = row_errors(root, &file, "meerwijk/2011");
    assert_eq!(read(root, MEERWIJK), before);
    assert_eq!((errors[0].row, errors[0].column.as_str()), (2, "answer"));
    // A new file that check refuses is removed again.
    let file = sheet(
        &site,
        "w.csv",
        "id,title,topic,asked,partner,outcome\n1,T,heel,Bel 06-12345678,gemeente,resolved\n",
    );
    let errors = row_errors(root, &file, "europawijk/2012");
    assert_eq!((errors[0].row, errors[0].column.as_str()), (2, "asked"));
    assert!(!root.join("content/contracts/europawijk/2012.yaml").exists());
}

#[test]
fn the_open_data_export_imports_back_unchanged() {
    let site = site();
    let root = site.path();
    let out = TempDir::new().unwrap();
    let built = afspraak::build(root, Some(out.path()), None).unwrap();
    assert!(built.succeeded());
    let csv = fs::read(out.path().join("data/vragen.csv")).unwrap();
    assert!(csv.starts_with(b"\xef\xbb\xbfwijk;"));
    let file = sheet(&site, "vragen.csv", &csv);
    let mut seen = 0;
    for (contract, rel) in [
        ("meerwijk/2011", MEERWIJK),
        (
            "boerhaavewijk/2011",
            "content/contracts/boerhaavewijk/2011.yaml",
        ),
        ("europawijk/2011", "content/contracts/europawijk/2011.yaml"),
        ("delftwijk/2010", "content/contracts/delftwijk/2010.yaml"),
    ] {
        let before = fs::read(root.join(rel)).unwrap();
        let report = match import(root, &file, contract) {
            Ok(r) => r,
            // A contract that is not public is not in the export.
            Err(ImportError::Other(e))
                if e.to_string().contains("no rows") || e.to_string().contains("geen rijen") =>
            {
                continue;
            }
            Err(e) => panic!("{contract}: {e}"),
        };
        assert!(
            report.added.is_empty() && report.updated.is_empty(),
            "{report:?}"
        );
        assert!(!report.skipped.is_empty());
        seen += report.unchanged.len();
        assert_eq!(fs::read(root.join(rel)).unwrap(), before, "{contract}");
    }
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(report.unchanged, vec![6, 7, 8, 9, 10, 11, 12]);
    assert!(seen >= 7);
}

#[test]
fn the_bundled_site_round_trips_too() {
    let src = manifest(".");
    let dir = TempDir::new().unwrap();
    for sub in ["site.toml", "content"] {
        for entry in walkdir::WalkDir::new(src.join(sub)) {
            let entry = entry.unwrap();
            let to = dir.path().join(entry.path().strip_prefix(&src).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&to).unwrap();
            } else {
                fs::copy(entry.path(), &to).unwrap();
            }
        }
    }
    let root = dir.path();
    let out = TempDir::new().unwrap();
    let built = afspraak::build(root, Some(out.path()), None).unwrap();
    assert!(built.succeeded());
    let file = out.path().join("data/vragen.csv");
    let contracts = fs::read_dir(root.join("content/contracts")).unwrap();
    let mut imported = 0;
    for nb in contracts {
        let nb = nb.unwrap().path();
        for f in fs::read_dir(&nb).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let contract = format!(
                "{}/{}",
                nb.file_name().unwrap().to_str().unwrap(),
                f.file_stem().unwrap().to_str().unwrap()
            );
            let before = fs::read(&f).unwrap();
            match import(root, &file, &contract) {
                Ok(r) => {
                    assert!(
                        r.added.is_empty() && r.updated.is_empty(),
                        "{contract}: {r:?}"
                    );
                    imported += r.unchanged.len();
                }
                Err(ImportError::Other(e))
                    if e.to_string().contains("no rows")
                        || e.to_string().contains("geen rijen") => {}
                Err(e) => panic!("{contract}: {e}"),
            }
            assert_eq!(fs::read(&f).unwrap(), before, "{contract}");
        }
    }
    assert!(imported > 10, "{imported}");
}

/// The templates in docs/ import cleanly, and the two say the same.
#[test]
fn the_shipped_templates_import_cleanly() {
    let mut texts = Vec::new();
    for name in ["sjabloon-vragen.csv", "sjabloon-vragen.xlsx"] {
        let site = site();
        let root = site.path();
        let report = ok(root, &manifest(&format!("docs/{name}")), "meerwijk/2026");
        assert!(report.created, "{name}");
        assert_eq!(report.added, vec![4, 5], "{name}");
        assert_checks(root);
        texts.push(read(root, "content/contracts/meerwijk/2026.yaml"));
    }
    assert_eq!(texts[0], texts[1]);
}

/// Writes docs/sjabloon-vragen.xlsx from docs/sjabloon-vragen.csv:
/// `cargo test --test import -- --ignored write_xlsx_template`.
#[test]
#[ignore]
fn write_xlsx_template() {
    use rust_xlsxwriter::{Format, Workbook};
    let text = fs::read_to_string(manifest("docs/sjabloon-vragen.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Vragen").unwrap();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (r, record) in reader.records().enumerate() {
        for (c, cell) in record.unwrap().iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if r == 0 {
                ws.write_string_with_format(r, c, cell, &bold).unwrap();
            } else {
                // Text, also for the number: a spreadsheet keeps `2026-10` as typed.
                ws.write_string_with_format(r, c, cell, &wrap).unwrap();
            }
        }
    }
    ws.set_freeze_panes(1, 0).unwrap();
    ws.autofit();
    book.save(manifest("docs/sjabloon-vragen.xlsx")).unwrap();
}

#[test]
fn volunteers_and_scale_columns_in_dutch() {
    let site = site();
    let root = site.path();
    let before = read(root, MEERWIJK);
    // 8 (an initiative) now needs volunteers and is taken up for the district;
    // 9 for the whole city; 6 says what an empty field says already; 13 is new.
    let csv = "nr;soort;vrijwilligers_nodig;schaal;titel;thema;vraag;partner;uitkomst\n\
               8;;Ja;Stadsdeel;;;;;\n\
               9;;;hele stad;;;;;\n\
               6;vraag;nee;wijk;;;;;\n\
               13;Initiatief;ja;;Moestuin;sociaal;Bewoners willen samen groente kweken.;gemeente;Direct opgelost\n";
    let file = sheet(&site, "vragen.csv", csv);
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(report.updated, vec![8, 9]);
    assert_eq!(report.unchanged, vec![6]);
    assert_eq!(report.added, vec![13]);
    let after = read(root, MEERWIJK);
    let q8 = &after[after.find("  - id: 8\n").unwrap()..after.find("  - id: 9\n").unwrap()];
    assert!(q8.contains("    needs_volunteers: true\n"), "{q8}");
    assert!(q8.contains("    scale: district\n"), "{q8}");
    let q9 = &after[after.find("  - id: 9\n").unwrap()..after.find("  - id: 10\n").unwrap()];
    assert!(q9.contains("    scale: city\n"), "{q9}");
    assert!(!q9.contains("needs_volunteers"), "{q9}");
    // Nothing was added to 6: its fields say what their absence says.
    let q6 = &after[after.find("  - id: 6\n").unwrap()..after.find("  - id: 7\n").unwrap()];
    assert_eq!(
        q6,
        &before[before.find("  - id: 6\n").unwrap()..before.find("  - id: 7\n").unwrap()]
    );
    assert!(after.ends_with(
        "  - id: 13\n    title: Moestuin\n    kind: initiative\n    needs_volunteers: true\n    topic: sociaal\n    asked: |\n      Bewoners willen samen groente kweken.\n    partner: gemeente\n    outcome: resolved\n"
    ), "{after}");
    assert_checks(root);

    // The same import again changes nothing.
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(report.unchanged, vec![8, 9, 6, 13]);
    assert_eq!(read(root, MEERWIJK), after);
}

#[test]
fn volunteers_only_for_an_initiative_and_a_scale_that_exists() {
    let site = site();
    let root = site.path();
    let before = read(root, MEERWIJK);
    // 7 is a question; 12 has no kind, so it is one too; 6 has a scale that is not one.
    let csv = "nr;vrijwilligers_nodig;schaal\n7;ja;\n12;ja;\n6;;land\n";
    let file = sheet(&site, "vragen.csv", csv);
    let errors = row_errors(root, &file, "meerwijk/2011");
    assert_eq!(read(root, MEERWIJK), before, "nothing may be written");
    let at: Vec<(usize, &str)> = errors.iter().map(|e| (e.row, e.column.as_str())).collect();
    assert_eq!(
        at,
        [
            (2, "vrijwilligers_nodig"),
            (3, "vrijwilligers_nodig"),
            (4, "schaal"),
        ],
        "{errors:?}"
    );
    assert!(errors[2].message.contains("wijk"), "{}", errors[2].message);
    assert!(
        errors[0].message.contains("not an initiative"),
        "{}",
        errors[0].message
    );

    // A question that becomes an initiative in the same row may.
    let csv = "nr;soort;vrijwilligers_nodig\n7;initiatief;ja\n";
    let file = sheet(&site, "vragen.csv", csv);
    assert_eq!(ok(root, &file, "meerwijk/2011").updated, vec![7]);
    assert_checks(root);
}

// --- Import fixes (issue 15) ---

#[test]
fn a_row_that_changes_the_outcome_replaces_the_old_outcomes_fields() {
    let site = site();
    let root = site.path();
    let csv = "nr;uitkomst;wanneer;antwoord\n8;Binnen de looptijd;oktober 2011;Er komt toch een speeltuin.\n";
    let file = sheet(&site, "a.csv", csv);
    let report = ok(root, &file, "meerwijk/2011");
    assert_eq!(report.updated, vec![8]);
    let text = read(root, MEERWIJK);
    let item = &text[text.find("- id: 8").unwrap()..];
    let item = &item[..item[2..].find("- id:").map_or(item.len(), |i| i + 2)];
    assert!(
        item.contains("outcome: honoured") && item.contains("when: 2011-10"),
        "{item}"
    );
    assert!(
        !item.contains("ground:") && !item.contains("DECLINEREASONMARKER"),
        "{item}"
    );
    assert!(
        item.contains("title: Speeltuin aan de Kleverlaan"),
        "{item}"
    );
    assert_checks(root);
}

#[test]
fn the_scaffold_then_a_spreadsheet_that_answers_its_example_question() {
    let site = site();
    let root = site.path();
    let path = afspraak::scaffold::new_contract(root, "meerwijk", 2027).unwrap();
    // The scaffold's question 1 is prioritised with report_by.
    let csv = "nr;uitkomst;wanneer\n1;Binnen de looptijd;2027-Q3\n";
    let file = sheet(&site, "a.csv", csv);
    ok(root, &file, "meerwijk/2027");
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains("\n    report_by:"), "{text}");
    assert!(
        text.contains("outcome: honoured") && text.contains("when: 2027-Q3"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn files_keep_their_mode_and_new_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let site = site();
    let root = site.path();
    let contract = root.join(MEERWIJK);
    fs::set_permissions(&contract, fs::Permissions::from_mode(0o640)).unwrap();
    let file = sheet(&site, "a.csv", "id,title\n7,Nieuwe titel\n");
    ok(root, &file, "meerwijk/2011");
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&contract), 0o640);
    // What a plain file write gets under this process's umask.
    let probe = root.join("probe.txt");
    fs::write(&probe, "x").unwrap();
    ok(root, &manifest("docs/sjabloon-vragen.csv"), "meerwijk/2026");
    assert_eq!(
        mode(&root.join("content/contracts/meerwijk/2026.yaml")),
        mode(&probe)
    );
}

#[test]
fn a_csv_that_is_not_utf8_is_a_content_error_naming_the_row() {
    let site = site();
    let root = site.path();
    // "Caf\xe9" in Windows-1252, on the third row.
    let file = sheet(
        &site,
        "a.csv",
        b"id;title\n7;Goed\n8;Caf\xe9 de Hoek\n".as_slice(),
    );
    let errors = row_errors(root, &file, "meerwijk/2011");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].row, 3);
    assert!(errors[0].message.contains("UTF-8"), "{}", errors[0].message);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_afspraak"))
        .args([
            "import",
            file.to_str().unwrap(),
            "--contract",
            "meerwijk/2011",
            "--root",
        ])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_formula_without_a_calculated_value_is_named() {
    // Written by a program that saves formulas without their results (as
    // openpyxl does): `<c r="B2"><f>CONCAT("a","b")</f></c>`, no `<v>`.
    let site = site();
    let root = site.path();
    let path = manifest("tests/fixtures/import/formule-zonder-waarde.xlsx");
    let errors = row_errors(root, &path, "meerwijk/2011");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].row, errors[0].column.as_str()), (2, "titel"));
    assert!(
        errors[0].message.contains("=CONCAT"),
        "{}",
        errors[0].message
    );
}
