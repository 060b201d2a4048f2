//! Progress on long work, as cargo users expect: status lines and a bar on a
//! terminal, nothing at all when output goes to a file or another program.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Receives progress from a build or an import. The default methods do nothing.
pub trait Progress: Sync {
    /// A stage begins: "Checking", "Rendering", "Writing".
    fn stage(&self, _verb: &str, _detail: &str) {}
    /// The current stage has `total` steps.
    fn total(&self, _total: u64) {}
    /// `n` more steps are done.
    fn advance(&self, _n: u64) {}
    /// The work is over; clear any bar.
    fn finish(&self) {}
}

/// No output: for tests, `serve` and output that is not a terminal.
pub struct Quiet;

impl Progress for Quiet {}

/// Status lines and a progress bar on standard error.
pub struct Terminal {
    bar: ProgressBar,
}

impl Terminal {
    /// A terminal reporter when standard error is a terminal, else `None`.
    pub fn if_interactive() -> Option<Terminal> {
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(spinner());
        bar.enable_steady_tick(Duration::from_millis(100));
        Some(Terminal { bar })
    }
}

impl Progress for Terminal {
    fn stage(&self, verb: &str, detail: &str) {
        self.bar.println(format!(
            "{} {detail}",
            console_bold_green(&format!("{verb:>12}"))
        ));
        self.bar.set_prefix(verb.to_string());
        self.bar.set_style(spinner());
        self.bar.set_position(0);
    }
    fn total(&self, total: u64) {
        self.bar.set_style(
            ProgressStyle::with_template("{prefix:>12.cyan.bold} [{bar:30}] {pos}/{len}")
                .expect("valid template")
                .progress_chars("=> "),
        );
        self.bar.set_length(total);
    }
    fn advance(&self, n: u64) {
        self.bar.inc(n);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn spinner() -> ProgressStyle {
    ProgressStyle::with_template("{prefix:>12.cyan.bold} {spinner}").expect("valid template")
}

fn console_bold_green(s: &str) -> String {
    if std::env::var_os("NO_COLOR").is_some() {
        s.to_string()
    } else {
        format!("\x1b[1;32m{s}\x1b[0m")
    }
}
