//! Example text that `afspraak new contract` writes ("Korte titel van de
//! vraag") must not reach the public site: a contract that is no longer a
//! draft may not hold it.

use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::msg;
use crate::scaffold::PLACEHOLDERS;
use crate::source::{FileId, Span};

/// Reports every line of a contract file whose value is a placeholder, or
/// holds one of the longer placeholder sentences. Comments do not count.
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
        let found = PLACEHOLDERS
            .iter()
            .find(|p| value == **p || (p.len() >= 20 && line.contains(**p)));
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
        for p in PLACEHOLDERS {
            assert!(template.contains(p), "{p}");
        }
    }
}
