//! Splits a Markdown file into its YAML front matter and body, remembering
//! where each starts so positions stay counted in the file itself.

/// The parts of a Markdown file. Offsets are bytes into the file.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The YAML between the `---` lines, if there is a front-matter block.
    pub yaml: Option<(usize, &'a str)>,
    /// The Markdown after the block (or the whole file).
    pub body: (usize, &'a str),
}

/// Why a front-matter block could not be split off.
#[derive(Debug, PartialEq, Eq)]
pub struct Unclosed;

pub fn split(text: &str) -> Result<Parts<'_>, Unclosed> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let Some(after_open) = strip_fence(rest) else {
        return Ok(Parts {
            yaml: None,
            body: (bom, rest),
        });
    };
    let yaml_start = bom + (rest.len() - after_open.len());
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &text[yaml_start..offset];
            let body_start = offset + line.len();
            return Ok(Parts {
                yaml: Some((yaml_start, yaml)),
                body: (body_start, &text[body_start..]),
            });
        }
        offset += line.len();
    }
    Err(Unclosed)
}

/// The text after an opening `---` line, if the text starts with one.
fn strip_fence(text: &str) -> Option<&str> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    (text[..line_end].trim_end() == "---").then(|| &text[line_end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_offset_points_into_the_file() {
        let text = "---\ntitle: X\ndate: 2011-10-21\n---\nBody\n";
        let parts = split(text).unwrap();
        let (start, yaml) = parts.yaml.unwrap();
        assert_eq!(start, 4);
        assert_eq!(yaml, "title: X\ndate: 2011-10-21\n");
        assert_eq!(parts.body, (text.find("Body").unwrap(), "Body\n"));
    }

    #[test]
    fn crlf_and_bom() {
        let text = "\u{feff}---\r\ntitle: X\r\n---\r\nBody";
        let parts = split(text).unwrap();
        assert_eq!(parts.yaml.unwrap().1, "title: X\r\n");
        assert_eq!(parts.body.1, "Body");
    }

    #[test]
    fn no_front_matter_and_unclosed() {
        assert_eq!(split("# Hello\n").unwrap().yaml, None);
        assert_eq!(split("---\ntitle: X\n"), Err(Unclosed));
    }
}
