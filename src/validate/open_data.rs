//! site.toml's `[open_data]`: every build publishes a DCAT catalogue
//! (`data/catalog.jsonld`), and DCAT-AP-NL requires its publisher, its
//! contact point and the dataset's creator. So `check` requires them, and
//! points at what to add.

use crate::config::{Agent, SiteConfig};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::msg;
use crate::source::{At, FileId, SourceFile, Span};

pub fn check(config: &SiteConfig, id: FileId, file: &SourceFile, d: &mut Diagnostics) {
    let Some(open_data) = &config.open_data else {
        // At the end of the file, where the table goes.
        let end = file.text.trim_end().len();
        d.push(
            Diagnostic::error(
                Code::MissingField,
                Span::new(id, end..end),
                msg!("open-data-missing"),
            )
            .with_label(msg!("open-data-missing-label"))
            .with_help(msg!("open-data-missing-help")),
        );
        return;
    };
    match &open_data.publisher {
        None => d.push(
            Diagnostic::error(
                Code::MissingField,
                open_data.span,
                msg!("open-data-no-publisher"),
            )
            .with_help(msg!("open-data-no-publisher-help")),
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
                msg!("open-data-no-contact"),
            )
            .with_help(msg!("open-data-no-contact-help")),
        );
        return;
    };
    not_empty(&contact.name, d);
    if contact.email.is_none() && contact.url.is_none() {
        d.push(
            Diagnostic::error(
                Code::MissingField,
                contact.span,
                msg!("open-data-contact-no-way"),
            )
            .with_help(msg!("open-data-contact-no-way-help")),
        );
    }
    if let Some(email) = &contact.email
        && !is_email(email)
    {
        d.push(
            Diagnostic::error(
                Code::InvalidValue,
                email.span,
                msg!(
                    "invalid-value-email",
                    value = crate::diagnostic::shorten(&email.value)
                ),
            )
            .with_help(msg!("invalid-value-email-help")),
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
            Diagnostic::error(Code::MissingField, name.span, msg!("open-data-name-empty"))
                .with_help(msg!("open-data-name-empty-help")),
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
                msg!(
                    "invalid-value-url",
                    value = crate::diagnostic::shorten(&url.value)
                ),
            )
            .with_help(msg!("invalid-value-url-help")),
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
