//! The floor for any generator: the time a trivial program takes to write the
//! files of a built site to a folder. Reads FROM (a built site) into memory,
//! then writes every file under TO, one after another, and prints the seconds
//! the writing took.
//!
//!     cargo run --release --example write_floor -- FROM TO

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn collect(dir: &Path, base: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    for entry in fs::read_dir(dir).expect("readable folder") {
        let entry = entry.expect("entry");
        let path = entry.path();
        if entry.file_type().expect("type").is_dir() {
            collect(&path, base, out);
        } else {
            let rel = path.strip_prefix(base).expect("inside").to_path_buf();
            out.push((rel, fs::read(&path).expect("readable file")));
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, from, to] = args.as_slice() else {
        eprintln!("usage: write_floor FROM TO");
        std::process::exit(2);
    };
    let mut files = Vec::new();
    collect(Path::new(from), Path::new(from), &mut files);
    let to = Path::new(to);
    let _ = fs::remove_dir_all(to);
    let started = Instant::now();
    for (rel, bytes) in &files {
        let target = to.join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).expect("create folder");
        }
        fs::write(&target, bytes).expect("write file");
    }
    println!("{:.3}", started.elapsed().as_secs_f64());
    eprintln!("wrote {} files", files.len());
}
