//! Source files and positions. Every diagnostic points into a [`SourceFile`]
//! by byte range; lines and columns are derived here, counted from 1 in the
//! file itself (a front-matter block keeps the Markdown file's own numbering).

use std::ops::Range;

/// Index of a file in the [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span {
            file,
            start: clamp_u32(range.start),
            end: clamp_u32(range.end.max(range.start)),
        }
    }

    /// The start of a file, for problems that concern the file as a whole.
    pub fn file_start(file: FileId) -> Self {
        Span::new(file, 0..0)
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A value with the place it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    pub span: Span,
}

impl<T> At<T> {
    pub fn new(value: T, span: Span) -> Self {
        At { value, span }
    }
}

impl<T> std::ops::Deref for At<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// One file as read from disk, with a line index.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let column = self.text[self.line_starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// Byte offset of a 1-based line and character column; clamps to the text.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        let before = column.saturating_sub(1);
        // Most text is ASCII, where characters are bytes.
        if line_text.len() >= before && line_text.as_bytes()[..before].is_ascii() {
            return start + before;
        }
        start
            + line_text
                .char_indices()
                .nth(before)
                .map_or(line_text.len(), |(i, _)| i)
    }

    /// Byte range of `chars` characters from a 1-based line and column.
    pub fn range_at(&self, line: usize, column: usize, chars: usize) -> Range<usize> {
        let start = self.offset_of(line, column);
        if let Some(bytes) = self.text.as_bytes().get(start..start + chars)
            && bytes.is_ascii()
        {
            return start..start + chars;
        }
        let end = self.text[start..]
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| start + i);
        start..end
    }

    /// The 1-based line range a byte range covers.
    pub fn lines_of(&self, range: &Range<usize>) -> Range<usize> {
        let (first, _) = self.line_col(range.start);
        let (last, _) = self.line_col(range.end.max(range.start));
        first..last + 1
    }

    /// Byte range of 1-based lines `lines` (end exclusive), without the final newline.
    pub fn line_range(&self, lines: Range<usize>) -> Range<usize> {
        let start = self.line_starts[lines.start - 1];
        let end = self
            .line_starts
            .get(lines.end - 1)
            .map_or(self.text.len(), |&s| s.saturating_sub(1).max(start));
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// All files read in one run, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    /// Shared, so that `serve` can keep the files an edit did not touch.
    files: Vec<std::sync::Arc<SourceFile>>,
}

impl SourceMap {
    pub fn add(&mut self, path: String, text: String) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).expect("fewer than 4 billion files"));
        self.files
            .push(std::sync::Arc::new(SourceFile::new(path, text)));
        id
    }

    /// Adds a file read earlier.
    pub fn add_shared(&mut self, file: std::sync::Arc<SourceFile>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).expect("fewer than 4 billion files"));
        self.files.push(file);
        id
    }

    /// The shared file behind an id.
    /// Puts `text` in place of the text of file `id`.
    pub fn replace(&mut self, id: FileId, text: String) {
        let path = self.files[id.0 as usize].path.clone();
        self.files[id.0 as usize] = std::sync::Arc::new(SourceFile::new(path, text));
    }

    /// Puts `file` in place of file `id`.
    pub fn install(&mut self, id: FileId, file: std::sync::Arc<SourceFile>) {
        self.files[id.0 as usize] = file;
    }

    pub fn shared(&self, id: FileId) -> &std::sync::Arc<SourceFile> {
        &self.files[id.0 as usize]
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), &**f))
    }

    /// The text under a span.
    pub fn snippet(&self, span: Span) -> &str {
        self.get(span.file)
            .text
            .get(span.range())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let f = SourceFile::new("x".into(), "ab\nÉén café\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        let cafe = f.text.find("café").unwrap();
        assert_eq!(f.line_col(cafe), (2, 5));
        assert_eq!(f.offset_of(2, 5), cafe);
        assert_eq!(&f.text[f.range_at(2, 5, 4)], "café");
        // ASCII takes a shorter way to the same answers.
        assert_eq!(f.offset_of(1, 2), 1);
        assert_eq!(
            f.offset_of(1, 9),
            2,
            "a column past the line's end clamps to it"
        );
        assert_eq!(f.range_at(1, 1, 2), 0..2);
        assert_eq!(&f.text[f.range_at(2, 2, 3)], "én ");
    }

    #[test]
    fn line_range_excludes_newline() {
        let f = SourceFile::new("x".into(), "one\ntwo\nthree".into());
        assert_eq!(&f.text[f.line_range(2..3)], "two");
        assert_eq!(&f.text[f.line_range(2..4)], "two\nthree");
        assert_eq!(f.lines_of(&(4..9)), 2..4);
    }
}
