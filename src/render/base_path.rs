//! A site may live under a path of its host (`https://www.haarlem.nl/wijkcontracten/`).
//! Templates, the model's URLs and Markdown links are root-relative
//! (`/wijken/meerwijk/`): that is a page's identity, in the record of
//! published URLs too. Each rendered page is rebased once, here, so that
//! every link, asset, form and redirect works under the base path, in the
//! default theme and in a site's own.

/// `html` with `base` (`/wijkcontracten`, no trailing slash) put before every
/// root-relative URL in a double-quoted attribute value (`href="/…"`,
/// `src="/…"`, `action="/…"`, `data-…="/…"`) and in a refresh's
/// `content="0; url=/…"`. Protocol-relative (`//host/`) and absolute URLs
/// stay as they are, and so does text: escaped, it has no `="` in it.
pub fn rebase(html: String, base: &str) -> String {
    if base.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 64 * base.len());
    let mut done = 0;
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(found) = html[at..].find("=\"") {
        let value = at + found + 2;
        at = value;
        let slash = if bytes.get(value) == Some(&b'/') {
            Some(value)
        } else {
            refresh_url(&html, value)
        };
        let Some(slash) = slash else { continue };
        if bytes.get(slash + 1) == Some(&b'/') {
            continue;
        }
        out.push_str(&html[done..slash]);
        out.push_str(base);
        done = slash;
    }
    out.push_str(&html[done..]);
    out
}

/// Where the URL of `0; url=/…` starts, when the attribute value at `value` is one.
fn refresh_url(html: &str, value: usize) -> Option<usize> {
    let rest = &html[value..];
    let end = rest.find('"')?;
    let url = rest[..end].find("url=/")?;
    rest[..url]
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b';' || b == b' ')
        .then_some(value + url + 4)
}

/// A site-relative URL (`/wijken/`) as the host serves it: `/wijkcontracten/wijken/`.
pub fn on_host(base: &str, url: &str) -> String {
    format!("{base}{url}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_relative_attribute_values_get_the_base() {
        let html = concat!(
            r#"<a href="/wijken/">W</a><link rel="stylesheet" href="/static/style.css">"#,
            r#"<img src="/img/x.png" alt=""><form action="/zoeken/" data-root="/">"#,
            r#"<a href="https://example.nl/x/">abs</a><a href="//cdn.example/x">proto</a>"#,
            r#"<a href="\#top">anchor</a><a href="../up/">rel</a>"#,
            r#"<p>Write href=&quot;/x&quot; like this; and 1 = "/"</p>"#,
        );
        let out = rebase(html.to_string(), "/wijkcontracten");
        assert_eq!(
            out,
            concat!(
                r#"<a href="/wijkcontracten/wijken/">W</a><link rel="stylesheet" href="/wijkcontracten/static/style.css">"#,
                r#"<img src="/wijkcontracten/img/x.png" alt=""><form action="/wijkcontracten/zoeken/" data-root="/wijkcontracten/">"#,
                r#"<a href="https://example.nl/x/">abs</a><a href="//cdn.example/x">proto</a>"#,
                r#"<a href="\#top">anchor</a><a href="../up/">rel</a>"#,
                r#"<p>Write href=&quot;/x&quot; like this; and 1 = "/"</p>"#,
            )
        );
    }

    #[test]
    fn a_refresh_goes_to_the_rebased_address() {
        let html = r#"<meta http-equiv="refresh" content="0; url=/nieuw/"><meta name="x" content="a url=/b">"#;
        assert_eq!(
            rebase(html.to_string(), "/w"),
            r#"<meta http-equiv="refresh" content="0; url=/w/nieuw/"><meta name="x" content="a url=/b">"#
        );
    }

    #[test]
    fn at_the_root_nothing_changes() {
        let html = r#"<a href="/wijken/">W</a>"#;
        assert_eq!(rebase(html.to_string(), ""), html);
    }
}
