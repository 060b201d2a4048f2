//! The search index alone: checks a site, then builds its index (into memory,
//! writing nothing) and prints the seconds that took, best of RUNS, and the
//! files and bytes it made. What the index adds to a build is at most this.
//!
//!     cargo run --release --example search_index -- SITE [RUNS]

use std::path::Path;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = args.next().expect("usage: search_index SITE [RUNS]");
    let runs: usize = args
        .next()
        .map_or(3, |r| r.parse().expect("RUNS is a number"));
    let checked = afspraak::check(Path::new(&root), None).expect("the site loads");
    let site = checked.site.expect("the site checks");
    let published = afspraak::render::Published::new(&site);
    let mut best = f64::MAX;
    let mut made = (0, 0);
    for _ in 0..runs {
        let out = afspraak::output::Memory::default();
        let started = Instant::now();
        afspraak::search::render(&published, &out).expect("the index builds");
        best = best.min(started.elapsed().as_secs_f64());
        let files = out.into_inner();
        made = (files.len(), files.values().map(Vec::len).sum::<usize>());
    }
    println!("{best:.3} s, {} files, {} bytes", made.0, made.1);
}
