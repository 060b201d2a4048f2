//! `precompress = true`: beside every text file, a `.gz` and a `.br` copy
//! for web servers that serve them as they are (nginx `gzip_static` and
//! `brotli_static`, Apache with rewrite rules, most CDNs). The copies are
//! made as each file is written, into the same staging folder, and are
//! byte-identical between builds (no time stamp or file name in the gzip
//! header), so an unchanged page keeps its copies' modification times too.

use std::collections::BTreeSet;
use std::io::Write;
use std::sync::Mutex;

use super::{Sink, Writing};

/// Smaller files gain less than the extra request headers cost.
const MIN_SIZE: usize = 256;
/// gzip's best; a page takes well under a millisecond.
const GZIP_LEVEL: u32 = 9;
/// Brotli's quality for pages: from quality 5 up, this encoder spends a few
/// milliseconds setting up each file, twenty times what 4 takes for a page,
/// and gains 4% (measured on the bundled site: q4 makes 2.60 MB of 7.96 MB,
/// q9 2.45 MB, gzip 9 2.75 MB).
const BROTLI_PAGE_QUALITY: u32 = 4;
/// For large files, such as the open data, set-up costs little.
const BROTLI_LARGE_QUALITY: u32 = 7;
const LARGE: usize = 1 << 20;
/// The largest window (4 MiB); a small file gets a window its own size.
const BROTLI_WINDOW: u32 = 22;

/// Whether a file of this name is text that compresses.
pub fn compressible(path: &str) -> bool {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(
        ext,
        "html" | "css" | "js" | "json" | "jsonld" | "xml" | "csv" | "txt" | "svg" | "geojson"
    )
}

/// A sink that also puts the compressed copies of what it is given into `inner`.
pub struct Precompressing<'a> {
    inner: &'a dyn Sink,
    /// What was put here, without the copies: the site's own files.
    originals: Mutex<BTreeSet<String>>,
}

impl<'a> Precompressing<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Precompressing {
            inner,
            originals: Mutex::default(),
        }
    }

    fn note(&self, path: &str) {
        self.originals
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string());
    }

    fn put_copies(&self, path: &str, gz: Vec<u8>, br: Vec<u8>) -> anyhow::Result<()> {
        self.inner.put(format!("{path}.gz"), gz)?;
        self.inner.put(format!("{path}.br"), br)
    }
}

fn gzip_encoder() -> flate2::write::GzEncoder<Vec<u8>> {
    // GzBuilder writes no name and a zero time: the same bytes every build.
    flate2::GzBuilder::new().write(Vec::new(), flate2::Compression::new(GZIP_LEVEL))
}

/// An encoder for about `size` bytes (`None`: unknown, maybe large).
fn brotli_encoder(size: Option<usize>) -> brotli::CompressorWriter<Vec<u8>> {
    let (quality, window) = match size {
        Some(n) if n < LARGE => (
            BROTLI_PAGE_QUALITY,
            (usize::BITS - n.max(1).leading_zeros()).clamp(10, BROTLI_WINDOW),
        ),
        _ => (BROTLI_LARGE_QUALITY, BROTLI_WINDOW),
    };
    brotli::CompressorWriter::new(Vec::new(), 1 << 14, quality, window)
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = gzip_encoder();
    e.write_all(bytes).expect("writing to memory");
    e.finish().expect("writing to memory")
}

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut e = brotli_encoder(Some(bytes.len()));
    e.write_all(bytes).expect("writing to memory");
    e.into_inner()
}

impl Sink for Precompressing<'_> {
    fn put(&self, path: String, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.note(&path);
        if compressible(&path) && bytes.len() >= MIN_SIZE {
            let (gz, br) = rayon::join(|| gzip(&bytes), || brotli(&bytes));
            self.put_copies(&path, gz, br)?;
        }
        self.inner.put(path, bytes)
    }

    fn put_streamed(&self, path: String, write: &mut Writing) -> anyhow::Result<()> {
        self.note(&path);
        if !compressible(&path) {
            return self.inner.put_streamed(path, write);
        }
        // Large files (the open data) are compressed as they stream by.
        let mut gz = gzip_encoder();
        let mut br = brotli_encoder(None);
        let mut size = 0usize;
        self.inner
            .put_streamed(path.clone(), &mut |w: &mut dyn Write| {
                let mut tee = Tee {
                    out: w,
                    gz: &mut gz,
                    br: &mut br,
                    size: &mut size,
                };
                write(&mut tee)
            })?;
        let gz = gz.finish()?;
        let br = br.into_inner();
        if size >= MIN_SIZE {
            self.put_copies(&path, gz, br)?;
        }
        Ok(())
    }

    fn paths(&self) -> BTreeSet<String> {
        self.originals
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        self.inner.previous(path)
    }
}

/// Writes to the file and both compressors at once.
struct Tee<'w> {
    out: &'w mut dyn Write,
    gz: &'w mut flate2::write::GzEncoder<Vec<u8>>,
    br: &'w mut brotli::CompressorWriter<Vec<u8>>,
    size: &'w mut usize,
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.gz.write_all(&buf[..n])?;
        self.br.write_all(&buf[..n])?;
        *self.size += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Memory;
    use std::io::Read;

    #[test]
    fn text_files_get_both_copies_that_decompress_to_them() {
        let memory = Memory::default();
        let sink = Precompressing::new(&memory);
        let page = "<p>Wijkcontract</p>\n".repeat(40).into_bytes();
        sink.put("wijken/index.html".into(), page.clone()).unwrap();
        sink.put("static/logo.png".into(), vec![0; 4096]).unwrap();
        sink.put("klein.txt".into(), b"kort".to_vec()).unwrap();
        sink.put_streamed("data/vragen.csv".into(), &mut |w: &mut dyn Write| {
            for _ in 0..100 {
                w.write_all(b"id,titel\n1,Een vraag\n")?;
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(
            sink.paths().into_iter().collect::<Vec<_>>(),
            [
                "data/vragen.csv",
                "klein.txt",
                "static/logo.png",
                "wijken/index.html"
            ]
        );
        let files = memory.into_inner();
        let mut gunzipped = Vec::new();
        flate2::read::GzDecoder::new(&files["wijken/index.html.gz"][..])
            .read_to_end(&mut gunzipped)
            .unwrap();
        assert_eq!(gunzipped, page);
        let mut unbrotlied = Vec::new();
        brotli::Decompressor::new(&files["wijken/index.html.br"][..], 4096)
            .read_to_end(&mut unbrotlied)
            .unwrap();
        assert_eq!(unbrotlied, page);
        let mut csv = Vec::new();
        flate2::read::GzDecoder::new(&files["data/vragen.csv.gz"][..])
            .read_to_end(&mut csv)
            .unwrap();
        assert_eq!(csv, files["data/vragen.csv"]);
        assert!(files.contains_key("data/vragen.csv.br"));
        for kept in ["static/logo.png.gz", "klein.txt.gz", "klein.txt.br"] {
            assert!(!files.contains_key(kept), "{kept}");
        }
    }

    #[test]
    fn the_copies_are_the_same_bytes_every_time() {
        let page = "<h1>Meerwijk</h1>".repeat(100).into_bytes();
        assert_eq!(gzip(&page), gzip(&page));
        assert_eq!(brotli(&page), brotli(&page));
        // No time stamp: bytes 4..8 of a gzip header are the modification time.
        assert_eq!(&gzip(&page)[4..8], &[0, 0, 0, 0]);
    }
}
