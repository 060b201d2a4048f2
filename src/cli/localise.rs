//! The command line's help and usage errors in the language of this run.
//! The derive in `cli.rs` defines the arguments; every text a user reads —
//! what a command does, what an option means, the value names, clap's own
//! headings and usage errors — comes from the catalogues: `cli-<command>` and
//! `cli-<command>-<argument>` for the help, `cli-value-<argument>` for value
//! names, `cli-*` for the fixed words.

use std::fmt::Write as _;

use clap::Command;
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};

use afspraak::i18n::text;
use afspraak::tr;

/// The command with every text from the catalogues, ready to parse.
pub fn localise(cmd: Command) -> Command {
    let mut cmd = own_texts(cmd, "cli");
    // Building adds `--help`, `--version` and the `help` command; their texts
    // can only be set afterwards.
    cmd.build();
    let cmd = fixed_words(cmd);
    with_usage(cmd)
}

/// The about and argument texts of the derive, by catalogue key.
fn own_texts(cmd: Command, key: &str) -> Command {
    let about = text(key).unwrap_or_else(|| missing(key));
    cmd.about(about)
        .mut_args(|a| {
            let id = format!("{key}-{}", a.get_id());
            let a = a.help(text(&id).unwrap_or_else(|| missing(&id)));
            if !a.get_action().takes_values() {
                return a;
            }
            let a = match text(&format!("cli-value-{}", a.get_id())) {
                Some(name) => a.value_name(name),
                None => a,
            };
            // Defaults and choices are said in the help text itself.
            a.hide_default_value(true).hide_possible_values(true)
        })
        .mut_subcommands(|s| {
            let key = format!("{key}-{}", s.get_name());
            own_texts(s, &key)
        })
}

/// A text missing from the catalogue is a bug that tests/cli_language.rs
/// catches; the run goes on with the key.
fn missing(key: &str) -> String {
    debug_assert!(false, "messages/*.ftl has no `{key}`");
    key.to_string()
}

/// Clap's own words, for the built command and every command under it
/// (including the `help` command clap adds).
fn fixed_words(cmd: Command) -> Command {
    let is_help = cmd.get_name() == "help";
    let cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
            tr!("cli-usage")
        ))
        .subcommand_help_heading(tr!("cli-commands"))
        .subcommand_value_name(tr!("cli-command-value"))
        .mut_args(|a| {
            let heading = if a.is_positional() {
                tr!("cli-arguments")
            } else {
                tr!("cli-options")
            };
            let a = match a.get_id().as_str() {
                "help" => a.help(tr!("cli-help-flag")),
                "version" => a.help(tr!("cli-version-flag")),
                "subcommand" if is_help => a
                    .help(tr!("cli-help-command-arg"))
                    .value_name(tr!("cli-command-value")),
                _ => a,
            };
            a.help_heading(heading)
        })
        .mut_subcommands(fixed_words);
    if is_help {
        cmd.about(tr!("cli-help-command"))
    } else {
        cmd
    }
}

/// Clap's usage line says `[OPTIONS]`; each command gets its usage with the
/// word of this language instead.
fn with_usage(mut cmd: Command) -> Command {
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
    let usage = usage.replace("[OPTIONS]", &tr!("cli-options-tag"));
    cmd.override_usage(usage).mut_subcommands(with_usage)
}

/// Usage errors (an unknown option, a missing argument, a wrong value) in
/// the language of this run, with the usage line and where to read more.
pub struct Localised;

impl ErrorFormatter for Localised {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let string = |kind| match error.get(kind) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            Some(ContextValue::Strings(v)) => Some(v.join(", ")),
            _ => None,
        };
        let arg = string(ContextKind::InvalidArg).unwrap_or_default();
        let value = string(ContextKind::InvalidValue).unwrap_or_default();
        let message = match error.kind() {
            ErrorKind::UnknownArgument => tr!("cli-error-unknown-argument", arg = arg),
            ErrorKind::InvalidSubcommand => tr!(
                "cli-error-unknown-command",
                command = string(ContextKind::InvalidSubcommand).unwrap_or_default()
            ),
            ErrorKind::MissingRequiredArgument => tr!("cli-error-missing", args = arg),
            ErrorKind::MissingSubcommand => tr!(
                "cli-error-missing-command",
                valid = string(ContextKind::ValidSubcommand).unwrap_or_default()
            ),
            ErrorKind::InvalidValue => tr!(
                "cli-error-invalid-value",
                value = value,
                arg = arg,
                valid = string(ContextKind::ValidValue).unwrap_or_default()
            ),
            ErrorKind::ValueValidation => tr!(
                "cli-error-value",
                value = value,
                arg = arg,
                reason = std::error::Error::source(error)
                    .map(|e| e.to_string())
                    .unwrap_or_default()
            ),
            ErrorKind::ArgumentConflict => tr!("cli-error-conflict", arg = arg),
            ErrorKind::TooManyValues => tr!("cli-error-too-many", arg = arg),
            _ => tr!(
                "cli-error-other",
                error = error.kind().as_str().unwrap_or_default()
            ),
        };
        let mut out = format!("{}: {message}\n", tr!("error-prefix"));
        for kind in [
            ContextKind::SuggestedArg,
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedValue,
        ] {
            if let Some(suggestion) = string(kind) {
                let _ = writeln!(
                    out,
                    "\n  {}",
                    tr!("cli-did-you-mean", suggestion = suggestion)
                );
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
            let _ = writeln!(out, "\n{}: {usage}", tr!("cli-usage"));
            // `afspraak new contract` of `afspraak new contract [OPTIES] …`.
            let command: Vec<&str> = usage
                .split_whitespace()
                .take_while(|w| !w.starts_with(['[', '<', '-']))
                .collect();
            let _ = writeln!(out, "\n{}", tr!("cli-more", command = command.join(" ")));
        }
        out.into()
    }
}
