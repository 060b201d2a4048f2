//! Editing in the browser, in `serve` only: a **Bewerken** link on the
//! preview pages, plain HTML forms, and saves that go through `import`'s
//! in-place editor after the whole site is checked with them. Nothing of it
//! reaches `build`: the links are added to pages as they are served.
//!
//! The data flow: a request's target ([`Target`]) → its form ([`view`],
//! [`forms`]) → the POST read ([`read_form`]) → the edit of the text
//! ([`apply`], [`news`]) → the save ([`save`]) → a redirect or the form
//! again with its errors.
//!
//! Cross-site requests are refused: every POST needs the session's token and
//! an `Origin` of this server, and the editor answers only on loopback.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::App;
use crate::model::{QuestionRef, is_valid_slug};

mod apply;
mod forms;
mod links;
mod news;
mod save;
mod view;

pub(super) use links::links;

/// Where the editor's pages are.
pub(super) const PREFIX: &str = "/__afspraak/bewerken";

/// The editor of one run of `serve`.
pub(super) struct Session {
    /// Sent with every form and required back: another site cannot know it.
    token: String,
    saving: Mutex<()>,
}

impl Session {
    pub(super) fn new() -> Session {
        Session {
            token: random_token(),
            saving: Mutex::new(()),
        }
    }
}

/// 128 random bits from the system, as hex.
fn random_token() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let from_os = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .is_ok();
    if !from_os {
        // Elsewhere: the standard library's randomly keyed hasher.
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The address a request came from (set by the connection loop).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Peer(pub(crate) SocketAddr);

/// What an editor URL points at.
#[derive(Debug, Clone)]
pub(super) enum Target {
    Question(QuestionRef),
    Progress(QuestionRef),
    Reschedule(QuestionRef),
    Dispute(QuestionRef),
    Contract(String, i32),
    NewQuestion(String, i32),
    NewContract(String),
    Update(String),
    NewUpdate,
}

impl Target {
    fn parse(path: &str) -> Option<Target> {
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let year = |y: &str| (y.len() == 4).then(|| y.parse::<i32>().ok()).flatten();
        let slug = |s: &str| is_valid_slug(s).then(|| s.to_string());
        let question = |nb: &str, y: &str, id: &str| {
            Some(QuestionRef {
                neighbourhood: slug(nb)?,
                year: year(y)?,
                id: id.parse().ok()?,
            })
        };
        Some(match parts.as_slice() {
            ["vraag", nb, y, id] => Target::Question(question(nb, y, id)?),
            ["stand", nb, y, id] => Target::Progress(question(nb, y, id)?),
            ["termijn", nb, y, id] => Target::Reschedule(question(nb, y, id)?),
            ["betwist", nb, y, id] => Target::Dispute(question(nb, y, id)?),
            ["contract", nb, y] => Target::Contract(slug(nb)?, year(y)?),
            ["nieuwe-vraag", nb, y] => Target::NewQuestion(slug(nb)?, year(y)?),
            ["nieuw-contract", nb] => Target::NewContract(slug(nb)?),
            ["nieuws"] => Target::NewUpdate,
            ["nieuws", stem] => Target::Update(slug(stem)?),
            _ => return None,
        })
    }
}

pub(super) fn contract_file(nb: &str, year: i32) -> String {
    format!("content/contracts/{nb}/{year}.yaml")
}

fn plain(status: StatusCode, text: &str) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        format!("{text}\n"),
    )
        .into_response()
}

fn forbidden(why: &str) -> Response {
    plain(StatusCode::FORBIDDEN, &format!("Geweigerd: {why}"))
}

/// Refuses a request the editor may not answer: the editor is off (serve
/// listens beyond loopback), or the request comes from another computer.
fn refuse_remote(app: &App, peer: Option<&Peer>) -> Option<Response> {
    if app.editor.is_none() {
        return Some(forbidden(
            "bewerken kan alleen als `afspraak serve` op dit apparaat luistert (127.0.0.1).",
        ));
    }
    if !peer.is_some_and(|p| p.0.ip().is_loopback()) {
        return Some(forbidden("bewerken kan alleen vanaf dit apparaat."));
    }
    None
}

/// Refuses a POST that another site could have sent: one whose `Origin` is
/// not this server's, or without the session's token.
fn refuse_cross_site(app: &App, headers: &HeaderMap, values: &apply::Values) -> Option<Response> {
    let editor = app.editor.as_ref()?;
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let origin = text(header::ORIGIN);
    let host = text(header::HOST);
    if origin.is_none()
        || host.is_none()
        || origin != host.map(|h| format!("http://{h}")).as_deref()
    {
        return Some(forbidden(
            "dit verzoek komt niet van de voorbeeldsite zelf (Origin).",
        ));
    }
    let sent = values
        .get("token")
        .map(String::as_bytes)
        .unwrap_or_default();
    let want = editor.token.as_bytes();
    // Compared in full, whatever differs first.
    let same = sent.len() == want.len()
        && sent.iter().zip(want).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
    if !same {
        return Some(forbidden(
            "het formulier mist de sleutel van deze sessie; open het formulier opnieuw.",
        ));
    }
    None
}

/// A form's fields: trimmed, with `\n` line ends.
fn read_form(body: &[u8]) -> apply::Values {
    let mut values = apply::Values::new();
    for (k, v) in url::form_urlencoded::parse(body) {
        let v = v.replace("\r\n", "\n").replace('\r', "\n");
        values.insert(k.into_owned(), v.trim().to_string());
    }
    values
}

pub(super) async fn get(
    State(app): State<Arc<App>>,
    UrlPath(path): UrlPath<String>,
    peer: Option<axum::Extension<Peer>>,
) -> Response {
    if let Some(refused) = refuse_remote(&app, peer.as_deref()) {
        return refused;
    }
    let Some(target) = Target::parse(&path) else {
        return plain(StatusCode::NOT_FOUND, "Dit formulier bestaat niet.");
    };
    tokio::task::spawn_blocking(move || forms::show(&app, &target))
        .await
        .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "interne fout"))
}

pub(super) async fn post(
    State(app): State<Arc<App>>,
    UrlPath(path): UrlPath<String>,
    peer: Option<axum::Extension<Peer>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if let Some(refused) = refuse_remote(&app, peer.as_deref()) {
        return refused;
    }
    let values = read_form(&body);
    if let Some(refused) = refuse_cross_site(&app, &headers, &values) {
        return refused;
    }
    let Some(target) = Target::parse(&path) else {
        return plain(StatusCode::NOT_FOUND, "Dit formulier bestaat niet.");
    };
    tokio::task::spawn_blocking(move || forms::submit(&app, &target, values))
        .await
        .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "interne fout"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_read_and_nothing_else() {
        assert!(matches!(
            Target::parse("vraag/meerwijk/2011/7"),
            Some(Target::Question(r)) if r.id == 7 && r.year == 2011
        ));
        assert!(matches!(Target::parse("nieuws"), Some(Target::NewUpdate)));
        for bad in [
            "vraag/../2011/7",
            "vraag/Meerwijk/2011/7",
            "nieuws/..",
            "contract/meerwijk/11",
            "iets",
        ] {
            assert!(Target::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_token_is_random() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }

    #[test]
    fn forms_are_read_with_unix_line_ends() {
        let v = read_form(b"title=+Nieuw%3A+licht+&asked=a%0D%0Ab");
        assert_eq!(v["title"], "Nieuw: licht");
        assert_eq!(v["asked"], "a\nb");
    }
}
