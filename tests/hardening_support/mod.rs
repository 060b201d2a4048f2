//! Helpers shared by tests/hardening.rs and tests/determinism.rs: copying a
//! site, reading an output tree, and small HTML and XML scanners that are
//! strict enough to tell an inert payload from a live one.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub const BIN: &str = env!("CARGO_BIN_EXE_afspraak");

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies a site (site.toml, content/, themes/ and init/ when present), nothing else.
pub fn copy_site(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for name in ["site.toml", "content", "themes"] {
        let src = from.join(name);
        if src.is_file() {
            fs::copy(&src, to.join(name)).unwrap();
        } else if src.is_dir() {
            copy_dir(&src, &to.join(name));
        }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir`, by `/`-separated relative path, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap();
            let rel = rel
                .iter()
                .map(|p| p.to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.insert(rel, fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The first difference between two trees, for a readable failure.
pub fn tree_diff(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    for k in a.keys() {
        if !b.contains_key(k) {
            return Some(format!("{k} only in the first"));
        }
    }
    for k in b.keys() {
        if !a.contains_key(k) {
            return Some(format!("{k} only in the second"));
        }
    }
    for (k, v) in a {
        let w = &b[k];
        if v != w {
            let at = v
                .iter()
                .zip(w.iter())
                .position(|(x, y)| x != y)
                .unwrap_or(v.len().min(w.len()));
            let lo = at.saturating_sub(80);
            return Some(format!(
                "{k} differs at byte {at}:\n  {:?}\n  {:?}",
                String::from_utf8_lossy(&v[lo..(at + 80).min(v.len())]),
                String::from_utf8_lossy(&w[lo..(at + 80).min(w.len())])
            ));
        }
    }
    None
}

/// A start tag of serialised HTML: lower-cased name, attributes with their
/// raw (still entity-encoded) values, and the tag's source text.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub source: String,
    /// Byte offset of the `<`.
    pub at: usize,
}

/// Scans serialised HTML the way a browser tokenises it in the data state:
/// comments are skipped, attribute values are read up to their closing quote,
/// and the raw text of `<script>`, `<style>`, `<textarea>` and `<title>` is skipped.
pub fn html_tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
            continue;
        }
        let tag_start = i;
        i += 1;
        let closing = i < b.len() && b[i] == b'/';
        if closing {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
            i += 1;
        }
        if start == i || !b[start].is_ascii_alphabetic() {
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
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
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
        let end = i.min(b.len());
        if closing {
            continue;
        }
        out.push(Tag {
            name: name.clone(),
            attrs,
            source: html[tag_start..end].to_string(),
            at: tag_start,
        });
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            i = html[end..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(b.len(), |e| end + e);
        }
    }
    out
}

/// Decodes the character references a browser would decode in an attribute.
pub fn decode_entities(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                _ if ent.starts_with("#x") || ent.starts_with("#X") => {
                    u32::from_str_radix(&ent[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a URL would run script when followed.
pub fn is_script_url(raw: &str) -> bool {
    let v: String = decode_entities(raw)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let raster = [
        "data:image/png",
        "data:image/gif",
        "data:image/jpeg",
        "data:image/webp",
    ];
    v.starts_with("javascript:")
        || v.starts_with("vbscript:")
        || (v.starts_with("data:") && !raster.iter().any(|r| v.starts_with(r)))
}

/// Problems that would let HTML run script. `allowed_scripts` lists the exact
/// source text of the theme's own script tags.
pub fn html_problems(html: &str, allowed_scripts: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for tag in html_tags(html) {
        match tag.name.as_str() {
            "script"
                if !allowed_scripts
                    .iter()
                    .any(|a| html[tag.at..].starts_with(a)) =>
            {
                problems.push(format!("script tag {}", tag.source))
            }
            "iframe" | "object" | "embed" | "base" | "frame" | "applet" => {
                problems.push(format!("<{}> tag {}", tag.name, tag.source))
            }
            "meta"
                if tag
                    .attrs
                    .iter()
                    .any(|(a, v)| a == "http-equiv" && v.eq_ignore_ascii_case("refresh"))
                    && tag.attrs.iter().any(|(a, v)| {
                        a == "content" && v.to_ascii_lowercase().contains("javascript")
                    }) =>
            {
                problems.push(format!("meta refresh to script {}", tag.source))
            }
            _ => {}
        }
        for (attr, value) in &tag.attrs {
            if attr.starts_with("on") {
                problems.push(format!("event handler {attr} in {}", tag.source));
            }
            if matches!(
                attr.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href" | "srcdoc"
            ) && is_script_url(value)
            {
                problems.push(format!("script URL {attr}={value:?} in {}", tag.source));
            }
        }
    }
    let lower = html.to_ascii_lowercase();
    let allowed = allowed_scripts
        .iter()
        .map(|s| lower.matches(&s.to_ascii_lowercase()).count())
        .sum::<usize>();
    let scripts = lower.matches("<script").count();
    if scripts > allowed {
        problems.push(format!(
            "{scripts} `<script` in the text, {allowed} allowed"
        ));
    }
    problems
}

/// Checks that `xml` is well-formed XML 1.0: one root element, balanced tags,
/// quoted attributes without `<`, only defined entities, and no characters
/// that XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE/F),
/// written raw or as a character reference.
pub fn xml_well_formed(xml: &str) -> Result<(), String> {
    let bad_char = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
    };
    let ctx = |i: usize| {
        let lo = xml.floor_char_boundary(i.saturating_sub(40));
        let hi = xml.floor_char_boundary((i + 40).min(xml.len()));
        format!("{:?}", &xml[lo..hi])
    };
    let check_text = |text: &str, at: usize| -> Result<(), String> {
        if let Some((p, c)) = text.char_indices().find(|&(_, c)| bad_char(c)) {
            return Err(format!(
                "character U+{:04X} not allowed in XML at {}",
                c as u32,
                ctx(at + p)
            ));
        }
        let mut rest = text;
        let mut off = at;
        while let Some(p) = rest.find('&') {
            let after = &rest[p + 1..];
            let e = after
                .find(';')
                .ok_or_else(|| format!("unterminated entity at {}", ctx(off + p)))?;
            let ent = &after[..e];
            match ent {
                "lt" | "gt" | "amp" | "quot" | "apos" => {}
                _ if ent.starts_with("#x") => {
                    let n = u32::from_str_radix(&ent[2..], 16)
                        .map_err(|_| format!("bad reference &{ent}; at {}", ctx(off + p)))?;
                    let c = char::from_u32(n).ok_or_else(|| format!("bad reference &{ent};"))?;
                    if bad_char(c) || n == 0 {
                        return Err(format!(
                            "reference &{ent}; to a character XML forbids at {}",
                            ctx(off + p)
                        ));
                    }
                }
                _ if ent.starts_with('#') => {
                    let n: u32 = ent[1..]
                        .parse()
                        .map_err(|_| format!("bad reference &{ent}; at {}", ctx(off + p)))?;
                    let c = char::from_u32(n).ok_or_else(|| format!("bad reference &{ent};"))?;
                    if bad_char(c) || n == 0 {
                        return Err(format!(
                            "reference &{ent}; to a character XML forbids at {}",
                            ctx(off + p)
                        ));
                    }
                }
                _ => return Err(format!("undefined entity &{ent}; at {}", ctx(off + p))),
            }
            rest = &after[e + 1..];
            off += p + 1 + e + 1;
        }
        Ok(())
    };
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut i = 0;
    let b = xml.as_bytes();
    if xml.starts_with('\u{feff}') {
        i = 3;
    }
    while i < b.len() {
        let next = xml[i..].find('<').map_or(b.len(), |p| i + p);
        let text = &xml[i..next];
        if stack.is_empty() && !text.trim().is_empty() {
            return Err(format!("text outside the root element at {}", ctx(i)));
        }
        check_text(text, i)?;
        if text.contains('>') && text.contains("]]>") {
            return Err(format!("`]]>` in text at {}", ctx(i)));
        }
        i = next;
        if i >= b.len() {
            break;
        }
        let rest = &xml[i..];
        if rest.starts_with("<?") {
            i += rest
                .find("?>")
                .ok_or("unterminated processing instruction")?
                + 2;
        } else if let Some(comment) = rest.strip_prefix("<!--") {
            let e = comment.find("-->").ok_or("unterminated comment")?;
            if comment[..e].contains("--") {
                return Err(format!("`--` inside a comment at {}", ctx(i)));
            }
            i += 4 + e + 3;
        } else if rest.starts_with("<![CDATA[") {
            if stack.is_empty() {
                return Err("CDATA outside the root".into());
            }
            let e = rest.find("]]>").ok_or("unterminated CDATA")?;
            if let Some(c) = rest[9..e].chars().find(|&c| bad_char(c)) {
                return Err(format!(
                    "character U+{:04X} in CDATA at {}",
                    c as u32,
                    ctx(i)
                ));
            }
            i += e + 3;
        } else if rest.starts_with("<!") {
            i += rest.find('>').ok_or("unterminated declaration")? + 1;
        } else if let Some(r) = rest.strip_prefix("</") {
            let e = r.find('>').ok_or("unterminated end tag")?;
            let name = r[..e].trim();
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?} at {}", ctx(i))),
            }
            i += 2 + e + 1;
        } else {
            // A start tag: name, then attributes name="value".
            let mut j = i + 1;
            let ns = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
                j += 1;
            }
            let name = &xml[ns..j];
            if name.is_empty() || !(b[ns].is_ascii_alphabetic() || b[ns] == b'_') {
                return Err(format!("bad tag name at {}", ctx(i)));
            }
            let mut seen = Vec::new();
            loop {
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j >= b.len() {
                    return Err("unterminated start tag".into());
                }
                if b[j] == b'>' {
                    if stack.is_empty() {
                        roots += 1;
                    }
                    stack.push(name);
                    j += 1;
                    break;
                }
                if xml[j..].starts_with("/>") {
                    if stack.is_empty() {
                        roots += 1;
                    }
                    j += 2;
                    break;
                }
                let an = j;
                while j < b.len() && b[j] != b'=' && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                let attr = &xml[an..j];
                if seen.contains(&attr) {
                    return Err(format!("duplicate attribute {attr} at {}", ctx(i)));
                }
                seen.push(attr);
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j >= b.len() || b[j] != b'=' {
                    return Err(format!("attribute {attr} without a value at {}", ctx(an)));
                }
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j >= b.len() || (b[j] != b'"' && b[j] != b'\'') {
                    return Err(format!("unquoted attribute {attr} at {}", ctx(an)));
                }
                let q = b[j] as char;
                let vs = j + 1;
                let ve = xml[vs..].find(q).ok_or("unterminated attribute value")? + vs;
                let value = &xml[vs..ve];
                if value.contains('<') {
                    return Err(format!("`<` in attribute {attr} at {}", ctx(vs)));
                }
                check_text(value, vs)?;
                j = ve + 1;
            }
            i = j;
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed elements {stack:?}"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}
