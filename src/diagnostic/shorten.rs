//! Content quoted in a message is shortened: a title of megabytes would
//! otherwise be printed whole, once per diagnostic.

/// The most characters of a value a message quotes.
const MAX_CHARS: usize = 80;

/// `value` as a message quotes it: whole when short, else its first
/// characters, an ellipsis and its length.
pub fn shorten(value: &str) -> String {
    match value.char_indices().nth(MAX_CHARS) {
        None => value.to_string(),
        Some(_) => {
            let head: String = value.chars().take(MAX_CHARS - 20).collect();
            format!(
                "{}… ({} characters)",
                head.trim_end(),
                value.chars().count()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn short_values_stay_whole_long_ones_are_cut_on_a_character() {
        assert_eq!(shorten("Betere verlichting"), "Betere verlichting");
        let exact = "é".repeat(80);
        assert_eq!(shorten(&exact), exact);
        let long = "é".repeat(10_000);
        let short = shorten(&long);
        assert!(short.starts_with(&"é".repeat(60)), "{short}");
        assert!(short.ends_with("… (10000 characters)"), "{short}");
        assert!(short.chars().count() < 100);
    }
}
