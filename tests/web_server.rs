//! The shipped nginx configuration (deploy/nginx/wijkcontracten.conf) on a
//! real nginx: the bundled site, built for `https://…/wijkcontracten/` with
//! precompressed copies, served under `/wijkcontracten/`, and crawled page by
//! page through the server. Every link and asset answers, the security
//! headers are there, compressed copies are served to clients that accept
//! them, a missing page gets the site's 404 page; and the browser audit
//! (tests/browser/audit.mjs) runs on the site as nginx serves it, so the
//! Content-Security-Policy is checked in Chromium.
//!
//! Needs Debian's nginx (and libnginx-mod-http-brotli-static); set
//! AFSPRAAK_SKIP_WEB_SERVER=1 to skip. The browser part follows
//! AFSPRAAK_SKIP_BROWSER like tests/browser.rs.

mod common;
use common::copy_dir;

use std::collections::{BTreeSet, VecDeque};
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use regex::Regex;

const NGINX: &str = "/usr/sbin/nginx";
const APACHE: &str = "/usr/sbin/apache2";
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const BASE: &str = "/wijkcontracten";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn servers_available() -> bool {
    if std::env::var_os("AFSPRAAK_SKIP_WEB_SERVER").is_some_and(|v| v == "1") {
        println!("AFSPRAAK_SKIP_WEB_SERVER=1: skipping the web server tests");
        return false;
    }
    assert!(
        Path::new(NGINX).exists()
            && Path::new(BROTLI_MODULE).exists()
            && Path::new(APACHE).exists(),
        "the web server tests need nginx with the brotli module and Apache: apt-get install nginx libnginx-mod-http-brotli-static apache2 (scripts/test does it); or set AFSPRAAK_SKIP_WEB_SERVER=1"
    );
    true
}

/// A web server, stopped when dropped.
struct Server(Child);

impl Drop for Server {
    /// A graceful stop (SIGTERM), so that the server stops its own worker
    /// processes too; a kill would leave them running.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Builds the bundled site for the sub-path, with precompressed copies, into
/// `www/wijkcontracten`; returns `www`.
fn build_bundled_site(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    fs::create_dir_all(site.join("content")).unwrap();
    copy_dir(&repo().join("content"), &site.join("content"));
    fs::copy(repo().join("published.txt"), site.join("published.txt")).unwrap();
    let toml = fs::read_to_string(repo().join("site.toml")).unwrap();
    let toml = toml.replace(
        "base_url = \"https://wijkcontracten.example.nl\"",
        "base_url = \"https://www.haarlem.nl/wijkcontracten/\"\nprecompress = true",
    );
    assert!(
        toml.contains("precompress = true"),
        "site.toml's base_url changed"
    );
    fs::write(site.join("site.toml"), toml).unwrap();
    let www = tmp.join("www");
    let out = Command::new(env!("CARGO_BIN_EXE_afspraak"))
        .args(["build", "--root"])
        .arg(&site)
        .arg("--output")
        .arg(www.join("wijkcontracten"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    www
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_for(port: u16, log: &Path) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the server did not start: {}",
            fs::read_to_string(log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts nginx on a free port with the shipped configuration, serving `www`.
fn start_nginx(tmp: &Path, www: &Path) -> (Server, u16) {
    let port = free_port();
    let snippet = fs::read_to_string(repo().join("deploy/nginx/wijkcontracten.conf"))
        .unwrap()
        .replace("root /var/www;", &format!("root {};", www.display()));
    fs::write(tmp.join("wijkcontracten.conf"), snippet).unwrap();
    let logs = tmp.join("logs");
    fs::create_dir_all(&logs).unwrap();
    let conf = format!(
        "load_module {BROTLI_MODULE};\n\
         worker_processes 1;\n\
         pid {logs}/nginx.pid;\n\
         error_log {logs}/error.log;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n\
           include /etc/nginx/mime.types;\n\
           default_type application/octet-stream;\n\
           access_log off;\n\
           client_body_temp_path {logs}/body;\n\
           proxy_temp_path {logs}/proxy;\n\
           fastcgi_temp_path {logs}/fastcgi;\n\
           uwsgi_temp_path {logs}/uwsgi;\n\
           scgi_temp_path {logs}/scgi;\n\
           server {{\n\
             listen 127.0.0.1:{port};\n\
             server_name localhost;\n\
             include {tmp}/wijkcontracten.conf;\n\
           }}\n\
         }}\n",
        logs = logs.display(),
        tmp = tmp.display(),
    );
    let conf_file = tmp.join("nginx.conf");
    fs::write(&conf_file, conf).unwrap();
    let mut command = Command::new(NGINX);
    command
        .arg("-p")
        .arg(tmp)
        .arg("-c")
        .arg(&conf_file)
        // One -g only: nginx keeps the last. As root, the workers would run
        // as `nobody`, who may not read the tempdir.
        .args([
            "-g",
            if is_root() {
                "daemon off; user root;"
            } else {
                "daemon off;"
            },
        ]);
    // Quiet, and holding no pipe of the test's open after it ends.
    command.stdout(Stdio::null()).stderr(Stdio::null());
    let server = Server(command.spawn().expect("start nginx"));
    wait_for(port, &logs.join("error.log"));
    (server, port)
}

/// Starts Apache httpd on a free port, serving `www` with the shipped
/// .htaccess copied into the site's folder.
fn start_apache(tmp: &Path, www: &Path) -> (Server, u16) {
    let port = free_port();
    fs::copy(
        repo().join("deploy/apache/.htaccess"),
        www.join("wijkcontracten/.htaccess"),
    )
    .unwrap();
    let logs = tmp.join("apache-logs");
    fs::create_dir_all(&logs).unwrap();
    let modules = "/usr/lib/apache2/modules";
    let mut conf = String::new();
    for m in [
        "mpm_event",
        "authz_core",
        "mime",
        "dir",
        "rewrite",
        "headers",
        "alias",
    ] {
        conf += &format!("LoadModule {m}_module {modules}/mod_{m}.so\n");
    }
    let user = if is_root() {
        // Apache's workers never run as root: let www-data read the site.
        let mut dir = Some(www);
        while let Some(d) = dir {
            let _ = Command::new("chmod").arg("o+rx").arg(d).status();
            dir = d.parent().filter(|p| p.starts_with(std::env::temp_dir()));
        }
        "User www-data\nGroup www-data\n"
    } else {
        ""
    };
    conf += &format!(
        "ServerRoot {logs}\n{user}Listen 127.0.0.1:{port}\nServerName localhost\n\
         PidFile {logs}/httpd.pid\nErrorLog {logs}/error.log\nLogLevel warn\n\
         TypesConfig /etc/mime.types\nDocumentRoot {www}\n\
         <Directory />\n  AllowOverride None\n  Require all denied\n</Directory>\n\
         <Directory {www}>\n  AllowOverride All\n  Require all granted\n</Directory>\n",
        logs = logs.display(),
        www = www.display(),
    );
    let conf_file = tmp.join("httpd.conf");
    fs::write(&conf_file, conf).unwrap();
    let server = Server(
        Command::new(APACHE)
            .arg("-f")
            .arg(&conf_file)
            .arg("-DFOREGROUND")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start apache2"),
    );
    wait_for(port, &logs.join("error.log"));
    (server, port)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// An HTTP/1.1 answer.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn get(port: u16, path: &str, accept_encoding: Option<&str>) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let encoding = accept_encoding
        .map(|e| format!("Accept-Encoding: {e}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\n{encoding}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete answer");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().unwrap()[9..12].parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// Every address a page links to or loads, resolved against the page.
fn links(page: &str, html: &str, pattern: &Regex) -> Vec<String> {
    pattern
        .captures_iter(html)
        .map(|c| c[1].replace("&amp;", "&"))
        .filter(|u| !u.starts_with('#') && !u.contains("://") && !u.starts_with("mailto:"))
        .map(|u| {
            let u = u.split('#').next().unwrap().to_string();
            if u.starts_with('/') {
                u
            } else {
                let dir = &page[..page.rfind('/').unwrap() + 1];
                format!("{dir}{u}")
            }
        })
        .filter(|u| !u.is_empty())
        .collect()
}

#[test]
fn the_nginx_recipe_serves_the_site_under_a_path() {
    if !servers_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let www = build_bundled_site(tmp.path());
    let (_nginx, port) = start_nginx(tmp.path(), &www);
    check_served_site(port, "nginx");
    audit_through(port);
}

#[test]
fn the_apache_recipe_serves_the_site_under_a_path() {
    if !servers_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let www = build_bundled_site(tmp.path());
    let (_apache, port) = start_apache(tmp.path(), &www);
    check_served_site(port, "Apache");
}

/// Crawls the site the server on `port` serves and checks its answers.
fn check_served_site(port: u16, server: &str) {
    // The whole site, link by link, as a crawler finds it.
    let pattern = Regex::new(r#"(?:href|src)="([^"]+)""#).unwrap();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut queue: VecDeque<(String, String)> =
        VecDeque::from([(format!("{BASE}/"), "start".to_string())]);
    let mut broken = Vec::new();
    let mut pages = 0;
    while let Some((url, from)) = queue.pop_front() {
        if !seen.insert(url.clone()) {
            continue;
        }
        assert!(
            url.starts_with(&format!("{BASE}/")),
            "{from} links to {url}, outside {BASE}/"
        );
        let a = get(port, &url, None);
        if a.status != 200 {
            broken.push(format!("{url} ({}), linked from {from}", a.status));
            continue;
        }
        let html_page = a
            .header("content-type")
            .is_some_and(|t| t.starts_with("text/html"));
        if !html_page {
            continue;
        }
        pages += 1;
        // Every page carries the security headers.
        for (name, value) in [
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "strict-origin-when-cross-origin"),
        ] {
            assert_eq!(a.header(name), Some(value), "{url}: {name}");
        }
        let csp = a.header("content-security-policy").unwrap_or_default();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("script-src 'self'"),
            "{url}: CSP {csp:?}"
        );
        let html = String::from_utf8_lossy(&a.body).into_owned();
        for link in links(&url, &html, &pattern) {
            if !seen.contains(&link) {
                queue.push_back((link, url.clone()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{server}: broken links:\n{}",
        broken.join("\n")
    );
    assert!(pages > 500, "{server}: crawled only {pages} pages");
    println!("{server}: crawled {pages} pages, {} addresses", seen.len());

    // Compressed copies for clients that take them; the same page otherwise.
    let plain = get(port, &format!("{BASE}/wijken/"), None);
    assert_eq!(plain.header("content-encoding"), None);
    let gz = get(port, &format!("{BASE}/wijken/"), Some("gzip"));
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert!(gz.body.len() < plain.body.len() / 2);
    let br = get(port, &format!("{BASE}/wijken/"), Some("br, gzip"));
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.header("content-type"), Some("text/html; charset=utf-8"));
    let css = get(port, &format!("{BASE}/static/style.css"), Some("br"));
    assert_eq!(css.header("content-encoding"), Some("br"));
    assert!(
        css.header("cache-control")
            .is_some_and(|c| c.contains("immutable")),
        "static files are cached long: {:?}",
        css.header("cache-control")
    );
    assert!(
        plain
            .header("cache-control")
            .is_some_and(|c| c.contains("max-age=300")),
        "pages are cached briefly"
    );

    // A missing page: status 404 with the site's own 404 page, in its language.
    let missing = get(port, &format!("{BASE}/bestaat-niet/"), None);
    assert_eq!(missing.status, 404);
    let body = String::from_utf8_lossy(&missing.body);
    assert!(body.contains("<html lang=\"nl\""), "{body}");
    assert!(body.contains(&format!("href=\"{BASE}/\"")), "{body}");
    let missing_en = get(port, &format!("{BASE}/en/does-not-exist/"), None);
    assert_eq!(missing_en.status, 404);
    assert!(String::from_utf8_lossy(&missing_en.body).contains("<html lang=\"en\""));
    // The folder's address without its slash goes to the site.
    let bare = get(port, BASE, None);
    assert_eq!(bare.status, 301);
    assert!(
        bare.header("location")
            .is_some_and(|l| l.ends_with("/wijkcontracten/"))
    );
}

fn audit_through(port: u16) {
    // In Chromium, through nginx: the audit finds no problem, no console
    // error (a CSP violation is one) and no failed request.
    if std::env::var_os("AFSPRAAK_SKIP_BROWSER").is_some_and(|v| v == "1") {
        println!("AFSPRAAK_SKIP_BROWSER=1: skipping the audit through nginx");
        return;
    }
    let paths = [
        "/",
        "/wijken/meerwijk/2025/",
        "/wijken/meerwijk/2026/1/",
        "/zoeken/",
        "/cijfers/",
        "/en/wijken/",
    ];
    let out = Command::new("node")
        .current_dir(repo())
        .arg("tests/browser/audit.mjs")
        .arg(format!("http://127.0.0.1:{port}{BASE}/"))
        .args(paths)
        .output()
        .expect("run node");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{text}");
    assert!(out.status.success(), "the audit through nginx:\n{text}");
}

#[test]
fn the_recipes_are_shipped() {
    // Each host's configuration names the same security headers.
    let recipes: Vec<PathBuf> = [
        "deploy/nginx/wijkcontracten.conf",
        "deploy/apache/.htaccess",
        "deploy/iis/web.config",
        "deploy/netlify/_headers",
    ]
    .iter()
    .map(|p| repo().join(p))
    .collect();
    for r in &recipes {
        let text = fs::read_to_string(r).unwrap_or_else(|e| panic!("{}: {e}", r.display()));
        for needle in [
            "Content-Security-Policy",
            "default-src 'self'",
            "frame-ancestors 'none'",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "404.html",
        ] {
            assert!(text.contains(needle), "{} has no {needle}", r.display());
        }
    }
}
