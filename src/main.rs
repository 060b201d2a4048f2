//! The command line: parse arguments, call the library, print, exit.
//! Exit status: 0 success (warnings allowed), 1 content errors, 2 wrong usage,
//! 3 I/O or internal failure.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use afspraak::diagnostic::{render_human, render_json};
use cli::{Cli, Command, Format, New};

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
            // A refusal is about how afspraak was asked; anything else is I/O or internal.
            ExitCode::from(if e.downcast_ref::<afspraak::Refused>().is_some() {
                2
            } else {
                3
            })
        }
    }
}

fn print_diagnostics(checked: &afspraak::Checked) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!(
        "{}",
        render_human(&checked.diagnostics, &checked.sources, color)
    );
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Serve {
            root,
            port,
            bind,
            hosts,
            allow_remote,
        } => {
            afspraak::serve::serve_with(
                &root,
                &afspraak::serve::ServeOptions {
                    bind,
                    port,
                    hosts,
                    allow_remote,
                },
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            file,
            contract,
            root,
        } => match afspraak::import::import(&root, &file, &contract) {
            Ok(report) => {
                let ids = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
                eprintln!(
                    "{} {}: {} added [{}], {} updated [{}], {} unchanged",
                    if report.created { "created" } else { "updated" },
                    report.path.display(),
                    report.added.len(),
                    ids(&report.added),
                    report.updated.len(),
                    ids(&report.updated),
                    report.unchanged.len()
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(afspraak::import::ImportError::Rows(rows)) => {
                eprint!("{}", afspraak::import::ImportError::Rows(rows));
                Ok(ExitCode::from(1))
            }
            Err(afspraak::import::ImportError::Other(e)) => Err(e),
        },
        Command::Init { dir } => {
            let written = afspraak::scaffold::init(&dir)?;
            eprintln!(
                "created a new site in {} ({} files)",
                dir.display(),
                written.len()
            );
            eprintln!(
                "next: cd {} && afspraak check && afspraak build",
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            what:
                New::Contract {
                    neighbourhood,
                    year,
                    root,
                },
        } => {
            let path = afspraak::scaffold::new_contract(&root, &neighbourhood, year)?;
            eprintln!(
                "wrote {}: fill it in, then run `afspraak check`",
                path.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Build {
            root,
            output,
            as_of,
            allow_dropped_urls,
            timings,
        } => {
            let started = std::time::Instant::now();
            let options = afspraak::BuildOptions {
                output: output.clone(),
                as_of,
                allow_dropped_urls,
                preview: as_of.is_some(),
            };
            let built = match afspraak::progress::Terminal::if_interactive() {
                Some(terminal) => afspraak::build_with_progress(&root, &options, &terminal)?,
                None => afspraak::build_with(&root, &options)?,
            };
            if !built.checked.diagnostics.is_empty() {
                print_diagnostics(&built.checked);
            }
            let (true, Some(site)) = (built.succeeded(), &built.checked.site) else {
                eprintln!("nothing was written: fix the errors above and build again");
                return Ok(ExitCode::from(1));
            };
            if timings {
                for (stage, took) in &built.checked.timings {
                    eprintln!("{stage:>10}: {:8.1} ms", took.as_secs_f64() * 1000.0);
                }
            }
            let out = output.unwrap_or_else(|| root.join(&site.config.output_dir));
            let unchanged = match built.unchanged {
                0 => String::new(),
                n if n == built.files => " (none changed)".to_string(),
                n => format!(" ({} changed)", built.files - n),
            };
            eprintln!(
                "built {} files into {} in {:.2} s{unchanged}",
                built.files,
                out.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
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
                        print_diagnostics(&checked);
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

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
