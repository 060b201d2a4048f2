//! site.toml's `base_url`: the address the site is published at. Every
//! canonical link, feed, sitemap entry and open-data link is made from it,
//! and its path (`/wijkcontracten`) is where every page's links point.

use crate::config::SiteConfig;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::source::{FileId, SourceFile, Span};

/// Where `base_url`'s value is written in site.toml (the whole file if it is not).
fn value_span(id: FileId, file: &SourceFile) -> Span {
    let text = &file.text;
    let Some(key) = text
        .match_indices("base_url")
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text.as_bytes()[i - 1] == b'\n')
    else {
        return Span::new(id, 0..0);
    };
    let line_end = text[key..].find('\n').map_or(text.len(), |e| key + e);
    let line = &text[key..line_end];
    match (line.find('"'), line.rfind('"')) {
        (Some(a), Some(b)) if b > a => Span::new(id, key + a..key + b + 1),
        _ => Span::new(id, key..line_end),
    }
}

/// The host of an `http(s)://host/path` address, lowercased (IPv6 in brackets).
fn host(base_url: &str) -> Option<String> {
    let url = url::Url::parse(base_url).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.host_str().map(str::to_ascii_lowercase)
}

/// `base_url` must be a web address `check` can build every link from.
pub fn check(config: &SiteConfig, id: FileId, file: &SourceFile, d: &mut Diagnostics) {
    let url = &config.base_url;
    if url.is_empty() {
        return;
    }
    let problem = if host(url).is_none() {
        Some("no-host")
    } else if url.contains(['?', '#']) {
        Some("query")
    } else if url.contains(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>') {
        Some("character")
    } else {
        None
    };
    if let Some(problem) = problem {
        d.push(
            Diagnostic::error(
                Code::BaseUrlInvalid,
                value_span(id, file),
                crate::msg!("base-url-invalid", url = url, problem = problem),
            )
            .with_help(crate::msg!("base-url-invalid-help")),
        );
    }
}

/// Whether `host` is reserved for examples or is this machine (RFC 2606, RFC 6761).
fn example_or_local(host: &str) -> bool {
    const EXAMPLES: [&str; 3] = ["example.com", "example.net", "example.org"];
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    let last = labels.last().copied().unwrap_or("");
    host == "localhost"
        || last == "localhost"
        || last == "example"
        || last == "test"
        || last == "invalid"
        || labels.contains(&"example")
        || EXAMPLES
            .iter()
            .any(|e| host == *e || host.ends_with(&format!(".{e}")))
        || host.starts_with("127.")
        || host == "[::1]"
        || host == "0.0.0.0"
}

/// The warning `build` gives while `base_url` is an example or local address.
pub fn example_address(config: &SiteConfig, id: FileId, file: &SourceFile) -> Option<Diagnostic> {
    let host = host(&config.base_url)?;
    example_or_local(&host).then(|| {
        Diagnostic::warning(
            Code::ExampleAddress,
            value_span(id, file),
            crate::msg!("example-address", url = &config.base_url),
        )
        .with_label(crate::msg!("example-address-label"))
        .with_help(crate::msg!("example-address-help"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_and_local_hosts_are_recognised() {
        for url in [
            "https://wijkcontracten.example.nl",
            "https://example.com/x",
            "http://localhost:1111",
            "http://127.0.0.1:8080/wijk",
            "https://site.test",
            "http://[::1]:80/",
        ] {
            assert!(example_or_local(&host(url).unwrap()), "{url}");
        }
        for url in [
            "https://www.haarlem.nl/wijkcontracten",
            "https://wijkcontracten.amsterdam.nl",
            "https://exampleville.nl",
        ] {
            assert!(!example_or_local(&host(url).unwrap()), "{url}");
        }
    }

    #[test]
    fn the_value_is_pointed_at() {
        let file = SourceFile::new(
            "site.toml".into(),
            "title = \"x\"\nbase_url = \"https://a.example\"\n".into(),
        );
        let span = value_span(FileId(0), &file);
        assert_eq!(&file.text[span.range()], "\"https://a.example\"");
    }
}
