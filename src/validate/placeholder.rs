//! Example text that `afspraak new contract` writes ("Korte titel van de
//! vraag"), and the fill-ins of the pages `afspraak init` ships ("[vul de
//! datum in]"), must not reach the public site: a contract, page or news item
//! that is no longer a draft may not hold them.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::msg;
use crate::scaffold::PLACEHOLDERS;
use crate::source::{FileId, Span};

/// Reports every line of a file whose value is a placeholder, or holds one
/// of the longer placeholder sentences or a bracketed fill-in anywhere.
/// Comments do not count.
pub fn check(text: &str, file: FileId, d: &mut Diagnostics) {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_start();
        if content.starts_with('#') {
            continue;
        }
        // The value after `- ` and `key: `, without a trailing comment.
        let value = content.trim_start_matches("- ");
        let value = value.split_once(": ").map_or(value, |(_, v)| v);
        let value = value.split(" #").next().unwrap_or(value).trim();
        let found = PLACEHOLDERS.iter().find(|p| {
            value == **p || ((p.len() >= 20 || p.starts_with('[')) && line.contains(**p))
        });
        if let Some(p) = found {
            let offset = start + line.find(*p).unwrap_or(line.len() - content.len());
            d.push(
                Diagnostic::error(
                    Code::PlaceholderText,
                    Span::new(file, offset..offset + p.len()),
                    msg!("placeholder-text", text = *p),
                )
                .with_label(msg!("placeholder-text-label"))
                .with_help(msg!("placeholder-text-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceMap;

    fn found(text: &str) -> usize {
        let mut map = SourceMap::default();
        let id = map.add("c.yaml".into(), text.to_string());
        let mut d = Diagnostics::default();
        check(text, id, &mut d);
        d.iter().count()
    }

    #[test]
    fn placeholders_in_values_but_not_in_comments() {
        assert_eq!(found("    title: Korte titel van de vraag\n"), 1);
        assert_eq!(found("    title: Korte titel van de vraag   # kort\n"), 1);
        assert_eq!(found("    # title: Korte titel van de vraag\n"), 0);
        assert_eq!(
            found(
                "    asked: |\n      De vraag zoals bewoners die stelden, zonder namen of adressen.\n"
            ),
            1
        );
        assert_eq!(found("    location: Straatnaam\n"), 1);
        assert_eq!(found("    # location: Straatnaam\n"), 0);
        assert_eq!(
            found("    title: Straatnaambordjes in de Schoolstraat\n"),
            0
        );
    }

    #[test]
    fn the_template_holds_every_placeholder() {
        let template = crate::scaffold::contract_template("meerwijk", 2026);
        let kit: Vec<String> = crate::scaffold::EXAMPLE
            .iter()
            .filter(|(path, _)| path.starts_with("content/"))
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .collect();
        for p in PLACEHOLDERS {
            assert!(
                template.contains(p) || kit.iter().any(|t| t.contains(p)),
                "{p} is in nothing afspraak writes"
            );
        }
    }

    /// A `[…]` to fill in, in any page or news item of the example site
    /// `init` writes, is a placeholder; a Markdown link `[text](…)` is not.
    #[test]
    fn every_fill_in_of_the_kit_is_a_placeholder() {
        let mut seen = 0;
        for (path, bytes) in crate::scaffold::EXAMPLE {
            if !(path.starts_with("content/") && path.ends_with(".md")) {
                continue;
            }
            let text = String::from_utf8_lossy(bytes);
            for (start, _) in text.match_indices('[') {
                let Some(len) = text[start..].find(']') else {
                    continue;
                };
                let fill_in = &text[start..=start + len];
                let after = &text[start + len + 1..];
                if after.starts_with('(') || !fill_in.contains(' ') {
                    continue;
                }
                seen += 1;
                assert!(PLACEHOLDERS.contains(&fill_in), "{path}: {fill_in}");
            }
        }
        assert!(seen >= 2, "the accessibility statement's fill-ins");
    }

    #[test]
    fn a_fill_in_counts_anywhere_on_a_page_line() {
        assert_eq!(found("- Datum van deze verklaring: [vul de datum in]\n"), 1);
        assert_eq!(found("Zie [het adres van deze site] voor meer.\n"), 1);
        assert_eq!(found("# - Website: [het adres van deze site]\n"), 0);
        assert_eq!(found("- Datum van deze verklaring: 1 oktober 2026\n"), 0);
    }
}
