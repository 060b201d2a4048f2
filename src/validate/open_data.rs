//! site.toml's `[open_data]`: every build publishes a DCAT catalogue
//! (`data/catalog.jsonld`), and DCAT-AP-NL requires its publisher, its
//! contact point and the dataset's creator. So `check` requires them, and
//! points at what to add.

use crate::config::{Agent, SiteConfig};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::{At, FileId, SourceFile, Span};

/// The table to add, as the help of a missing one shows it.
const EXAMPLE: &str = "[open_data]\n\
publisher = { name = \"Gemeente Haarlem\", uri = \"https://identifier.overheid.nl/tooi/id/gemeente/gm0392\" }\n\
contact = { name = \"Team Wijkcontracten\", email = \"wijkcontracten@haarlem.nl\" }";

pub fn check(config: &SiteConfig, id: FileId, file: &SourceFile, d: &mut Diagnostics) {
    let Some(open_data) = &config.open_data else {
        // At the end of the file, where the table goes.
        let end = file.text.trim_end().len();
        d.push(
            Diagnostic::error(
                Code::MissingField,
                Span::new(id, end..end),
                "site.toml has no `[open_data]` table: the open data catalogue needs its publisher and a contact point",
            )
            .with_label("add [open_data] here")
            .with_help(format!(
                "add at the end of site.toml, with your own organisation (its TOOI identifier is optional):\n\n{EXAMPLE}"
            )),
        );
        return;
    };
    match &open_data.publisher {
        None => d.push(
            Diagnostic::error(
                Code::MissingField,
                open_data.span,
                "`[open_data]` has no `publisher`: the organisation that publishes the open data",
            )
            .with_help("add `publisher = { name = \"Gemeente Haarlem\" }` to [open_data], with the name of your organisation"),
        ),
        Some(p) => agent(p, d),
    }
    if let Some(c) = &open_data.creator {
        agent(c, d);
    }
    let Some(contact) = &open_data.contact else {
        d.push(
            Diagnostic::error(
                Code::MissingField,
                open_data.span,
                "`[open_data]` has no `contact`: where readers of the open data can ask their questions",
            )
            .with_help("add `contact = { name = \"Team Wijkcontracten\", email = \"wijkcontracten@haarlem.nl\" }` to [open_data]; a `url` of a contact form works too"),
        );
        return;
    };
    not_empty(&contact.name, d);
    if contact.email.is_none() && contact.url.is_none() {
        d.push(
            Diagnostic::error(
                Code::MissingField,
                contact.span,
                "the open data contact has neither an `email` nor a `url`",
            )
            .with_help("add `email = \"wijkcontracten@haarlem.nl\"` (a shared address, not a person's) or `url = \"https://…/contact\"`"),
        );
    }
    if let Some(email) = &contact.email
        && !is_email(email)
    {
        d.push(
            Diagnostic::error(
                Code::InvalidValue,
                email.span,
                format!(
                    "`{}` is not an e-mail address",
                    crate::diagnostic::shorten(&email.value)
                ),
            )
            .with_help("write the address alone, such as `email = \"wijkcontracten@haarlem.nl\"`"),
        );
    }
    if let Some(url) = &contact.url {
        web_address(url, d);
    }
}

fn agent(a: &Agent, d: &mut Diagnostics) {
    not_empty(&a.name, d);
    if let Some(uri) = &a.uri {
        web_address(uri, d);
    }
}

fn not_empty(name: &At<String>, d: &mut Diagnostics) {
    if name.value.is_empty() {
        d.push(
            Diagnostic::error(Code::MissingField, name.span, "the `name` is empty").with_help(
                "write the name of the organisation or team, such as `name = \"Gemeente Haarlem\"`",
            ),
        );
    }
}

fn web_address(url: &At<String>, d: &mut Diagnostics) {
    let rest = url
        .value
        .strip_prefix("https://")
        .or_else(|| url.value.strip_prefix("http://"));
    if !rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace)) {
        d.push(
            Diagnostic::error(
                Code::InvalidValue,
                url.span,
                format!(
                    "`{}` is not a web address",
                    crate::diagnostic::shorten(&url.value)
                ),
            )
            .with_help("write the whole address, starting with https://"),
        );
    }
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == ':')
        && !domain.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses() {
        assert!(is_email("wijkcontracten@haarlem.nl"));
        assert!(!is_email("mailto:wijkcontracten@haarlem.nl"));
        assert!(!is_email("haarlem.nl"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@c.nl"));
    }
}
