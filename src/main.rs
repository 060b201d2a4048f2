//! The command line: parse arguments, call the library, print, exit.
//! Exit status: 0 success (warnings allowed), 1 content errors, 2 wrong usage,
//! 3 I/O or internal failure.

mod cli;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use afspraak::diagnostic::{render_human, render_json};
use afspraak::tr;
use cli::{Cli, Command, Format, New};

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}: {e:#}", tr!("error-prefix"));
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

/// Leads with what to do when a command that needs a site runs outside one,
/// rather than with the errors that follow from it.
fn site_here(root: &std::path::Path) -> Option<ExitCode> {
    if !root.is_dir() || root.join("site.toml").exists() || root.join("content").is_dir() {
        return None;
    }
    eprintln!("{}: {}", tr!("error-prefix"), tr!("no-site-here"));
    eprintln!(
        "{}",
        tr!(
            "no-site-here-help",
            dir = std::path::absolute(root)
                .unwrap_or_else(|_| root.to_path_buf())
                .display()
                .to_string()
        )
    );
    Some(ExitCode::from(2))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let root = match &cli.command {
        Command::Serve { root, .. }
        | Command::Import { root, .. }
        | Command::Build { root, .. }
        | Command::Check { root, .. }
        | Command::New {
            what: New::Contract { root, .. },
        } => Some(root.clone()),
        Command::Init { .. } => None,
    };
    if let Some(code) = root.as_deref().and_then(site_here) {
        return Ok(code);
    }
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
                    "{}",
                    tr!(
                        "import-done",
                        created = if report.created { "yes" } else { "no" },
                        path = report.path.display().to_string(),
                        added = report.added.len(),
                        added_ids = ids(&report.added),
                        updated = report.updated.len(),
                        updated_ids = ids(&report.updated),
                        unchanged = report.unchanged.len()
                    )
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
            let dir = dir.display().to_string();
            eprintln!("{}", tr!("init-done", dir = &dir, files = written.len()));
            eprintln!("{}", tr!("init-next", dir = &dir));
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
            eprintln!("{}", tr!("new-done", path = path.display().to_string()));
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
                eprintln!("{}", tr!("build-nothing-written"));
                return Ok(ExitCode::from(1));
            };
            if timings {
                for (stage, took) in &built.checked.timings {
                    eprintln!("{stage:>10}: {:8.1} ms", took.as_secs_f64() * 1000.0);
                }
            }
            let out = output.unwrap_or_else(|| root.join(&site.config.output_dir));
            let seconds = format!("{:.2}", started.elapsed().as_secs_f64());
            let out = out.display().to_string();
            let files = built.files;
            let text = match built.unchanged {
                0 => tr!("build-done", files = files, out = &out, seconds = &seconds),
                n if n == files => tr!(
                    "build-done-none-changed",
                    files = files,
                    out = &out,
                    seconds = &seconds
                ),
                n => tr!(
                    "build-done-changed",
                    files = files,
                    out = &out,
                    seconds = &seconds,
                    changed = files - n
                ),
            };
            eprintln!("{text}");
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
                            "{}",
                            tr!(
                                "check-ok",
                                contracts = site.contracts.len(),
                                questions = questions,
                                updates = site.updates.len(),
                                pages = site.pages.len()
                            )
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
