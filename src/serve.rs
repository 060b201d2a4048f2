//! `afspraak serve`: builds the site in memory, serves it on loopback, watches
//! the sources and rebuilds on a change, and reloads open pages through
//! server-sent events. A broken edit keeps the last good site served, with the
//! diagnostics laid over every page until the file is fixed. The reload script
//! and the overlay exist only here, never in built output.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::{broadcast, watch};

mod editor;
mod listen;

use crate::diagnostic::render_human;
use crate::model::Site;
use crate::render::{self, Published, SiteOutput, Theme};

/// Files made together the first time one of them is asked for.
type Group = OnceLock<Result<Arc<SiteOutput>, String>>;

/// The groups of files that are not pages.
#[derive(Clone, Copy)]
enum Part {
    Feeds,
    Data,
    Search,
    Redirects,
    /// The sitemap and robots.txt need the full list of pages: a full build.
    Everything,
}

impl Part {
    fn of(key: &str) -> Option<Part> {
        Some(match key {
            "sitemap.xml" | "robots.txt" => Part::Everything,
            k if k == "atom.xml" || k.ends_with("/atom.xml") => Part::Feeds,
            k if k.starts_with("data/") => Part::Data,
            k if k.starts_with("zoeken/index/") => Part::Search,
            k if k.ends_with(".html") => Part::Redirects,
            _ => return None,
        })
    }
}

/// The last site that validated, rendered page by page as pages are asked for:
/// after an edit only the open page is rendered again, not the whole site.
struct Prepared {
    root: PathBuf,
    site: Site,
    theme: Theme,
    pages: Mutex<HashMap<String, Arc<Vec<u8>>>>,
    parts: [Group; 5],
    /// The short links the record gave out, so that the preview shows the same codes.
    codes: Arc<[(String, crate::shortlinks::ShortCode)]>,
}

impl Prepared {
    fn group(&self, part: Part) -> &Group {
        &self.parts[part as usize]
    }

    fn make(&self, part: Part) -> anyhow::Result<SiteOutput> {
        let published = Published::lazy(&self.site).with_recorded_codes(self.codes.clone());
        let out = crate::output::Memory::default();
        match part {
            Part::Feeds => crate::feeds::render(&published, &self.theme, &out)?,
            Part::Data => crate::export::render(&published, &out)?,
            Part::Search => crate::search::render(&published, &out)?,
            Part::Redirects => {
                crate::permanence::redirect_pages(&published, &self.theme, &out)?;
                crate::permanence::short_link_pages(&published, &self.theme, &out)?;
            }
            Part::Everything => return crate::generate(&self.root, &self.site),
        }
        Ok(out.into_inner())
    }

    /// The file at an output path such as `wijken/meerwijk/index.html`.
    fn get(&self, key: &str) -> Option<Arc<Vec<u8>>> {
        if let Some(page) = key
            .strip_suffix("index.html")
            .or(key.ends_with("404.html").then_some(key))
        {
            if let Some(hit) = self.pages.lock().expect("page cache").get(key) {
                return Some(hit.clone());
            }
            let published = Published::lazy(&self.site).with_recorded_codes(self.codes.clone());
            if let Some(result) = render::render_one(&published, &self.theme, page) {
                let bytes = Arc::new(result.unwrap_or_else(|e| format!("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>error</title></head><body><pre>{}</pre></body></html>", escape(&format!("{e:#}"))).into_bytes()));
                self.pages
                    .lock()
                    .expect("page cache")
                    .insert(key.to_string(), bytes.clone());
                return Some(bytes);
            }
        }
        if let Some(name) = key.strip_prefix("static/") {
            return self
                .theme
                .static_files
                .get(name)
                .map(|b| Arc::new(b.clone()));
        }
        // The other files are made in groups, each the first time it is asked for;
        // an unknown name (a browser's favicon.ico) costs nothing.
        let part = Part::of(key)?;
        let files = self
            .group(part)
            .get_or_init(|| self.make(part).map(Arc::new).map_err(|e| format!("{e:#}")));
        files.as_ref().ok()?.get(key).map(|b| Arc::new(b.clone()))
    }
}

/// What is being served: the last good site and, if the latest build failed, why.
struct Snapshot {
    prepared: Option<Arc<Prepared>>,
    errors: Option<String>,
    version: u64,
}

struct App {
    root: PathBuf,
    cache: Mutex<crate::Cache>,
    snapshot: RwLock<Arc<Snapshot>>,
    changes: broadcast::Sender<u64>,
    shutdown: watch::Receiver<bool>,
    /// The editor, on when serve listens on loopback only.
    editor: Option<editor::Session>,
}

/// Checks the site (re-parsing only changed files) and prepares it for serving.
fn prepare(root: &Path, cache: &mut crate::Cache) -> Result<Prepared, String> {
    let checked = crate::check_cached(root, None, cache)
        .map_err(|e| format!("{}: {e:#}", crate::tr!("error-prefix")))?;
    if std::env::var_os("AFSPRAAK_TIMINGS").is_some() {
        eprintln!("{:?}", checked.timings);
    }
    let codes = checked
        .record
        .as_ref()
        .map(|r| r.codes(&checked.sources.get(r.file).text))
        .unwrap_or_default()
        .into();
    let Some(site) = checked.site else {
        return Err(render_human(&checked.diagnostics, &checked.sources, false));
    };
    let theme = Theme::load(root, &site.config.theme)
        .map_err(|e| format!("{}: {e:#}", crate::tr!("error-prefix")))?;
    Ok(Prepared {
        root: root.to_path_buf(),
        site,
        theme,
        pages: Mutex::new(HashMap::new()),
        parts: Default::default(),
        codes,
    })
}

impl App {
    fn current(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("snapshot lock").clone()
    }

    /// Rebuilds and tells every open page.
    fn rebuild(&self) -> Duration {
        let started = Instant::now();
        let result = prepare(&self.root, &mut self.cache.lock().expect("parse cache"));
        let previous = self.current();
        let next = match result {
            Ok(prepared) => Snapshot {
                prepared: Some(Arc::new(prepared)),
                errors: None,
                version: previous.version + 1,
            },
            Err(errors) => Snapshot {
                prepared: previous.prepared.clone(),
                errors: Some(errors),
                version: previous.version + 1,
            },
        };
        let failed = next.errors.is_some();
        let version = next.version;
        let old = std::mem::replace(
            &mut *self.snapshot.write().expect("snapshot lock"),
            Arc::new(next),
        );
        // Freeing a large site takes a while; not on the way to the browser.
        std::thread::spawn(move || drop(old));
        let took = started.elapsed();
        let _ = self.changes.send(version);
        if failed {
            eprintln!(
                "{}",
                crate::tr!("serve-rebuild-failed", ms = took.as_millis() as u64)
            );
        } else {
            eprintln!(
                "{}",
                crate::tr!("serve-rebuilt", ms = took.as_millis() as u64)
            );
        }
        took
    }
}

/// Serves the site in `root` on `bind:port` until Ctrl-C.
pub fn serve(root: &Path, bind: &str, port: u16) -> anyhow::Result<()> {
    serve_with(
        root,
        &ServeOptions {
            bind: bind.to_string(),
            port,
            hosts: Vec::new(),
            allow_remote: false,
        },
    )
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: String,
    pub port: u16,
    /// Host names, besides `localhost` and the bind address, that requests may name.
    pub hosts: Vec<String>,
    /// Confirms a bind address that other computers can reach.
    pub allow_remote: bool,
}

/// The address to listen on: `127.0.0.1`, `::`, `[::1]`.
fn bind_address(bind: &str) -> Option<std::net::IpAddr> {
    let bare = bind
        .strip_prefix('[')
        .and_then(|b| b.strip_suffix(']'))
        .unwrap_or(bind);
    if bare == "localhost" {
        return Some(std::net::IpAddr::from([127, 0, 0, 1]));
    }
    bare.parse().ok()
}

/// The `Host` values a request may carry: `localhost`, the loopback and bind
/// addresses and the names given, each with or without the port. Any other
/// name is a page of another site pointed at this computer (DNS rebinding).
fn allowed_hosts(ip: std::net::IpAddr, port: u16, extra: &[String]) -> Vec<String> {
    let mut names: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()];
    if !ip.is_unspecified() {
        names.push(match ip {
            std::net::IpAddr::V6(v6) => format!("[{v6}]"),
            v4 => v4.to_string(),
        });
    }
    names.extend(extra.iter().map(|h| h.trim().to_ascii_lowercase()));
    let mut out = Vec::new();
    for n in names {
        out.push(format!("{n}:{port}"));
        out.push(n);
    }
    out
}

/// Answers 421 to a request whose `Host` is not one of ours.
async fn check_host(
    State(hosts): State<Arc<Vec<String>>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .map(|h| h.to_str().unwrap_or("").to_ascii_lowercase());
    match host {
        Some(h) if !hosts.contains(&h.trim_end_matches('.').to_string()) => (
            StatusCode::MISDIRECTED_REQUEST,
            format!("{}\n", crate::tr!("serve-wrong-host")),
        )
            .into_response(),
        _ => next.run(request).await,
    }
}

/// Serves the site in `root` until Ctrl-C.
pub fn serve_with(root: &Path, options: &ServeOptions) -> anyhow::Result<()> {
    let (bind, port) = (options.bind.as_str(), options.port);
    let Some(ip) = bind_address(bind) else {
        crate::refuse!("{}", crate::tr!("serve-bad-bind", bind = bind));
    };
    if !ip.is_loopback() {
        if !options.allow_remote {
            crate::refuse!("{}", crate::tr!("serve-remote-refused", bind = bind));
        }
        eprintln!(
            "{}: {}",
            crate::tr!("level-warning"),
            crate::tr!("serve-reachable", bind = bind.to_string())
        );
    }
    let hosts = Arc::new(allowed_hosts(ip, port, &options.hosts));
    let root = root.canonicalize().map_err(|e| {
        anyhow::anyhow!(
            "{}",
            crate::tr!(
                "serve-cannot-open",
                dir = root.display().to_string(),
                error = e.to_string()
            )
        )
    })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        // Listen for Ctrl-C before anything else, so that an early one still stops cleanly.
        let interrupted = interrupt_signal()?;
        let addr = SocketAddr::new(ip, port);
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                crate::refuse!(
                    "{}",
                    crate::tr!("serve-port-in-use", port = port.to_string(), bind = bind)
                );
            }
            Err(e) => {
                return Err(anyhow::anyhow!(
                    "{}",
                    crate::tr!(
                        "serve-cannot-listen",
                        addr = addr.to_string(),
                        error = e.to_string()
                    )
                ));
            }
        };
        let local = listener.local_addr()?;
        let (changes, _) = broadcast::channel(16);
        let (stop, shutdown) = watch::channel(false);
        let mut cache = crate::Cache::default();
        let snapshot = match prepare(&root, &mut cache) {
            Ok(prepared) => Snapshot {
                prepared: Some(Arc::new(prepared)),
                errors: None,
                version: 1,
            },
            Err(errors) => Snapshot {
                prepared: None,
                errors: Some(errors),
                version: 1,
            },
        };
        if let Some(errors) = &snapshot.errors {
            eprint!("{errors}");
        }
        let base = snapshot
            .prepared
            .as_ref()
            .map(|p| p.site.config.base_path.clone())
            .unwrap_or_default();
        let app = Arc::new(App {
            root: root.clone(),
            cache: Mutex::new(cache),
            snapshot: RwLock::new(Arc::new(snapshot)),
            changes,
            shutdown,
            editor: ip.is_loopback().then(editor::Session::new),
        });
        let _watcher = watch_sources(&root, app.clone())?;
        let router = Router::new()
            .route("/__afspraak/events", get(events))
            .route(
                &format!("{}/{{*target}}", editor::PREFIX),
                get(editor::get).post(editor::post),
            )
            .route(
                editor::PREFIX,
                get(|| async { moved(&format!("{}/nieuws", editor::PREFIX)) }),
            )
            .fallback(get(page))
            .with_state(app.clone())
            .layer(axum::middleware::from_fn_with_state(hosts, check_host));
        eprintln!(
            "{}",
            crate::tr!("serve-serving", url = format!("http://{local}{base}/"))
        );
        listen::run(listener, router, async move {
            interrupted.await;
            eprintln!("{}", crate::tr!("serve-stopping"));
            let _ = stop.send(true);
        })
        .await;
        Ok(())
    })
}

/// A future that completes on Ctrl-C (or SIGTERM); the handler is installed at once.
#[cfg(unix)]
fn interrupt_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn interrupt_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

type Watcher = notify_debouncer_full::Debouncer<
    notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// Watches site.toml, content/, themes/ and published.txt; a burst of saves within 15 ms gives one rebuild.
///
/// The site folder itself is watched too, not recursively: a folder replaced
/// as a whole (`git checkout`, a sync tool: `rm -rf content && mv content.new
/// content`) takes its watch with it, so it is watched again when it reappears,
/// and a file saved by renaming a new copy over it is still seen.
fn watch_sources(root: &Path, app: Arc<App>) -> anyhow::Result<Arc<Mutex<Watcher>>> {
    use notify::RecursiveMode;
    let (tx, rx) = std::sync::mpsc::channel::<bool>();
    let sources = watched(root);
    let folders: Vec<PathBuf> = vec![root.join("content"), root.join("themes")];
    let (relevant, replaced) = (sources.clone(), folders.clone());
    let debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(15),
        Some(Duration::from_millis(10)),
        move |result: notify_debouncer_full::DebounceEventResult| {
            let Ok(events) = result else { return };
            let changes = events.iter().filter(|e| !e.kind.is_access());
            let paths: Vec<&PathBuf> = changes.flat_map(|e| e.paths.iter()).collect();
            // Other files beside site.toml (a build's output folder) are no source.
            if !paths
                .iter()
                .any(|p| relevant.iter().any(|s| p.starts_with(s)))
            {
                return;
            }
            let _ = tx.send(paths.iter().any(|p| replaced.contains(p)));
        },
    )?;
    let debouncer = Arc::new(Mutex::new(debouncer));
    {
        let mut watcher = debouncer.lock().expect("watcher");
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        for folder in &folders {
            if folder.is_dir() {
                watcher.watch(folder, RecursiveMode::Recursive)?;
            }
        }
    }
    let rewatch = debouncer.clone();
    std::thread::spawn(move || {
        while let Ok(mut replaced) = rx.recv() {
            // Coalesce what arrived while the last rebuild ran.
            while let Ok(more) = rx.try_recv() {
                replaced |= more;
            }
            if replaced {
                let mut watcher = rewatch.lock().expect("watcher");
                for folder in &folders {
                    // The old watch may be gone with its folder already.
                    let _ = watcher.unwatch(folder);
                    if folder.is_dir()
                        && let Err(e) = watcher.watch(folder, RecursiveMode::Recursive)
                    {
                        eprintln!(
                            "{}: {}",
                            crate::tr!("level-warning"),
                            crate::tr!(
                                "serve-cannot-watch",
                                dir = folder.display().to_string(),
                                error = e.to_string()
                            )
                        );
                    }
                }
            }
            app.rebuild();
        }
    });
    Ok(debouncer)
}

fn watched(root: &Path) -> Vec<PathBuf> {
    vec![
        root.join("site.toml"),
        root.join("content"),
        root.join("themes"),
        // A pull or merge brings a new record of what was published.
        root.join(crate::record::FILE),
    ]
}

async fn events(
    State(app): State<Arc<App>>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let rx = app.changes.subscribe();
    let shutdown = app.shutdown.clone();
    // The current version first, so a page that loaded just before a rebuild still learns of it.
    let first = app.current().version;
    let stream = futures_util::stream::unfold(
        (Some(first), rx, shutdown),
        |(first, mut rx, mut shutdown)| async move {
            if let Some(v) = first {
                return Some((
                    Ok(Event::default().data(v.to_string())),
                    (None, rx, shutdown),
                ));
            }
            loop {
                tokio::select! {
                    changed = rx.recv() => match changed {
                        Ok(v) => return Some((Ok(Event::default().data(v.to_string())), (None, rx, shutdown))),
                        Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    },
                    _ = shutdown.changed() => return None,
                }
            }
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn page(State(app): State<Arc<App>>, uri: Uri) -> Response {
    let snapshot = app.current();
    // The preview lives under base_url's path, as the public site will.
    let base = snapshot
        .prepared
        .as_ref()
        .map(|p| p.site.config.base_path.clone())
        .unwrap_or_default();
    let Some(path) = under_base(uri.path(), &base) else {
        if uri.path() == "/" {
            return moved(&format!("{base}/"));
        }
        return file_response(
            "404.html",
            b"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>afspraak</title></head><body><main><h1>Niet gevonden</h1></main></body></html>",
            &snapshot,
            StatusCode::NOT_FOUND,
        );
    };
    // Leading slashes go after decoding too: a redirect to `//host/` or
    // `/\\host/` would send the browser to another site.
    let decoded = percent_decode(path.trim_start_matches('/'))
        .trim_start_matches(['/', '\\'])
        .to_string();
    let key = if decoded.is_empty() || decoded.ends_with('/') {
        format!("{decoded}index.html")
    } else {
        decoded.clone()
    };
    let prepared = snapshot.prepared.clone();
    let answer = tokio::task::spawn_blocking(move || {
        let prepared = prepared?;
        if let Some(bytes) = prepared.get(&key) {
            return Some((key, bytes, StatusCode::OK));
        }
        if prepared.get(&format!("{decoded}/index.html")).is_some() {
            return Some((
                format!("{base}/{decoded}/"),
                Arc::new(Vec::new()),
                StatusCode::MOVED_PERMANENTLY,
            ));
        }
        let not_found = if decoded.starts_with("en/") {
            "en/404.html"
        } else {
            "404.html"
        };
        prepared
            .get(not_found)
            .map(|b| (not_found.to_string(), b, StatusCode::NOT_FOUND))
    })
    .await
    .ok()
    .flatten();
    match answer {
        Some((location, _, StatusCode::MOVED_PERMANENTLY)) => moved(&location),
        Some((key, bytes, status)) => {
            // The editor's links, on a page that shows something to edit.
            let links = app
                .editor
                .as_ref()
                .and(snapshot.prepared.as_ref())
                .and_then(|p| editor::links(&key, &p.site));
            let mut r = file_response(&key, &bytes, &snapshot, status);
            if let Some(links) = links {
                *r.body_mut() = Body::from(add_links(&inject(&bytes, &snapshot), &links));
            }
            r
        }
        None => file_response(
            "404.html",
            b"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>afspraak</title></head><body><main><h1>Nog geen site</h1></main></body></html>",
            &snapshot,
            StatusCode::NOT_FOUND,
        ),
    }
}

/// The part of a request's path after the site's base path (`/wijkcontracten`),
/// or `None` for a path outside the site.
fn under_base<'p>(path: &'p str, base: &str) -> Option<&'p str> {
    if base.is_empty() {
        return Some(path);
    }
    match path.strip_prefix(base)? {
        "" => Some("/"),
        rest if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

fn moved(location: &str) -> Response {
    let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
    r.headers_mut().insert(
        header::LOCATION,
        HeaderValue::from_str(location).unwrap_or(HeaderValue::from_static("/")),
    );
    r
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = path
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("jsonld") => "application/ld+json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn file_response(path: &str, bytes: &[u8], snapshot: &Snapshot, status: StatusCode) -> Response {
    let body = if path.ends_with(".html") {
        inject(bytes, snapshot)
    } else {
        bytes.to_vec()
    };
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// Adds the reload script, and the diagnostics overlay when the last build failed.
fn inject(html: &[u8], snapshot: &Snapshot) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    // On a change, fetch the page again and swap its body in place: quicker
    // than a full reload, and the scroll position stays. Stylesheets are
    // re-fetched too, for edits to the theme; a failed fetch falls back to a reload.
    let script = format!(
        "<script>(function(){{var v=\"{}\";var es=new EventSource(\"/__afspraak/events\");\
es.onmessage=function(e){{if(e.data===v)return;v=e.data;\
fetch(location.href,{{cache:\"no-store\"}}).then(function(r){{return r.text();}}).then(function(h){{\
var d=new DOMParser().parseFromString(h,\"text/html\");document.title=d.title;document.body.replaceWith(d.body);\
document.querySelectorAll(\"link[rel=stylesheet]\").forEach(function(l){{l.href=l.href.split(\"?\")[0]+\"?v=\"+v;}});\
}}).catch(function(){{location.reload();}});}};}})();</script>",
        snapshot.version
    );
    let overlay = snapshot.errors.as_ref().map(|errors| {
        format!(
            "<div id=\"afspraak-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:9999;overflow:auto;background:#fff;color:#1a1a1a;padding:1.5rem;border:6px solid #a3262b;font:16px/1.5 system-ui,sans-serif\"><h2 style=\"margin-top:0\">{}</h2><p>{}</p><pre style=\"white-space:pre-wrap;font:14px/1.4 ui-monospace,monospace\">{}</pre></div>",
            escape(&crate::tr!("serve-overlay-title")),
            escape(&crate::tr!("serve-overlay-text")),
            escape(errors)
        )
    });
    let mut out = html.into_owned();
    let body_end = out.rfind("</body>").unwrap_or(out.len());
    out.insert_str(body_end, &script);
    if let Some(overlay) = overlay {
        let body_start = out
            .find("<body")
            .and_then(|i| out[i..].find('>').map(|j| i + j + 1))
            .unwrap_or(0);
        out.insert_str(body_start, &overlay);
    }
    out.into_bytes()
}

/// Adds the editor's links at the top of the page's `<main>`.
fn add_links(html: &[u8], links: &str) -> Vec<u8> {
    let mut out = String::from_utf8_lossy(html).into_owned();
    let at = out
        .find("<main")
        .and_then(|i| out[i..].find('>').map(|j| i + j + 1));
    if let Some(at) = at {
        out.insert_str(at, links);
    }
    out.into_bytes()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
