//! Markdown pipeline: for both trust levels, no `<script`, no event handler
//! attribute and no `javascript:` (or `data:`, `vbscript:`) link target survives.
#![no_main]

use afspraak::render::markdown::{Trust, plain_text, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for trust in [Trust::Resident, Trust::Editor] {
        let html = render(text, trust, "p-");
        assert_safe(&html, trust);
    }
    let _ = plain_text(text);
});

fn assert_safe(html: &str, trust: Trust) {
    for (name, attrs) in tags(html) {
        assert!(
            !matches!(
                name.as_str(),
                "script" | "iframe" | "object" | "embed" | "style"
            ),
            "{trust:?}: <{name}> in {html}"
        );
        for (attr, value) in attrs {
            assert!(!attr.starts_with("on"), "{trust:?}: {attr}= in {html}");
            if matches!(
                attr.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href"
            ) {
                let v: String = decode(&value)
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    !v.starts_with("javascript:")
                        && !v.starts_with("data:")
                        && !v.starts_with("vbscript:"),
                    "{trust:?}: {attr}={value:?} in {html}"
                );
            }
        }
    }
}

fn decode(v: &str) -> String {
    v.replace("&#x3a;", ":")
        .replace("&#58;", ":")
        .replace("&colon;", ":")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
}

/// The start tags of serialised HTML, with lower-cased names and attributes.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        i += 1;
        if i < b.len() && b[i] == b'/' {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if start == i {
            continue;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let s = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let attr = html[s..i].to_ascii_lowercase();
            let mut value = String::new();
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let vs = i + 1;
                    i = vs;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    value = html[vs..i.min(b.len())].to_string();
                    i += 1;
                } else {
                    let vs = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = html[vs..i].to_string();
                }
            }
            attrs.push((attr, value));
        }
        out.push((name, attrs));
    }
    out
}
