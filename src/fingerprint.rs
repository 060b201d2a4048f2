//! FNV-1a: a small hash that is stable across builds, platforms and compiler
//! versions, so what it names (short links, asset versions, drawn images)
//! stays the same from one build to the next.

/// The starting value of a fresh hash.
pub const START: u64 = 0xcbf2_9ce4_8422_2325;

/// Continues the hash `h` over `bytes`; start from [`START`].
pub fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_test_vectors() {
        assert_eq!(fnv1a(START, b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(START, b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(START, b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn continuing_equals_hashing_the_whole() {
        assert_eq!(fnv1a(fnv1a(START, b"foo"), b"bar"), fnv1a(START, b"foobar"));
    }
}
