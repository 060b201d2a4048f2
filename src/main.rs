//! The command line: parse arguments, call the library, print, exit.
//! Exit status: 0 success (warnings allowed), 1 content errors, 2 wrong usage,
//! 3 I/O or internal failure.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use afspraak::diagnostic::{render_human, render_json};
use cli::{Cli, Command, Format};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(3)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check {
            root,
            format,
            as_of,
        } => {
            let checked = afspraak::check(&root, as_of)?;
            match format {
                Format::Json => {
                    std::io::stdout().write_all(
                        render_json(&checked.diagnostics, &checked.sources).as_bytes(),
                    )?;
                }
                Format::Human => {
                    let color =
                        std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
                    let text = render_human(&checked.diagnostics, &checked.sources, color);
                    if checked.diagnostics.is_empty() {
                        let site = checked.site.as_ref().expect("no diagnostics means a site");
                        let questions: usize =
                            site.contracts.iter().map(|c| c.questions.len()).sum();
                        eprintln!(
                            "checked {} contracts with {} questions, {} updates and {} pages: no problems",
                            site.contracts.len(),
                            questions,
                            site.updates.len(),
                            site.pages.len()
                        );
                    } else {
                        eprint!("{text}");
                    }
                }
            }
            Ok(ExitCode::from(if checked.diagnostics.has_errors() {
                1
            } else {
                0
            }))
        }
    }
}
