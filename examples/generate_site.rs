//! Generates a large, valid afspraak site for the benchmarks in `benches/`.
//!
//!     cargo run --release --example generate_site -- --questions 10000 --out /tmp/afspraak-10k [--seed 1]
//!
//! The output is deterministic for a given seed and size: about QUESTIONS / 20
//! contracts of 20 questions each, spread over neighbourhoods and the years
//! 2021-2025, with every outcome, progress histories, decisions, disputes,
//! `follows` links to earlier years, updates that link to questions, and texts
//! of about 100-150 words for `asked` and `answer`. The generated site checks
//! clean (`as_of` is 2026-06-30); the texts hold no digits, so that the
//! personal-data check has realistic work to do but nothing to find.
//!
//! An existing `--out` folder that holds a generated site is replaced, so that
//! a benchmark can regenerate its site in place; any other non-empty folder is
//! refused.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate};

/// The title every generated site has; it marks a folder as one this program may replace.
const GENERATED_TITLE: &str = "Wijkcontracten Benchmark";
const YEARS: [i32; 5] = [2021, 2022, 2023, 2024, 2025];
const PER_CONTRACT: usize = 20;

const WORDS: &str = "
bewoners wijk straat park plein buurt speeltuin verlichting lantaarnpaal stoep
fietspad bankje container afval zwerfvuil groen bomen heesters gras vijver pad
parkeren verkeer snelheid drempel oversteekplaats school buurthuis jongeren
ouderen wijkagent overlast veiligheid onderhoud bestrating tegels riolering
water schimmel portiek flat woning corporatie gemeente partner afspraak plan
planning uitvoering aannemer opdracht budget begroting jaar voorjaar najaar
zomer winter avond ochtend week maand snel langzaam graag liever samen veel
weinig vaak soms altijd nooit goed slecht beter mooi donker licht schoon heel
veilig sociaal groot klein nieuw oud extra meer minder ook nog al wel niet
de het een en of maar want dus omdat als dan dat die deze dit wij zij ze we
willen vragen vinden zien horen melden zeggen maken zetten leggen planten
vervangen repareren legen ophalen controleren bekijken bespreken overleggen
";

const FIRST: [&str; 14] = [
    "Betere", "Meer", "Nieuwe", "Extra", "Veilige", "Schone", "Groene", "Rustige", "Kapotte",
    "Volle", "Donkere", "Losse", "Oude", "Drukke",
];
const NOUNS: [&str; 16] = [
    "verlichting",
    "containers",
    "stoeptegels",
    "speelplek",
    "bankjes",
    "fietsenrekken",
    "drempels",
    "bomen",
    "heesters",
    "lantaarnpalen",
    "bestrating",
    "afvalbakken",
    "borden",
    "hondenpoepbakken",
    "parkeerplaatsen",
    "oversteekplaatsen",
];
const PREPOSITIONS: [&str; 4] = ["bij de", "in de", "aan de", "rond het"];
const PLACES: [&str; 14] = [
    "Floris van Adrichempark",
    "Baden Powellstraat",
    "Kleverlaan",
    "Briandplein",
    "Europaweg",
    "Montessoristraat",
    "Frobelstraat",
    "Noorder Emmakade",
    "Schipholweg",
    "Amsterdamsevaart",
    "Leidsevaart",
    "Houtvaart",
    "Spaarne",
    "Kennemerplein",
];

const CHANNELS: [&str; 7] = [
    "meeting",
    "walk",
    "consultation-hour",
    "survey",
    "panel",
    "residents-organisation",
    "regular-contact",
];
const OUTCOMES: [&str; 5] = [
    "resolved",
    "honoured",
    "scheduled",
    "prioritised",
    "declined",
];
const STATES: [&str; 3] = ["planned", "started", "delayed"];
const GROUNDS: [&str; 3] = ["legal", "policy", "financial"];
/// slug, name, kind
const PARTNERS: [(&str, &str, &str); 8] = [
    ("gemeente", "Gemeente", "municipality"),
    ("elan-wonen", "Elan Wonen", "housing"),
    ("ymere", "Ymere", "housing"),
    ("pre-wonen", "Pre Wonen", "housing"),
    ("politie", "Politie", "police"),
    ("spaarnelanden", "Spaarnelanden", "waste"),
    ("dock", "DOCK", "welfare"),
    ("provincie", "Provincie", "other"),
];
const TOPICS: [&str; 6] = ["schoon", "heel", "veilig", "sociaal", "groen", "verkeer"];

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid calendar date")
}

/// "Now" for the generated site: nothing in it may lie after this day.
fn as_of() -> NaiveDate {
    date(2026, 6, 30)
}

/// splitmix64: tiny, fast and good enough for test data; written out here so
/// that the output depends on no crate's choice of algorithm.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n (multiply-shift, so no modulo bias worth speaking of).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in lo..=hi, like Python's `randint`.
    fn int(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// `k` distinct items in random order (a partial Fisher-Yates shuffle).
    fn sample<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut pool = items.to_vec();
        for i in 0..k {
            let j = i + self.below(pool.len() - i);
            pool.swap(i, j);
        }
        pool.truncate(k);
        pool
    }
}

/// One step of a progress history.
struct Step {
    date: NaiveDate,
    state: &'static str,
    note: String,
}

struct Generator {
    rng: Rng,
    words: Vec<&'static str>,
}

impl Generator {
    fn sentence(&mut self, lo: usize, hi: usize) -> String {
        let count = self.rng.int(lo, hi);
        let words: Vec<&str> = (0..count).map(|_| self.rng.pick(&self.words)).collect();
        format!("{} {}.", capitalize(words[0]), words[1..].join(" "))
    }

    /// About lo..hi words in sentences of 8-16 words.
    fn paragraph(&mut self, lo: usize, hi: usize) -> String {
        let target = self.rng.int(lo, hi);
        let (mut words, mut out) = (0, Vec::new());
        while words < target {
            let s = self.sentence(8, 16);
            words += s.split(' ').count();
            out.push(s);
        }
        out.join(" ")
    }

    fn day_between(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo).num_days() as usize;
        lo + Duration::days(self.rng.int(0, span) as i64)
    }

    /// Oldest first, never after `as_of`; ends with `done` when finished.
    fn progress(&mut self, start: NaiveDate, end: NaiveDate, finished: bool) -> Vec<Step> {
        let end = end.min(as_of());
        let steps = self.rng.int(1, 3);
        let mut days: Vec<NaiveDate> = (0..steps).map(|_| self.day_between(start, end)).collect();
        days.sort();
        let last = days.len() - 1;
        days.into_iter()
            .enumerate()
            .map(|(i, date)| Step {
                date,
                state: if i == last && finished {
                    "done"
                } else {
                    self.rng.pick(&STATES)
                },
                note: self.sentence(4, 9),
            })
            .collect()
    }

    /// One question of a contract as a YAML list item.
    fn question(&mut self, qid: usize, year: i32, follows: Option<String>) -> String {
        let start = date(year, 4, 1);
        let end = date(year + 1, 3, 31);
        // Mostly cycling through the outcomes, so that every contract has each.
        let outcome = if self.rng.chance(0.8) {
            OUTCOMES[qid % 5]
        } else {
            self.rng.pick(&OUTCOMES)
        };
        let r = &mut self.rng;
        let title = format!(
            "{} {} {} {}",
            r.pick(&FIRST),
            r.pick(&NOUNS),
            r.pick(&PREPOSITIONS),
            r.pick(&PLACES)
        );
        let mut y = format!("  - id: {qid}\n    title: {title}\n");
        if let Some(follows) = follows {
            y += &format!("    follows: {follows}\n");
        }
        let kind = if r.chance(0.2) {
            "initiative"
        } else {
            "question"
        };
        y += &format!("    kind: {kind}\n");
        y += &format!("    channel: {}\n", r.pick(&CHANNELS));
        y += &format!("    topic: {}\n", r.pick(&TOPICS));
        y += &format!("    location: {}\n", r.pick(&PLACES));
        let asked = self.paragraph(100, 150);
        y += &format!("    asked: {}", block(&asked, 6));
        y += &format!("    partner: {}\n", self.rng.pick(&PARTNERS).0);
        y += &format!("    outcome: {outcome}\n");

        // Each outcome with the fields the spec requires of it.
        let mut history = Vec::new();
        match outcome {
            "resolved" => {
                let d = self.day_between(start, start + Duration::days(60));
                history.push(Step {
                    date: d,
                    state: "done",
                    note: self.sentence(4, 9),
                });
            }
            "honoured" => {
                let month = self.day_between(start, end);
                y += &format!("    when: {}-{:02}\n", month.year(), month.month());
                let finished = self.rng.chance(0.7);
                history = self.progress(start, month + Duration::days(20), finished);
            }
            "scheduled" => {
                let when_year = year + self.rng.int(1, 3) as i32;
                let when = if self.rng.chance(0.5) {
                    format!("{when_year}-Q{}", self.rng.int(1, 4))
                } else {
                    when_year.to_string()
                };
                y += &format!("    when: {when}\n");
                let adjusted = self.rng.chance(0.5);
                y += &format!("    planning_adjusted: {adjusted}\n");
                if !adjusted || self.rng.chance(0.5) {
                    let reason = self.paragraph(30, 60);
                    y += &format!("    reason: {}", block(&reason, 6));
                }
                if self.rng.chance(0.5) {
                    history = self.progress(start, date(when_year, 12, 31), false);
                }
            }
            "prioritised" => {
                y += &format!("    report_by: {year}-12\n");
                if self.rng.chance(0.7) {
                    let d = self.day_between(date(year, 9, 1), date(year, 12, 20));
                    let included = self.rng.chance(0.5);
                    let note = self.sentence(5, 10);
                    y += &format!(
                        "    decision:\n      date: {d}\n      included: {included}\n      note: {note}\n"
                    );
                    if included && self.rng.chance(0.5) {
                        let finished = self.rng.chance(0.5);
                        history = self.progress(d, date(year + 1, 12, 31), finished);
                    }
                }
            }
            _ => {
                // declined
                y += &format!("    ground: {}\n", self.rng.pick(&GROUNDS));
                let reason = self.paragraph(30, 60);
                y += &format!("    reason: {}", block(&reason, 6));
            }
        }
        let answer = self.paragraph(100, 150);
        y += &format!("    answer: {}", block(&answer, 6));

        if let Some(last) = history.last() {
            y += "    progress:\n";
            for step in &history {
                y += &format!(
                    "      - date: {}\n        state: {}\n        note: {}\n",
                    step.date, step.state, step.note
                );
            }
            if last.state == "done" && self.rng.chance(0.1) {
                let until = (last.date + Duration::days(60)).min(as_of());
                let d = self.day_between(last.date, until);
                let note = self.sentence(6, 12);
                y += &format!("    disputed:\n      date: {d}\n      note: {note}\n");
            }
        }
        y
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Python's `str.title()` for slugs: "wijk-ba" becomes "Wijk-Ba".
fn title_case(slug: &str) -> String {
    let mut out = String::with_capacity(slug.len());
    let mut after_letter = false;
    for c in slug.chars() {
        out.push(if after_letter {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        });
        after_letter = c.is_ascii_alphabetic();
    }
    out
}

/// A YAML literal block scalar, wrapped at about 90 characters.
fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::from("|\n");
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > 90 {
            out += &format!("{pad}{line}\n");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line += word;
    }
    out += &format!("{pad}{line}\n");
    out
}

/// Unique lowercase letters without digits (the texts and slugs hold none):
/// a, b, ..., z, ba, bb, ...
fn letters(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (i % 26) as u8);
        i /= 26;
        if i == 0 {
            s.reverse();
            return String::from_utf8(s).expect("ASCII letters");
        }
    }
}

/// Writes the site; returns the number of questions and of contracts.
fn generate(out: &Path, questions: usize, seed: u64) -> std::io::Result<(usize, usize)> {
    let mut g = Generator {
        rng: Rng(seed),
        words: WORDS.split_whitespace().collect(),
    };
    let contracts = questions.div_ceil(PER_CONTRACT).max(1);
    let n_neighbourhoods = contracts.div_ceil(YEARS.len()).max(1);
    let neighbourhoods: Vec<String> = (0..n_neighbourhoods)
        .map(|i| format!("wijk-{}", letters(i)))
        .collect();
    if out.exists() {
        // Only a site this program made (or an empty folder) is replaced.
        let ours =
            fs::read_to_string(out.join("site.toml")).is_ok_and(|t| t.contains(GENERATED_TITLE));
        let empty = fs::read_dir(out)?.next().is_none();
        if !ours && !empty {
            return Err(std::io::Error::other(
                "the folder is not empty and holds no generated site; choose another --out",
            ));
        }
        fs::remove_dir_all(out)?;
    }
    let content = out.join("content");
    fs::create_dir_all(content.join("updates"))?;
    fs::create_dir_all(content.join("pages"))?;

    fs::write(
        out.join("site.toml"),
        format!(
            "title = \"{GENERATED_TITLE}\"\n\
             base_url = \"https://wijkcontracten.example.nl\"\n\
             as_of = {}T12:00:00\n\n\
             [privacy]\nallow = [\"14 023\"]\n\n\
             [open_data]\npublisher = {{ name = \"Gemeente\" }}\n\
             contact = {{ name = \"Team Wijkcontracten\", email = \"wijkcontracten@example.nl\" }}\n",
            as_of()
        ),
    )?;

    // Twenty neighbourhoods to a district.
    let mut districts = String::new();
    for (d, group) in neighbourhoods.chunks(20).enumerate() {
        districts += &format!(
            "- slug: stadsdeel-{}\n  name: Stadsdeel {}\n  neighbourhoods:\n",
            letters(d),
            d + 1
        );
        for nb in group {
            let name = title_case(nb);
            districts +=
                &format!("    - slug: {nb}\n      name: {name}\n      council: Wijkraad {name}\n");
            if g.rng.chance(0.2) {
                districts += "      focus: true\n";
            }
        }
    }
    fs::write(content.join("districts.yaml"), districts)?;

    let partners: String = PARTNERS
        .iter()
        .map(|(slug, name, kind)| {
            format!("- slug: {slug}\n  name: {name}\n  kind: {kind}\n  url: https://www.example.nl/{slug}\n")
        })
        .collect();
    fs::write(content.join("partners.yaml"), partners)?;
    let topics: String = TOPICS
        .iter()
        .map(|t| format!("- slug: {t}\n  name: {}\n", capitalize(t)))
        .collect();
    fs::write(content.join("topics.yaml"), topics)?;
    let about = g.paragraph(200, 300);
    fs::write(
        content.join("pages").join("over.md"),
        format!("---\ntitle: Over de wijkcontracten\n---\n{about}\n"),
    )?;

    // One contract per neighbourhood per year; only the last may be short.
    let partner_slugs: Vec<&str> = PARTNERS.iter().map(|p| p.0).collect();
    let (mut written, mut made) = (0, Vec::new());
    for c in 0..contracts {
        let nb = &neighbourhoods[c / YEARS.len()];
        let year = YEARS[c % YEARS.len()];
        let count = if c == contracts - 1 {
            PER_CONTRACT.min(questions - written)
        } else {
            PER_CONTRACT
        };
        let folder = content.join("contracts").join(nb);
        fs::create_dir_all(&folder)?;
        let mut signatories = vec!["wijkraad"];
        signatories.extend(g.rng.sample(&partner_slugs, 3));
        let signed = g.rng.int(5, 25);
        let collected_via = g.rng.sample(&CHANNELS, 3);
        let mut yaml = format!(
            "period: {{ from: {year}-04-01, to: {}-03-31 }}\n\
             signed: {year}-04-{signed:02}\n\
             signatories: [{}]\n\
             collected_via: [{}]\n\
             questions:\n",
            year + 1,
            signatories.join(", "),
            collected_via.join(", ")
        );
        for q in 1..=count {
            // Follow-ups point at the same neighbourhood's previous year, which
            // always has all its questions.
            let follows = (year > YEARS[0] && g.rng.chance(0.05))
                .then(|| format!("{nb}/{}/{}", year - 1, g.rng.int(1, PER_CONTRACT)));
            yaml += &g.question(q, year, follows);
            yaml += "\n";
        }
        fs::write(folder.join(format!("{year}.yaml")), yaml)?;
        written += count;
        made.push((nb, year, count));
    }

    // An update for every tenth contract, linking to one of its questions.
    for (i, (nb, year, count)) in made.iter().step_by(10).enumerate() {
        let d = date(*year, 10, 1) + Duration::days((i % 28) as i64);
        let summary = g.sentence(6, 12);
        let question = g.rng.int(1, *count);
        let body = g.paragraph(150, 250);
        fs::write(
            content
                .join("updates")
                .join(format!("{d}-nieuws-{}.md", letters(i))),
            format!(
                "---\ntitle: Nieuws uit {}\ndate: {d}\nsummary: {summary}\nneighbourhoods: [{nb}]\n\
                 questions: [{nb}/{year}/{question}]\n---\n{body}\n",
                title_case(nb)
            ),
        )?;
    }
    Ok((written, made.len()))
}

struct Options {
    questions: usize,
    out: String,
    seed: u64,
}

const USAGE: &str = "usage: generate_site [--questions N] --out DIR [--seed S]";

/// `--name value` or `--name=value`; --out is required, as in the Python it replaces.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let (mut questions, mut out, mut seed) = (10_000, None, 1);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            println!("{USAGE}\n\nGenerates a large, valid afspraak site for benchmarking.");
            std::process::exit(0);
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match name.as_str() {
            "--questions" => {
                let v = value()?;
                // At least one: an update must have a question to link to.
                questions = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--questions: not a positive number: {v}"))?;
            }
            "--out" => out = Some(value()?),
            "--seed" => {
                let v = value()?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: not a number: {v}"))?;
            }
            _ => return Err(format!("unknown argument: {name}")),
        }
    }
    let out = out.ok_or("the argument --out is required")?;
    Ok(Options {
        questions,
        out,
        seed,
    })
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{USAGE}\ngenerate_site: error: {message}");
            return ExitCode::from(2);
        }
    };
    match generate(Path::new(&options.out), options.questions, options.seed) {
        Ok((questions, contracts)) => {
            println!(
                "{}: {contracts} contracts, {questions} questions",
                options.out
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate_site: {}: {e}", options.out);
            ExitCode::FAILURE
        }
    }
}
