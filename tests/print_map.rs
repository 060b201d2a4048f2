//! On paper, on a map, in the press release: short links `/k/<code>/`, the
//! printed contract `/wijken/<slug>/<year>/afdrukken/`, the map `/kaart/` and
//! the press card `/wijken/<slug>/kaart/`, built from the build-site fixture.

mod common;
use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use afspraak::shortlinks::ShortCode;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_afspraak");
const RECORD: &str = "published.txt";

/// A copy of the build-site fixture without its record: nothing published yet.
fn site() -> (TempDir, PathBuf, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build-site"),
        &root,
    );
    fs::remove_file(root.join(RECORD)).unwrap();
    let out = tmp.path().join("public");
    (tmp, root, out)
}

fn build(root: &Path, out: &Path, extra: &[&str]) -> (i32, String) {
    let o = Command::new(BIN)
        .env("AFSPRAAK_LANG", "en")
        .env("NO_COLOR", "1")
        .args(["build", "--root", root.to_str().unwrap()])
        .args(["--output", out.to_str().unwrap()])
        .args(extra)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn page(out: &Path, url: &str) -> String {
    fs::read_to_string(out.join(url.trim_start_matches('/')).join("index.html"))
        .unwrap_or_else(|e| panic!("{url}: {e}"))
}

/// The (URL, code) pairs of the record.
fn codes(root: &Path) -> Vec<(String, String)> {
    fs::read_to_string(root.join(RECORD))
        .unwrap()
        .lines()
        .filter_map(|l| {
            let code = l.split('\t').find_map(|f| f.strip_prefix("k="))?;
            Some((l.split('\t').next()?.to_string(), code.to_string()))
        })
        .collect()
}

fn code_of(root: &Path, url: &str) -> String {
    codes(root)
        .into_iter()
        .find(|(u, _)| u == url)
        .unwrap_or_else(|| panic!("no code for {url}"))
        .1
}

const Q7: &str = "/wijken/meerwijk/2011/7/";

#[test]
fn every_contract_and_question_has_a_short_link_that_forwards_and_is_recorded() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let codes = codes(&root);
    assert!(codes.iter().any(|(u, _)| u == "/wijken/meerwijk/2011/"));
    assert!(codes.iter().any(|(u, _)| u == Q7));
    assert!(
        !codes.iter().any(|(u, _)| u.starts_with("/en/")),
        "one code per permalink"
    );
    for (url, code) in &codes {
        assert!(ShortCode::parse(code).is_some(), "{code}");
        let k = page(&out, &format!("/k/{code}/"));
        assert!(
            k.contains(&format!("content=\"0; url={url}\"")),
            "{code} must forward to {url}:\n{k}"
        );
        assert!(k.contains(&format!(">https://wijkcontracten.example.nl{url}</a>")));
        assert!(k.contains("noindex"));
    }
    let mut unique: Vec<&String> = codes.iter().map(|(_, c)| c).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len(), "no code is shared");
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        !sitemap.contains("/k/"),
        "short links are not pages of their own"
    );
    // The question page names its short link.
    assert!(page(&out, Q7).contains(&format!(
        "wijkcontracten.example.nl/k/{}/",
        code_of(&root, Q7)
    )));
}

#[test]
fn short_links_stay_with_their_url_and_are_never_reused() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let first = codes(&root);
    // The same content in a fresh clone (the record only) gives the same codes.
    let (_tmp2, root2, out2) = site();
    fs::copy(root.join(RECORD), root2.join(RECORD)).unwrap();
    assert_eq!(build(&root2, &out2, &[]).0, 0);
    assert_eq!(codes(&root2), first);

    // A new question whose first candidate the record already gave to question 7:
    // question 7 keeps it, the new one takes its next candidate.
    let contract = root.join("content/contracts/meerwijk/2011.yaml");
    let text = fs::read_to_string(&contract).unwrap();
    let new_url = "/wijken/meerwijk/2011/99/";
    let taken = ShortCode::candidate(new_url, 0).to_string();
    let old = code_of(&root, Q7);
    let record = fs::read_to_string(root.join(RECORD))
        .unwrap()
        .replace(&format!("\tk={old}\n"), &format!("\tk={taken}\n"));
    fs::write(root.join(RECORD), record).unwrap();
    let q99 = "  - id: 99\n    title: Een nieuwe vraag over bankjes\n    kind: question\n    topic: heel\n    asked: Meer bankjes.\n    partner: gemeente\n    outcome: resolved\n";
    assert!(text.contains("questions:\n"));
    fs::write(&contract, format!("{text}{q99}")).unwrap();
    let (status, stderr) = build(&root, &out, &[]);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(
        code_of(&root, Q7),
        taken,
        "a recorded code stays with its URL"
    );
    let given = code_of(&root, new_url);
    assert_ne!(given, taken);
    assert_eq!(given, ShortCode::candidate(new_url, 1).to_string());
    assert!(page(&out, &format!("/k/{taken}/")).contains(Q7));

    // A question that leaves the site keeps its code reserved in the record.
    fs::write(&contract, &text).unwrap();
    let (status, stderr) = build(&root, &out, &["--allow-dropped-urls"]);
    assert_eq!(status, 0, "{stderr}");
    let record = fs::read_to_string(root.join(RECORD)).unwrap();
    assert!(
        record.contains(&format!("/k/{given}/\twas={new_url}\n")),
        "{record}"
    );
    assert!(!out.join(format!("k/{given}")).exists());
    // Back again, it gets its old code, not a new one.
    fs::write(&contract, format!("{text}{q99}")).unwrap();
    assert_eq!(build(&root, &out, &[]).0, 0);
    assert_eq!(code_of(&root, new_url), given);
}

/// Decodes every QR code in a page's inline SVGs with a real QR reader.
fn decode_codes(html: &str) -> Vec<String> {
    html.split("<svg class=\"qr\"")
        .skip(1)
        .map(|svg| {
            let view: usize = svg
                .split("viewBox=\"0 0 ")
                .nth(1)
                .and_then(|s| s.split(' ').next())
                .unwrap()
                .parse()
                .unwrap();
            let d = svg
                .split(" d=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let mut dark = vec![false; view * view];
            let (mut x, mut y) = (0usize, 0usize);
            // Split the path into its commands: a letter and its numbers.
            let mut steps: Vec<(char, Vec<f64>)> = Vec::new();
            let mut number = String::new();
            for c in d.chars().chain([' ']) {
                if c.is_ascii_digit() || c == '.' {
                    number.push(c);
                    continue;
                }
                if !number.is_empty() {
                    steps.last_mut().unwrap().1.push(number.parse().unwrap());
                    number.clear();
                }
                if c.is_ascii_alphabetic() {
                    steps.push((c, Vec::new()));
                }
            }
            for (op, nums) in steps {
                match op {
                    'M' => (x, y) = (nums[0] as usize, nums[1].floor() as usize),
                    'm' => x += nums[0] as usize,
                    'h' => {
                        for i in 0..nums[0] as usize {
                            dark[y * view + x + i] = true;
                        }
                        x += nums[0] as usize;
                    }
                    other => panic!("{other}"),
                }
            }
            let scale = 4;
            let mut img = rqrr::PreparedImage::prepare_from_greyscale(
                view * scale,
                view * scale,
                |px, py| {
                    if dark[(py / scale) * view + px / scale] {
                        0
                    } else {
                        255
                    }
                },
            );
            let grids = img.detect_grids();
            assert_eq!(grids.len(), 1);
            grids[0].decode().unwrap().1
        })
        .collect()
}

#[test]
fn the_printed_contract_has_every_question_its_state_and_a_qr_code_to_its_short_link() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let html = page(&out, "/wijken/meerwijk/2011/afdrukken/");
    let contract = page(&out, "/wijken/meerwijk/2011/");
    assert!(contract.contains("href=\"/wijken/meerwijk/2011/afdrukken/\""));
    assert!(html.contains("/static/print.css"));
    assert!(
        html.contains("Wijkplatform Meerwijk, Gemeente Testdorp"),
        "the signatories"
    );
    assert!(html.contains("class=\"notice\""), "the expectation notice");
    let record = fs::read_to_string(root.join(RECORD)).unwrap();
    let questions: Vec<&str> = record
        .lines()
        .filter(|l| l.starts_with("/wijken/meerwijk/2011/") && l.contains("\toutcome="))
        .collect();
    assert!(questions.len() > 3);
    let decoded = decode_codes(&html);
    assert_eq!(
        decoded.len(),
        questions.len() + 1,
        "one per question and one for the contract"
    );
    for line in &questions {
        let url = line.split('\t').next().unwrap();
        let title = line
            .split("\ttitle=")
            .nth(1)
            .unwrap()
            .split('\t')
            .next()
            .unwrap();
        assert!(html.contains(&tera_escape(title)), "{title}");
        let short = format!(
            "https://wijkcontracten.example.nl/k/{}/",
            code_of(&root, url)
        );
        assert!(decoded.contains(&short), "{short} in {decoded:?}");
    }
    assert_eq!(
        decoded.last().unwrap(),
        &format!(
            "https://wijkcontracten.example.nl/k/{}/",
            code_of(&root, "/wijken/meerwijk/2011/")
        )
    );
    // The states, in words (question 7 was done on time in the fixture).
    assert!(html.contains("Uitgevoerd") || html.contains("Op schema") || html.contains("Te laat"));
    assert!(page(&out, "/en/wijken/meerwijk/2011/afdrukken/").contains("QR code to question"));
}

fn tera_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2F;")
}

fn square(slug: &str, x: f64) -> String {
    format!(
        "    {{\"type\": \"Feature\", \"properties\": {{\"slug\": \"{slug}\"}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": [[[{x}, 52.3], [{}, 52.3], [{}, 52.31], [{x}, 52.31], [{x}, 52.3]]]}}}}",
        x + 0.01,
        x + 0.01
    )
}

fn geojson(slugs: &[&str]) -> String {
    let features: Vec<String> = slugs
        .iter()
        .enumerate()
        .map(|(i, s)| square(s, 4.6 + i as f64 * 0.02))
        .collect();
    format!(
        "{{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n{}\n  ]\n}}\n",
        features.join(",\n")
    )
}

fn every_html(out: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            (
                e.path().display().to_string(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_map_is_there_only_with_its_file() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    assert!(!out.join("kaart").exists());
    for (path, html) in every_html(&out) {
        assert!(
            !html.contains("href=\"/kaart/") && !html.contains("href=\"/en/kaart/"),
            "{path} links to a map the site does not have"
        );
        assert!(
            !html.contains("map-small"),
            "{path} has a map without its file"
        );
    }
    fs::write(
        root.join("content/map.geojson"),
        geojson(&["meerwijk", "europawijk", "delftwijk", "boerhaavewijk"]),
    )
    .unwrap();
    let (status, stderr) = build(&root, &out, &[]);
    assert_eq!(status, 0, "{stderr}");
    let map = page(&out, "/kaart/");
    assert!(map.contains("<svg viewBox="));
    assert!(map.contains("<a href=\"/wijken/meerwijk/\" aria-label=\"Meerwijk: "));
    assert_eq!(map.matches("<path class=\"area").count(), 4);
    assert!(map.contains("<table"), "the list is the text alternative");
    assert!(
        page(&out, "/").contains("href=\"/kaart/\""),
        "the navigation links to it"
    );
    assert!(page(&out, "/en/").contains("href=\"/en/kaart/\""));
}

#[test]
fn check_reports_a_bad_map_at_its_line() {
    let site = common::Site::base();
    site.write("content/map.geojson", geojson(&["meerwijk", "nergenswijk"]));
    let report = site.check();
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-neighbourhood")
        .unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    assert_eq!(d.file, "content/map.geojson");
    assert_eq!(d.line, 5, "the line of the second feature");
    assert_eq!(report.status, 1);

    site.write("content/map.geojson", "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\"type\": \"Feature\",, }\n  ]\n}\n");
    let report = site.check();
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "map-invalid")
        .unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    assert_eq!((d.file.as_str(), d.line), ("content/map.geojson", 4));

    site.write(
        "content/map.geojson",
        "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"slug\": \"meerwijk\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [4.6, 52.3]}}]}",
    );
    assert!(site.check().codes().contains(&"map-invalid"));
}

#[test]
fn the_press_card_shows_the_latest_contract_in_figures_and_opens_links_in_the_parent() {
    let (_tmp, root, out) = site();
    assert_eq!(build(&root, &out, &[]).0, 0);
    let card = page(&out, "/wijken/meerwijk/kaart/");
    let contract = page(&out, "/wijken/meerwijk/2011/");
    assert!(
        card.contains("href=\"/wijken/meerwijk/2011/#nagekomen\" target=\"_top\"")
            || card.matches("target=\"_top\"").count() > 5,
        "links open in the parent page"
    );
    // Every link but the skip link opens in the parent page.
    assert_eq!(
        card.matches("<a ").count() - 1,
        card.matches("target=\"_top\"").count()
    );
    assert!(!card.contains("main-nav"), "no site navigation");
    assert!(card.contains("class=\"notice\""));
    assert!(card.contains("href=\"/wijken/meerwijk/2011/\""));
    // The same figures as the contract page: its totals block, to the id.
    let totals = |html: &str, id: &str| {
        let start = html.find("<div class=\"totals\">").unwrap();
        let end = html[start..].find("</div>").unwrap() + start;
        html[start..end]
            .replace(id, "ID")
            .replace(" target=\"_top\"", "")
    };
    assert_eq!(totals(&card, "card-bar"), totals(&contract, "contract-bar"));
    let neighbourhood = page(&out, "/wijken/meerwijk/");
    assert!(
        neighbourhood.contains(
            "&lt;iframe src=&quot;https://wijkcontracten.example.nl/wijken/meerwijk/kaart/&quot;"
        ),
        "the snippet to copy"
    );
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/kaart/"));
}

/// The small map's `<svg>…</svg>` on a page, if it has one.
fn small_map(html: &str) -> Option<&str> {
    let start = html.find("<figure class=\"map map-small\">")?;
    let end = html[start..].find("</svg>")? + start;
    Some(&html[start..end])
}

#[test]
fn the_home_page_shows_the_small_map_and_each_neighbourhood_page_highlights_its_own() {
    let (_tmp, root, out) = site();
    // Boerhaavewijk has no shape: the map leaves it out, and its page has no map.
    fs::write(
        root.join("content/map.geojson"),
        geojson(&["meerwijk", "europawijk", "delftwijk"]),
    )
    .unwrap();
    let (status, stderr) = build(&root, &out, &[]);
    assert_eq!(status, 0, "{stderr}");
    let slugs = ["meerwijk", "europawijk", "delftwijk"];
    for lang in ["", "/en"] {
        let home = page(&out, &format!("{lang}/"));
        let svg = small_map(&home).unwrap_or_else(|| panic!("no small map on {lang}/"));
        assert_eq!(svg.matches("<path class=\"area area-").count(), 3);
        for slug in slugs {
            // Every shape is a link with a name that carries its figure.
            assert!(
                svg.contains(&format!("<a href=\"{lang}/wijken/{slug}/\" aria-label=\"")),
                "{lang}/ {slug}"
            );
        }
        assert!(
            !svg.contains("aria-current"),
            "nothing highlighted on the home page"
        );
        assert!(!svg.contains("boerhaavewijk"));
        // The legend in words, and the list with the figures as the text alternative.
        assert!(home.contains("class=\"map-legend map-legend-small\""));
        assert!(home.contains(&format!("href=\"{lang}/kaart/#map-list\"")));
        assert!(page(&out, &format!("{lang}/kaart/")).contains("id=\"map-list\""));
        // Whole units: the small map is simplified and rounded.
        let d = first_path(svg);
        assert!(
            d.starts_with('M') && d.ends_with('Z') && !d.contains('.'),
            "{d}"
        );

        for slug in slugs {
            let html = page(&out, &format!("{lang}/wijken/{slug}/"));
            let svg = small_map(&html).unwrap_or_else(|| panic!("no map on {slug}"));
            assert_eq!(svg.matches("<path class=\"area area-").count(), 3);
            // Its own shape: marked as this page, hatched and outlined, drawn last (on top).
            assert_eq!(svg.matches("aria-current=\"page\"").count(), 1);
            assert_eq!(svg.matches("class=\"area-current\"").count(), 1);
            let own = svg.rfind("<a href=").map(|i| &svg[i..]).unwrap();
            assert!(
                own.starts_with(&format!("<a href=\"{lang}/wijken/{slug}/\" aria-label=\""))
                    && own.contains("aria-current=\"page\"")
                    && own.contains("class=\"area-current\""),
                "{own}"
            );
            assert!(svg.contains("fill") || html.contains("id=\"map-hatch\""));
            // The others link to their own pages.
            for other in slugs.iter().filter(|s| **s != slug) {
                assert!(svg.contains(&format!("<a href=\"{lang}/wijken/{other}/\" aria-label=\"")));
            }
            // The caption and the legend name it, in words.
            let name = capitalised(slug);
            let caption = html
                .split("<figcaption id=\"map-small-caption\">")
                .nth(1)
                .unwrap()
                .split("</figcaption>")
                .next()
                .unwrap();
            let outlined = if lang.is_empty() {
                "is gearceerd en dik omrand"
            } else {
                "is hatched and outlined"
            };
            assert!(
                caption.starts_with(&format!("{name} {outlined}")),
                "{caption}"
            );
            assert!(
                html.contains(&format!("omrand: {name}</li>"))
                    || html.contains(&format!("outline: {name}</li>"))
            );
        }
        let unmapped = page(&out, &format!("{lang}/wijken/boerhaavewijk/"));
        assert!(small_map(&unmapped).is_none(), "no map without its shape");
    }
    // The Dutch caption gives the figure the shading stands for.
    let html = page(&out, "/wijken/meerwijk/");
    let label = html
        .split("<a href=\"/wijken/meerwijk/\" aria-label=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        label.starts_with("Meerwijk: ") && label.contains("% nagekomen"),
        "{label}"
    );
    let figure = label
        .trim_start_matches("Meerwijk: ")
        .split(' ')
        .next()
        .unwrap();
    assert!(html.contains(&format!("omrand: {figure} van de afspraken nagekomen")));
}

/// The path data of the first shape in a map.
fn first_path(svg: &str) -> &str {
    svg.split("<path class=\"area area-")
        .nth(1)
        .and_then(|p| p.split(" d=\"").nth(1))
        .and_then(|p| p.split('"').next())
        .unwrap()
}

fn capitalised(slug: &str) -> String {
    let mut c = slug.chars();
    c.next().unwrap().to_uppercase().collect::<String>() + c.as_str()
}

/// A wobbly ring of `n` points around (x, y): detailed boundaries, as a
/// municipality publishes them.
fn detailed(slug: &str, x: f64, y: f64, n: usize) -> String {
    let points: Vec<String> = (0..=n)
        .map(|i| {
            let t = (i % n) as f64 / n as f64 * std::f64::consts::TAU;
            let r = 0.009 * (1.0 + 0.03 * (t * 60.0).sin() + 0.01 * (t * 700.0).cos());
            format!("[{:.6},{:.6}]", x + r * t.cos(), y + r * t.sin())
        })
        .collect();
    format!(
        "{{\"type\": \"Feature\", \"properties\": {{\"slug\": \"{slug}\"}}, \"geometry\": {{\"type\": \"Polygon\", \"coordinates\": [[{}]]}}}}",
        points.join(",")
    )
}

#[test]
fn detailed_boundaries_are_simplified_so_that_every_page_keeps_its_budget() {
    let (_tmp, root, out) = site();
    // 4 × 12,000 points, near the file's limit of 50,000: about 1 MB of GeoJSON.
    let features: Vec<String> = ["meerwijk", "europawijk", "delftwijk", "boerhaavewijk"]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            detailed(
                s,
                4.6 + (i % 2) as f64 * 0.02,
                52.3 + (i / 2) as f64 * 0.02,
                12_000,
            )
        })
        .collect();
    let text = format!(
        "{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}\n",
        features.join(",\n")
    );
    assert!(text.len() > 900_000);
    fs::write(root.join("content/map.geojson"), text).unwrap();
    let (status, stderr) = build(&root, &out, &[]);
    assert_eq!(status, 0, "{stderr}");
    let css = fs::metadata(out.join("static/style.css")).unwrap().len() as usize;
    for url in ["/", "/en/", "/wijken/meerwijk/", "/en/wijken/europawijk/"] {
        let html = page(&out, url);
        let svg = small_map(&html).unwrap();
        assert!(
            svg.len() < 24 * 1024,
            "{url}: the small map is {} bytes",
            svg.len()
        );
        assert!(
            html.len() + css < 100 * 1024,
            "{url}: {} bytes",
            html.len() + css
        );
        // Still the shape of a neighbourhood, not a triangle.
        let d = first_path(svg);
        assert!(d.split([' ', '-']).count() > 20, "{d}");
    }
    let map = page(&out, "/kaart/");
    let svg = &map[map.find("<svg viewBox=").unwrap()..map.find("</svg>").unwrap()];
    assert!(
        svg.len() < 60 * 1024,
        "/kaart/: the map is {} bytes",
        svg.len()
    );
    assert_eq!(svg.matches("<path class=\"area").count(), 4);
}
