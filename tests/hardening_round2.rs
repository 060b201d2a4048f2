//! Hardening, round 2 (issue 18): concurrent builds, bounded imports, the
//! personal-data check on what is published, and a stricter preview server.

mod hardening_support;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hardening_support::*;
use tempfile::TempDir;

// ---------------------------------------------------------------------------
// 1. Concurrent builds
// ---------------------------------------------------------------------------

/// The program under test; `AFSPRAAK_BIN` runs these tests against another build of it.
fn bin() -> String {
    std::env::var("AFSPRAAK_BIN").unwrap_or_else(|_| BIN.to_string())
}

fn build_command(root: &Path, out: &Path) -> Command {
    let mut c = Command::new(bin());
    c.args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn signal(pid: u32, sig: &str) {
    let st = Command::new("kill")
        .args([sig, &pid.to_string()])
        .status()
        .unwrap();
    assert!(st.success());
}

fn staging_exists(parent: &Path) -> bool {
    fs::read_dir(parent).is_ok_and(|d| {
        d.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".public.staging-"))
    })
}

/// A second build into the same output, run to its end while the first is
/// paused in the middle of writing: the first build's site must come out
/// whole, and the second must not report success over a partial site.
#[test]
fn a_second_build_never_leaves_an_incomplete_site() {
    let tmp = TempDir::new().unwrap();
    let root = tmp.path().join("site");
    copy_site(&repo(), &root);
    let reference = tmp.path().join("ref/public");
    assert!(build_command(&root, &reference).status().unwrap().success());
    let expected = tree(&reference);
    let parent = tmp.path().join("pub");
    let out = parent.join("public");
    let mut caught = false;
    for _ in 0..20 {
        let _ = fs::remove_dir_all(&parent);
        fs::create_dir_all(&parent).unwrap();
        let mut first = build_command(&root, &out).spawn().unwrap();
        let pid = first.id();
        // Pause the first build as soon as it writes into its staging folder.
        let started = Instant::now();
        while !staging_exists(&parent) && started.elapsed() < Duration::from_secs(60) {
            if first.try_wait().unwrap().is_some() {
                break;
            }
        }
        signal(pid, "-STOP");
        if first.try_wait().unwrap().is_some() || !staging_exists(&parent) {
            signal(pid, "-CONT");
            first.wait().unwrap();
            continue; // it finished before it could be paused; try again
        }
        caught = true;
        let second = build_command(&root, &out).output().unwrap();
        let second_err = String::from_utf8_lossy(&second.stderr).into_owned();
        signal(pid, "-CONT");
        let first = first.wait_with_output().unwrap();
        assert!(
            first.status.success(),
            "the first build failed: {}",
            String::from_utf8_lossy(&first.stderr)
        );
        if second.status.success() {
            panic!("the second build reported success while the first was writing: {second_err}");
        }
        assert!(
            second_err.contains("another build is writing into"),
            "the second build says why it stopped: {second_err}"
        );
        let got = tree(&out);
        assert!(
            got == expected,
            "the output is not the complete site: {}",
            tree_diff(&expected, &got).unwrap_or_default()
        );
        let left: Vec<_> = fs::read_dir(&parent)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "public")
            .collect();
        assert!(left.is_empty(), "left beside the output: {left:?}");
        break;
    }
    assert!(caught, "never caught the first build while it was writing");
}
