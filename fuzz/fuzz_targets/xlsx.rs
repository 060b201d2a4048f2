//! The XLSX limits: the input is the first sheet's XML (and, after a NUL
//! byte, the shared strings) of an otherwise valid workbook, packed or stored
//! by the first byte. Import never panics, never calls its failure an internal
//! error, ends within libFuzzer's time and memory limits (run with
//! -rss_limit_mb=512), and a rejected import leaves the contract as it was.
#![no_main]

use std::io::Write;
use std::sync::OnceLock;

use afspraak::import::ImportError;
use libfuzzer_sys::fuzz_target;

const CONTRACT: &str = "content/contracts/meerwijk/2011.yaml";

const TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const STRINGS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>id</t></si></sst>"#;

fn site() -> &'static (tempfile::TempDir, String) {
    static SITE: OnceLock<(tempfile::TempDir, String)> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::TempDir::new().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/contracts/meerwijk")).unwrap();
        std::fs::write(root.join("site.toml"), "title = \"T\"\nas_of = 2011-12-31T12:00:00\n\n[open_data]\npublisher = { name = \"Gemeente\" }\ncontact = { name = \"Team\", email = \"team@example.nl\" }\n").unwrap();
        std::fs::write(root.join("content/districts.yaml"), "- { slug: d, name: D, neighbourhoods: [{ slug: meerwijk, name: M }] }\n").unwrap();
        std::fs::write(root.join("content/partners.yaml"), "- { slug: gemeente, name: Gemeente }\n").unwrap();
        std::fs::write(root.join("content/topics.yaml"), "- { slug: veilig, name: Veilig }\n").unwrap();
        let contract = "period: { from: 2011-04-01, to: 2012-03-31 }\nsignatories: [wijkraad]\nquestions:\n  - id: 1\n    title: T\n    asked: |\n      A\n    topic: veilig\n    partner: gemeente\n    outcome: resolved\n";
        std::fs::write(root.join(CONTRACT), contract).unwrap();
        (dir, contract.to_string())
    })
}

fn workbook(sheet: &[u8], strings: &[u8], deflate: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, bytes) in [
        ("[Content_Types].xml", TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/sharedStrings.xml", strings),
        ("xl/worksheets/sheet1.xml", sheet),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (sheet, strings) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, STRINGS.as_bytes()),
    };
    let (dir, original) = site();
    let root = dir.path();
    let file = root.join("in.xlsx");
    std::fs::write(&file, workbook(sheet, strings, flags & 1 == 1)).unwrap();
    let result = afspraak::import::import(root, &file, "meerwijk/2011");
    let now = std::fs::read_to_string(root.join(CONTRACT)).unwrap_or_default();
    match &result {
        Ok(_) => {}
        Err(e) => {
            assert_eq!(&now, original, "a rejected import changed the contract");
            let text = e.to_string();
            assert!(
                !text.contains("internal error"),
                "an internal error: {text}"
            );
            // What the limits refuse is a content error (exit 1).
            if let ImportError::Other(e) = e {
                assert!(
                    !format!("{e:?}").contains("BadFile"),
                    "a refused file not reported as a content error: {text}"
                );
            }
        }
    }
    std::fs::write(root.join(CONTRACT), original).unwrap();
});
