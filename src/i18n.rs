//! The language of the command line: every message exists in Dutch and
//! English, in the Fluent catalogues `messages/nl.ftl` and `messages/en.ftl`.
//! Dutch is the default; `AFSPRAAK_LANG=en`, or a system locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`) that starts with `en`, chooses English.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language chosen by the environment, read once per process.
    pub fn current() -> Lang {
        static CURRENT: OnceLock<Lang> = OnceLock::new();
        *CURRENT.get_or_init(|| Lang::from_env(|k| std::env::var(k).ok()))
    }

    /// `AFSPRAAK_LANG` first, then the locale variables in POSIX order.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let chosen = ["AFSPRAAK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| var(k).filter(|v| !v.trim().is_empty()));
        match chosen {
            Some(v) if v.trim().to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Nl,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

const NL: &str = include_str!("../messages/nl.ftl");
const EN: &str = include_str!("../messages/en.ftl");

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        Lang::ALL.map(|l| {
            let source = match l {
                Lang::Nl => NL,
                Lang::En => EN,
            };
            let resource = FluentResource::try_new(source.to_string())
                .unwrap_or_else(|(_, e)| panic!("messages/{}.ftl does not parse: {e:?}", l.code()));
            let id: unic_langid::LanguageIdentifier = l.code().parse().expect("a language code");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Terminal output: no Unicode isolation marks around values.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("messages/{}.ftl has duplicate ids: {e:?}", l.code()));
            bundle
        })
    });
    &bundles[match lang {
        Lang::Nl => 0,
        Lang::En => 1,
    }]
}

/// A value for a placeholder in a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    /// Another message, put into words in the same language (such as the
    /// name of the item a message is about).
    Msg(Box<Msg>),
}

macro_rules! impl_arg_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self { Arg::Number(n as f64) }
        }
    )*};
}
impl_arg_number!(usize, u32, i32, i64, u64, u8);

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

/// A message of the catalogues with its values, not yet put into words.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Self {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang`. A missing message is a bug the catalogue
    /// tests catch; it shows as its id rather than failing the run.
    pub fn render(&self, lang: Lang) -> String {
        format(lang, self.id, &self.args)
    }

    /// The message in the language of this run.
    pub fn text(&self) -> String {
        self.render(Lang::current())
    }
}

fn format(lang: Lang, id: &str, values: &[(&'static str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut args = FluentArgs::new();
    for (name, value) in values {
        match value {
            Arg::Text(s) => args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
            Arg::Msg(m) => args.set(*name, FluentValue::from(m.render(lang))),
        }
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

/// A message without values whose id is only known at run time (such as
/// the help of a command-line option, `cli-check-root`), in the language
/// of this run; `None` when the catalogue has no such message.
pub fn text(id: &str) -> Option<String> {
    let lang = Lang::current();
    has(lang, id).then(|| format(lang, id, &[]))
}

/// `msg!("id", name = value, …)`: a message of the catalogues.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Msg::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// `tr!("id", name = value, …)`: a message in the language of this run.
#[macro_export]
macro_rules! tr {
    ($($t:tt)*) => { $crate::msg!($($t)*).text() };
}

/// Whether the catalogue of `lang` has a message with this id.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Every message id in a catalogue, in file order.
pub fn ids(lang: Lang) -> Vec<String> {
    let source = match lang {
        Lang::Nl => NL,
        Lang::En => EN,
    };
    source
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_chooses_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|p| p.0 == k).map(|p| p.1.to_string())
        };
        assert_eq!(Lang::from_env(env(&[])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "nl_NL.UTF-8")])), Lang::Nl);
        assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Lang::Nl);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "nl_NL.UTF-8")])),
            Lang::Nl
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "nl_NL.UTF-8"), ("AFSPRAAK_LANG", "en")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_MESSAGES", "en_US"), ("LANG", "nl_NL")])),
            Lang::En
        );
    }

    #[test]
    fn both_catalogues_have_the_same_messages() {
        let nl = ids(Lang::Nl);
        let en = ids(Lang::En);
        for id in &nl {
            assert!(has(Lang::En, id), "{id} is in nl.ftl but not in en.ftl");
        }
        for id in &en {
            assert!(has(Lang::Nl, id), "{id} is in en.ftl but not in nl.ftl");
        }
        assert!(nl.len() > 10);
    }

    #[test]
    fn values_and_plurals() {
        let m = msg!("summary-errors", errors = 1usize, warnings = 2usize);
        assert_eq!(m.render(Lang::En), "1 error, 2 warnings");
        assert_eq!(m.render(Lang::Nl), "1 fout, 2 waarschuwingen");
        // Numbers as written, without grouping: limits and years read alike.
        let m = msg!("import-too-many-rows", max = 100_000usize);
        assert!(m.render(Lang::En).contains("more than 100000 rows"));
    }

    #[test]
    fn a_message_as_a_value_is_put_into_words_in_the_same_language() {
        let m = msg!(
            "field-missing",
            field = "title",
            what = msg!("item-question")
        );
        assert_eq!(m.render(Lang::En), "a question has no `title`");
        assert_eq!(m.render(Lang::Nl), "een vraag heeft geen `title`");
    }
}
