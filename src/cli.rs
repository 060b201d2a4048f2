//! The command line's arguments. The doc comments below say what each one is
//! for; the help a user reads comes from the catalogues (see `localise`).

mod localise;

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use localise::Localised;

/// Parses the command line; help and usage errors are in the language of
/// this run.
pub fn parse() -> Result<Cli, clap::error::Error<Localised>> {
    let mut command = localise::localise(Cli::command());
    command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .map_err(|e| e.format(&mut command).apply())
}

/// afspraak — neighbourhood contracts as a public website.
#[derive(Parser)]
#[command(name = "afspraak", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Validate the whole site and report every problem; writes nothing.
    Check {
        /// The site folder (holding site.toml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// How to print the diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Judge the site as at this moment (Europe/Amsterdam), e.g. 2011-12-31T12:00.
        #[arg(long, value_parser = parse_as_of)]
        as_of: Option<chrono::NaiveDateTime>,
    },
    /// Build the site into the output folder (default: output_dir in site.toml, "public").
    Build {
        /// The site folder (holding site.toml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Build the site as it stands at this moment (Europe/Amsterdam), e.g. to preview an embargo; a preview does not update published.txt.
        #[arg(long, value_parser = parse_as_of)]
        as_of: Option<chrono::NaiveDateTime>,
        /// Allow this build to drop URLs the site published before (reported as warnings; they leave published.txt).
        #[arg(long)]
        allow_dropped_urls: bool,
        /// Print how long each stage took (load, validate, render, write).
        #[arg(long)]
        timings: bool,
    },
    /// Preview the site: build it in memory, serve it, and rebuild and reload on every change.
    Serve {
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The address to listen on; the default is only reachable from this computer.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// A host name the preview may be reached by, besides localhost and the bind address (repeatable).
        #[arg(long = "host")]
        hosts: Vec<String>,
        /// Confirm a --bind address that other computers can reach.
        #[arg(long)]
        allow_remote: bool,
    },
    /// Import questions from a spreadsheet (CSV or XLSX) into a contract file.
    Import {
        /// The spreadsheet: .csv (comma or semicolon, UTF-8) or .xlsx.
        file: PathBuf,
        /// The contract to update or create, as NEIGHBOURHOOD/YEAR.
        #[arg(long)]
        contract: String,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create a new site with a small example in DIR (which must be empty or new).
    Init {
        /// The folder to create the site in.
        dir: PathBuf,
    },
    /// Create a file to fill in.
    New {
        #[command(subcommand)]
        what: New,
    },
}

#[derive(Subcommand)]
pub enum New {
    /// A contract file: content/contracts/NEIGHBOURHOOD/YEAR.yaml.
    Contract {
        /// The neighbourhood's slug, as in districts.yaml.
        neighbourhood: String,
        /// The year the contract starts.
        year: i32,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

fn parse_as_of(s: &str) -> Result<chrono::NaiveDateTime, String> {
    afspraak::parse_as_of(s).ok_or_else(|| afspraak::tr!("cli-not-a-moment", value = s))
}
