//! In-process stages on the bundled example site: load + validate (`check`),
//! rendering every page and file in memory, and the whole in-memory build.
//! Whole-process runs on large generated sites are in benches/build.sh.
//!
//!     cargo bench --bench stages

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

fn stages(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let as_of = afspraak::parse_as_of("2026-11-27T12:00");
    c.bench_function("check (load + validate), bundled site", |b| {
        b.iter(|| black_box(afspraak::check(root, as_of).unwrap()))
    });
    let site = afspraak::check(root, as_of)
        .unwrap()
        .site
        .expect("the bundled site checks");
    let theme = afspraak::render::Theme::load(root, &site.config.theme).unwrap();
    c.bench_function("render pages, bundled site", |b| {
        b.iter(|| {
            let published = afspraak::render::Published::new(&site);
            let out = afspraak::output::Memory::default();
            afspraak::render::render_pages(&published, &theme, &afspraak::progress::Quiet, &out)
                .unwrap();
            black_box(out.into_inner())
        })
    });
    c.bench_function("generate everything in memory, bundled site", |b| {
        b.iter(|| black_box(afspraak::generate(root, &site).unwrap()))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
