//! `afspraak serve`: builds the site in memory, serves it on loopback, watches
//! the sources and rebuilds on a change, and reloads open pages through
//! server-sent events. A broken edit keeps the last good site served, with the
//! diagnostics laid over every page until the file is fixed. The reload script
//! and the overlay exist only here, never in built output.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::{broadcast, watch};

use crate::diagnostic::render_human;
use crate::render::SiteOutput;

/// What is being served: the last good site and, if the latest build failed, why.
struct Snapshot {
    output: Arc<SiteOutput>,
    errors: Option<String>,
    version: u64,
}

struct App {
    snapshot: RwLock<Arc<Snapshot>>,
    changes: broadcast::Sender<u64>,
    shutdown: watch::Receiver<bool>,
}

/// A build in memory: the files, or the diagnostics as text.
pub fn build_in_memory(root: &Path) -> Result<SiteOutput, String> {
    let checked = crate::check(root, None).map_err(|e| format!("error: {e:#}"))?;
    let Some(site) = &checked.site else {
        return Err(render_human(&checked.diagnostics, &checked.sources, false));
    };
    crate::generate(root, site).map_err(|e| format!("error: {e:#}"))
}

impl App {
    fn current(&self) -> Arc<Snapshot> {
        self.snapshot.read().expect("snapshot lock").clone()
    }

    /// Rebuilds and publishes the result to every open page.
    fn rebuild(&self, root: &Path) -> Duration {
        let started = Instant::now();
        let result = build_in_memory(root);
        let previous = self.current();
        let next = match result {
            Ok(output) => Snapshot {
                output: Arc::new(output),
                errors: None,
                version: previous.version + 1,
            },
            Err(errors) => Snapshot {
                output: previous.output.clone(),
                errors: Some(errors),
                version: previous.version + 1,
            },
        };
        let failed = next.errors.is_some();
        let version = next.version;
        *self.snapshot.write().expect("snapshot lock") = Arc::new(next);
        let took = started.elapsed();
        let _ = self.changes.send(version);
        if failed {
            eprintln!(
                "rebuild failed in {} ms: the last good site stays served, with the errors shown on every page",
                took.as_millis()
            );
        } else {
            eprintln!("rebuilt in {} ms", took.as_millis());
        }
        took
    }
}

/// Serves the site in `root` on `bind:port` until Ctrl-C.
pub fn serve(root: &Path, bind: &str, port: u16) -> anyhow::Result<()> {
    let root = root
        .canonicalize()
        .map_err(|e| anyhow::anyhow!("cannot open the site folder {}: {e}", root.display()))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        // Listen for Ctrl-C before anything else, so that an early one still stops cleanly.
        let interrupted = interrupt_signal()?;
        let addr: SocketAddr = format!("{bind}:{port}")
            .parse()
            .map_err(|_| crate::Refused(format!("`{bind}` is not an address to listen on; use e.g. 127.0.0.1")))?;
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => l,
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
                crate::refuse!("port {port} on {bind} is already in use (is another afspraak serve running?); stop that program or choose another port with --port");
            }
            Err(e) => return Err(anyhow::anyhow!("cannot listen on {addr}: {e}")),
        };
        let local = listener.local_addr()?;
        let (changes, _) = broadcast::channel(16);
        let (stop, shutdown) = watch::channel(false);
        let first = build_in_memory(&root);
        let snapshot = match first {
            Ok(output) => Snapshot { output: Arc::new(output), errors: None, version: 1 },
            Err(errors) => Snapshot { output: Arc::new(SiteOutput::new()), errors: Some(errors), version: 1 },
        };
        if let Some(errors) = &snapshot.errors {
            eprint!("{errors}");
        }
        let app = Arc::new(App { snapshot: RwLock::new(Arc::new(snapshot)), changes, shutdown });
        let _watcher = watch_sources(&root, app.clone())?;
        let router = Router::new()
            .route("/__afspraak/events", get(events))
            .fallback(get(page))
            .with_state(app.clone());
        eprintln!("serving the site on http://{local}/ — press Ctrl-C to stop");
        axum::serve(listener, router)
            .with_graceful_shutdown(async move {
                interrupted.await;
                eprintln!("stopping");
                let _ = stop.send(true);
            })
            .await?;
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

/// Watches site.toml, content/ and themes/; a burst of saves gives one rebuild.
fn watch_sources(
    root: &Path,
    app: Arc<App>,
) -> anyhow::Result<
    notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
> {
    use notify::RecursiveMode;
    let rebuild_root = root.to_path_buf();
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let mut debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(40),
        Some(Duration::from_millis(10)),
        move |result: notify_debouncer_full::DebounceEventResult| {
            if let Ok(events) = result
                && events.iter().any(|e| !e.kind.is_access())
            {
                let _ = tx.send(());
            }
        },
    )?;
    for path in watched(root) {
        if path.exists() {
            let mode = if path.is_dir() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            debouncer.watch(&path, mode)?;
        }
    }
    std::thread::spawn(move || {
        while rx.recv().is_ok() {
            // Coalesce what arrived while the last rebuild ran.
            while rx.try_recv().is_ok() {}
            app.rebuild(&rebuild_root);
        }
    });
    Ok(debouncer)
}

fn watched(root: &Path) -> Vec<PathBuf> {
    vec![
        root.join("site.toml"),
        root.join("content"),
        root.join("themes"),
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
    let path = uri.path().trim_start_matches('/');
    let decoded = percent_decode(path);
    let key = if decoded.is_empty() || decoded.ends_with('/') {
        format!("{decoded}index.html")
    } else {
        decoded.clone()
    };
    if let Some(bytes) = snapshot.output.get(&key) {
        return file_response(&key, bytes, &snapshot, StatusCode::OK);
    }
    if snapshot
        .output
        .contains_key(&format!("{decoded}/index.html"))
    {
        let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
        r.headers_mut().insert(
            header::LOCATION,
            HeaderValue::from_str(&format!("/{decoded}/")).unwrap_or(HeaderValue::from_static("/")),
        );
        return r;
    }
    let not_found = if decoded.starts_with("en/") {
        "en/404.html"
    } else {
        "404.html"
    };
    match snapshot.output.get(not_found) {
        Some(bytes) => file_response(not_found, bytes, &snapshot, StatusCode::NOT_FOUND),
        None => file_response("404.html", b"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>afspraak</title></head><body><main><h1>Nog geen site</h1></main></body></html>", &snapshot, StatusCode::NOT_FOUND),
    }
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
    let script = format!(
        "<script>(function(){{var v=\"{}\";var es=new EventSource(\"/__afspraak/events\");es.onmessage=function(e){{if(e.data!==v){{es.close();location.reload();}}}};}})();</script>",
        snapshot.version
    );
    let overlay = snapshot.errors.as_ref().map(|errors| {
        format!(
            "<div id=\"afspraak-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:9999;overflow:auto;background:#fff;color:#1a1a1a;padding:1.5rem;border:6px solid #a3262b;font:16px/1.5 system-ui,sans-serif\"><h2 style=\"margin-top:0\">De site kan niet worden gebouwd / The site cannot be built</h2><p>Hieronder staat wat er mis is. Na het opslaan van de verbetering verdwijnt deze melding vanzelf.</p><pre style=\"white-space:pre-wrap;font:14px/1.4 ui-monospace,monospace\">{}</pre></div>",
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

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
