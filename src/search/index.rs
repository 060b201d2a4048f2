//! Builds the term-sharded index from the documents: words per block of
//! documents in parallel, then the keys (stems and compound ends) with their
//! documents, then the shards. See the module above for the files.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::postings::DocSet;
use super::text::{Stemmers, tails, words};
use super::{CHUNK, Item};
use crate::output::Sink;
use crate::render::Published;

/// Documents indexed by one task: a whole number of result chunks.
const BLOCK: usize = CHUNK * 64;
/// A key's documents stay inside its shard up to this many bytes.
const INLINE: usize = 192;
/// A shard larger than this is split by one more letter (up to [`MAX_PREFIX`]).
const SHARD_BYTES: usize = 24 * 1024;
const MAX_PREFIX: usize = 4;
/// Where the word occurs: its language decides its stemmer.
const DUTCH: u8 = 1;
const ENGLISH: u8 = 2;

#[derive(Default)]
struct Word {
    all: DocSet,
    title: DocSet,
    langs: u8,
}

/// A word's documents within one block.
#[derive(Default)]
struct Local {
    all: Vec<u32>,
    title: Vec<u32>,
    langs: u8,
}

/// What one task found in its block.
#[derive(Default)]
struct Block {
    words: FxHashMap<Box<str>, Local>,
    filters: FxHashMap<(&'static str, String), Vec<u32>>,
}

fn add(words: &mut FxHashMap<Box<str>, Local>, w: &str, doc: u32, title: bool, lang: u8) {
    let entry = match words.get_mut(w) {
        Some(e) => e,
        None => words.entry(w.into()).or_default(),
    };
    if entry.all.last() != Some(&doc) {
        entry.all.push(doc);
    }
    if title && entry.title.last() != Some(&doc) {
        entry.title.push(doc);
    }
    entry.langs |= lang;
}

fn index_block(
    p: &Published,
    items: &[Item],
    first: usize,
    out: &dyn Sink,
) -> anyhow::Result<Block> {
    let mut block = Block::default();
    let mut buf = String::new();
    for (i, item) in items.iter().enumerate() {
        let doc = (first + i) as u32;
        let t = item.texts(p);
        for (texts, title, lang) in [
            (
                &t.title.iter().map(|s| (*s).into()).collect::<Vec<_>>(),
                true,
                DUTCH,
            ),
            (
                &t.title_en.iter().map(|s| (*s).into()).collect(),
                true,
                ENGLISH,
            ),
            (&t.body, false, DUTCH),
            (&t.body_en, false, ENGLISH),
        ] as [(&Vec<std::borrow::Cow<str>>, bool, u8); 4]
        {
            for text in texts {
                words(text, &mut buf, |w| {
                    add(&mut block.words, w, doc, title, lang)
                });
            }
        }
        for f in t.filters {
            block.filters.entry(f).or_default().push(doc);
        }
    }
    for (c, chunk) in items.chunks(CHUNK).enumerate() {
        let shown: Vec<_> = chunk.iter().map(|item| item.shown(p)).collect();
        let n = first / CHUNK + c;
        out.put(
            format!("zoeken/index/d/{n}.json"),
            serde_json::to_vec(&shown)?,
        )?;
    }
    Ok(block)
}

#[derive(Serialize)]
struct Manifest {
    v: u32,
    /// Number of documents.
    n: usize,
    /// Documents per result chunk.
    c: usize,
}

/// A word and the keys it stands for.
type Alias<'a> = (&'a str, &'a Vec<&'a str>);
/// What one shard lists: keys and aliases.
type Listing<'a> = (Vec<&'a Key>, Vec<Alias<'a>>);

/// One key as its shard lists it.
struct Key {
    name: String,
    count: usize,
    /// The encoded documents: all, then those with the key in the title.
    bytes: Vec<u8>,
}

pub(super) fn write(p: &Published, items: &[Item], out: &dyn Sink) -> anyhow::Result<()> {
    let total = items.len();
    // Blocks hold consecutive documents, so appending them in order keeps
    // every set sorted. A few blocks at a time, so that the words of only
    // those blocks are held twice.
    let mut vocabulary: FxHashMap<Box<str>, Word> = FxHashMap::default();
    let mut filters: BTreeMap<(&'static str, String), DocSet> = BTreeMap::new();
    let wave = BLOCK * 2 * rayon::current_num_threads();
    for (w, group) in items.chunks(wave).enumerate() {
        let blocks: Vec<Block> = group
            .par_chunks(BLOCK)
            .enumerate()
            .map(|(b, chunk)| index_block(p, chunk, w * wave + b * BLOCK, out))
            .collect::<anyhow::Result<_>>()?;
        for block in blocks {
            for (w, local) in block.words {
                let entry = vocabulary.entry(w).or_default();
                for d in local.all {
                    entry.all.push(d, total);
                }
                for d in local.title {
                    entry.title.push(d, total);
                }
                entry.langs |= local.langs;
            }
            for (f, local) in block.filters {
                let entry = filters.entry(f).or_default();
                for d in local {
                    entry.push(d, total);
                }
            }
        }
    }
    filters.par_iter().try_for_each(|((facet, value), set)| {
        let mut bytes = Vec::new();
        set.encode(total, &mut bytes);
        out.put(
            format!("zoeken/index/f/{facet}-{}.bin", file_name(value)),
            bytes,
        )
    })?;

    // Each word's keys: its stems and the ends of it and of its stems.
    let words: Vec<(&str, &Word)> = vocabulary.iter().map(|(w, e)| (&**w, e)).collect();
    let stems: Vec<Vec<String>> = words
        .par_iter()
        .map_init(Stemmers::default, |s, (w, e)| {
            let mut out = Vec::new();
            if e.langs & DUTCH != 0 {
                out.push(s.dutch(w));
            }
            if e.langs & ENGLISH != 0 {
                out.push(s.english(w));
            }
            out.sort();
            out.dedup();
            out
        })
        .collect();
    let mut keys: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut aliases: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (i, ((w, _), stems)) in words.iter().zip(&stems).enumerate() {
        let mut mine: Vec<&str> = Vec::new();
        for s in stems {
            mine.push(s);
            mine.extend(tails(s));
            if s != w {
                aliases.entry(w).or_default().push(s);
            }
        }
        mine.extend(tails(w));
        mine.sort_unstable();
        mine.dedup();
        for k in mine {
            keys.entry(k).or_default().push(i);
        }
    }
    let keys: Vec<Key> = keys
        .into_par_iter()
        .map(|(name, of)| {
            let (all, title) = if let [one] = of[..] {
                (words[one].1.all.clone(), words[one].1.title.clone())
            } else {
                (
                    DocSet::union(of.iter().map(|&i| &words[i].1.all), total),
                    DocSet::union(of.iter().map(|&i| &words[i].1.title), total),
                )
            };
            let mut bytes = Vec::new();
            all.encode(total, &mut bytes);
            title.encode(total, &mut bytes);
            Key {
                name: name.to_string(),
                count: all.len(),
                bytes,
            }
        })
        .collect();

    let mut by_shard: BTreeMap<String, Listing> = BTreeMap::new();
    for k in &keys {
        by_shard.entry(prefix(&k.name, 2)).or_default().0.push(k);
    }
    for (w, a) in &aliases {
        by_shard.entry(prefix(w, 2)).or_default().1.push((w, a));
    }
    let shards: Vec<(String, Vec<&Key>, Vec<Alias>)> =
        by_shard.into_iter().map(|(s, (k, a))| (s, k, a)).collect();
    shards
        .par_iter()
        .try_for_each(|(start, keys, aliases)| write_shard(start, keys, aliases, out))?;
    keys.par_iter()
        .filter(|k| k.bytes.len() > INLINE)
        .try_for_each(|k| {
            out.put(
                format!("zoeken/index/p/{}.bin", file_name(&k.name)),
                k.bytes.clone(),
            )
        })?;
    out.put(
        "zoeken/index/manifest.json".into(),
        serde_json::to_vec(&Manifest {
            v: 2,
            n: total,
            c: super::CHUNK,
        })?,
    )
}

/// Writes the shard of the words starting with `start`, split by one more
/// letter while it is too large.
fn write_shard(
    start: &str,
    keys: &[&Key],
    aliases: &[Alias],
    out: &dyn Sink,
) -> anyhow::Result<()> {
    let depth = start.chars().count();
    let json = shard_json(keys, aliases, false);
    if json.len() <= SHARD_BYTES || depth >= MAX_PREFIX {
        return out.put(shard_path(start), json.into_bytes());
    }
    // Keys exactly `start` long stay here; the rest go one letter deeper.
    let short = |w: &str| w.chars().count() <= depth;
    let here_keys: Vec<&Key> = keys.iter().copied().filter(|k| short(&k.name)).collect();
    let here_aliases: Vec<Alias> = aliases.iter().copied().filter(|(w, _)| short(w)).collect();
    out.put(
        shard_path(start),
        shard_json(&here_keys, &here_aliases, true).into_bytes(),
    )?;
    let mut deeper: BTreeMap<String, Listing> = BTreeMap::new();
    for k in keys.iter().filter(|k| !short(&k.name)) {
        deeper
            .entry(prefix(&k.name, depth + 1))
            .or_default()
            .0
            .push(k);
    }
    for a in aliases.iter().filter(|(w, _)| !short(w)) {
        deeper.entry(prefix(a.0, depth + 1)).or_default().1.push(*a);
    }
    for (s, (k, a)) in deeper {
        write_shard(&s, &k, &a, out)?;
    }
    Ok(())
}

/// `{"k":{key:[count, documents-or-1]}, "a":{word:[stem…]}, "s":1}`: the
/// documents inline in base64, or 1 when they are in `p/<key>.bin`; `s` says
/// that longer words are in the shards one letter deeper.
fn shard_json(keys: &[&Key], aliases: &[Alias], split: bool) -> String {
    let mut k = serde_json::Map::new();
    for key in keys {
        let docs = if key.bytes.len() > INLINE {
            serde_json::Value::from(1)
        } else {
            serde_json::Value::from(base64(&key.bytes))
        };
        k.insert(key.name.clone(), serde_json::json!([key.count, docs]));
    }
    let a: serde_json::Map<String, serde_json::Value> = aliases
        .iter()
        .map(|(w, s)| (w.to_string(), serde_json::json!(s)))
        .collect();
    let mut shard = serde_json::json!({ "k": k, "a": a });
    if split {
        shard["s"] = 1.into();
    }
    shard.to_string()
}

fn shard_path(start: &str) -> String {
    format!("zoeken/index/w/{}.json", file_name(start))
}

/// The first `n` letters of a word.
fn prefix(word: &str, n: usize) -> String {
    word.chars().take(n).collect()
}

/// A word as part of a file name: letters a-z and digits as they are, any
/// other character as `_<hex>_` (search.js does the same).
pub fn file_name(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' {
            out.push(c);
        } else {
            out += &format!("_{:x}_", c as u32);
        }
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn file_names_escape_what_is_not_plain() {
        assert_eq!(file_name("cafe"), "cafe");
        assert_eq!(file_name("ωx"), "_3c9_x");
        assert_eq!(prefix("ωxyz", 2), "ωx");
    }
}
