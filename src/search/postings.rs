//! Sets of document numbers, and their compact binary form. A set is a sorted
//! list while it is sparse and a bitmap once a list would be larger; the file
//! form is whichever of three encodings is smallest (search.js decodes all
//! three):
//!
//! - `0`, count, then each number as the gap from the previous one (varints);
//! - `1`, byte length, then a bitmap (document `i` is bit `i % 8` of byte `i / 8`);
//! - `2`, number of runs, then per run the gap from the previous run's end and
//!   its length (varints): documents are numbered by year and neighbourhood,
//!   so a filter's set is a few runs.

#[derive(Debug, Clone)]
pub enum DocSet {
    Sparse(Vec<u32>),
    Dense { bits: Vec<u64>, len: usize },
}

impl Default for DocSet {
    fn default() -> Self {
        DocSet::Sparse(Vec::new())
    }
}

impl DocSet {
    /// Adds `doc`, which is not smaller than any document already in the set.
    /// `total` is the number of documents in the index.
    pub fn push(&mut self, doc: u32, total: usize) {
        match self {
            DocSet::Sparse(v) => {
                if v.last() == Some(&doc) {
                    return;
                }
                v.push(doc);
                if v.len() * 32 > total.max(64) {
                    let mut bits = vec![0u64; total.div_ceil(64)];
                    for &d in v.iter() {
                        bits[d as usize / 64] |= 1 << (d % 64);
                    }
                    *self = DocSet::Dense { len: v.len(), bits };
                }
            }
            DocSet::Dense { bits, len } => {
                let (w, b) = (doc as usize / 64, 1u64 << (doc % 64));
                if bits[w] & b == 0 {
                    bits[w] |= b;
                    *len += 1;
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        match self {
            DocSet::Sparse(v) => v.len(),
            DocSet::Dense { len, .. } => *len,
        }
    }

    /// Every document, in order.
    pub fn docs(&self) -> Vec<u32> {
        match self {
            DocSet::Sparse(v) => v.clone(),
            DocSet::Dense { bits, .. } => {
                let mut out = Vec::new();
                for (i, &w) in bits.iter().enumerate() {
                    let mut w = w;
                    while w != 0 {
                        out.push(i as u32 * 64 + w.trailing_zeros());
                        w &= w - 1;
                    }
                }
                out
            }
        }
    }

    /// The union of several sets.
    pub fn union<'a>(sets: impl IntoIterator<Item = &'a DocSet>, total: usize) -> DocSet {
        let mut bits = vec![0u64; total.div_ceil(64)];
        for s in sets {
            match s {
                DocSet::Sparse(v) => {
                    for &d in v {
                        bits[d as usize / 64] |= 1 << (d % 64);
                    }
                }
                DocSet::Dense { bits: b, .. } => {
                    for (x, y) in bits.iter_mut().zip(b) {
                        *x |= y;
                    }
                }
            }
        }
        let len = bits.iter().map(|w| w.count_ones() as usize).sum();
        if len * 32 > total.max(64) {
            DocSet::Dense { bits, len }
        } else {
            let dense = DocSet::Dense { bits, len };
            DocSet::Sparse(dense.docs())
        }
    }

    /// Appends the smallest encoding of the set to `out`.
    pub fn encode(&self, total: usize, out: &mut Vec<u8>) {
        let docs = self.docs();
        let mut list = vec![0u8];
        varint(docs.len() as u64, &mut list);
        let mut prev: i64 = -1;
        for &d in &docs {
            varint((d as i64 - prev - 1) as u64, &mut list);
            prev = d as i64;
        }
        let mut runs = Vec::new();
        let mut count = 0u64;
        let mut body = Vec::new();
        let mut end: i64 = 0;
        let mut i = 0;
        while i < docs.len() {
            let start = docs[i];
            let mut j = i + 1;
            while j < docs.len() && docs[j] == docs[j - 1] + 1 {
                j += 1;
            }
            varint((start as i64 - end) as u64, &mut body);
            varint((j - i) as u64, &mut body);
            end = docs[j - 1] as i64 + 1;
            count += 1;
            i = j;
        }
        runs.push(2u8);
        varint(count, &mut runs);
        runs.extend(body);
        let bytes = docs
            .last()
            .map_or(0, |&d| d as usize / 8 + 1)
            .min(total.div_ceil(8));
        let bitmap_len = 1 + varint_len(bytes as u64) + bytes;
        let best = list.len().min(runs.len());
        if bitmap_len < best {
            out.push(1);
            varint(bytes as u64, out);
            let start = out.len();
            out.resize(start + bytes, 0);
            for &d in &docs {
                out[start + d as usize / 8] |= 1 << (d % 8);
            }
        } else if runs.len() < list.len() {
            out.extend(runs);
        } else {
            out.extend(list);
        }
    }
}

fn varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn varint_len(n: u64) -> usize {
    let mut v = Vec::new();
    varint(n, &mut v);
    v.len()
}

/// Reads what [`DocSet::encode`] wrote, from `at`; for the tests, as
/// search.js reads it.
#[cfg(test)]
pub fn decode(bytes: &[u8], at: &mut usize) -> Vec<u32> {
    fn read(bytes: &[u8], at: &mut usize) -> u64 {
        let (mut n, mut shift) = (0u64, 0);
        loop {
            let b = bytes[*at];
            *at += 1;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
            shift += 7;
        }
    }
    let kind = bytes[*at];
    *at += 1;
    let mut out = Vec::new();
    match kind {
        0 => {
            let n = read(bytes, at);
            let mut prev: i64 = -1;
            for _ in 0..n {
                prev += read(bytes, at) as i64 + 1;
                out.push(prev as u32);
            }
        }
        1 => {
            let n = read(bytes, at) as usize;
            for i in 0..n * 8 {
                if bytes[*at + i / 8] & (1 << (i % 8)) != 0 {
                    out.push(i as u32);
                }
            }
            *at += n;
        }
        _ => {
            let n = read(bytes, at);
            let mut end = 0u64;
            for _ in 0..n {
                let start = end + read(bytes, at);
                let len = read(bytes, at);
                out.extend((start..start + len).map(|d| d as u32));
                end = start + len;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(docs: &[u32], total: usize) -> usize {
        let mut set = DocSet::default();
        for &d in docs {
            set.push(d, total);
        }
        assert_eq!(set.docs(), docs);
        let mut bytes = Vec::new();
        set.encode(total, &mut bytes);
        let mut at = 0;
        assert_eq!(decode(&bytes, &mut at), docs);
        assert_eq!(at, bytes.len());
        bytes.len()
    }

    #[test]
    fn each_encoding_round_trips_and_the_smallest_is_chosen() {
        assert_eq!(round_trip(&[], 1000), 2);
        assert!(round_trip(&[3, 70, 900], 1000) <= 6);
        let run: Vec<u32> = (200..700).collect();
        assert!(round_trip(&run, 1000) <= 6, "a run is a few bytes");
        let dense: Vec<u32> = (0..1000).filter(|d| d % 3 != 0).collect();
        assert!(round_trip(&dense, 1000) <= 1000 / 8 + 3, "a bitmap");
    }

    #[test]
    fn union_merges_sparse_and_dense_sets() {
        let total = 640;
        let mut a = DocSet::default();
        let mut b = DocSet::default();
        for d in (0..640).step_by(2) {
            a.push(d, total);
        }
        b.push(1, total);
        b.push(3, total);
        let u = DocSet::union([&a, &b], total);
        assert_eq!(u.len(), 322);
        assert!(u.docs().starts_with(&[0, 1, 2, 3, 4, 6]));
    }
}
