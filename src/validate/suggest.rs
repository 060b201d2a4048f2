//! "Did you mean …?" for near-miss keys, slugs and keywords.

/// The closest candidate, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(&input, c), c))
        .filter(|&(score, c)| {
            score >= 0.6
                || (c.starts_with(&input) && input.len() >= 3)
                || strsim::damerau_levenshtein(&input, c) <= 2
        })
        // Of two equally close, the first in alphabetical order, so that the
        // suggestion never depends on the order of a hash table.
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_near_misses_only() {
        let partners = ["gemeente", "elan-wonen", "ymere", "pre-wonen"];
        assert_eq!(did_you_mean("elan-wonnen", partners), Some("elan-wonen"));
        assert_eq!(did_you_mean("Ymere", partners), Some("ymere"));
        assert_eq!(did_you_mean("gemeente-haarlem", ["gemeente"]), None);
        assert_eq!(
            did_you_mean("titel", ["title", "topic", "asked"]),
            Some("title")
        );
        assert_eq!(did_you_mean("spaarnelanden", partners), None);
    }
}
