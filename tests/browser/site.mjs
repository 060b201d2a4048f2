#!/usr/bin/env node
// Static audit of a built site directory: links, fragments and budgets.
//
// Usage: node tests/browser/site.mjs PUBLIC_DIR
//
// Over every HTML file in PUBLIC_DIR:
//  - every internal link (a/area/link href, img/script/source/iframe src, form
//    action, and absolute links to the site's own origin, taken from the home
//    page's <link rel="canonical">) resolves to a file, and every #fragment to
//    an id (or <a name>) in the target page; every <loc> in sitemap.xml too;
//  - budgets: the page plus the stylesheets, scripts, images and icons it
//    references weigh at most 100 KB and take at most 6 requests; a question
//    page's HTML is at most 14 KB gzipped; all CSS together at most 20 KB and all
//    JavaScript together at most 10 KB gzipped;
//  - no web fonts: no @font-face or font files, no font preloads.
// Prints every problem and a closing `site: …` line with the measured figures;
// exits 1 on any problem, 2 on a usage error.

import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import process from 'node:process';

const KB = 1024;
const PAGE_BYTES = 100 * KB;
const PAGE_REQUESTS = 6;
const QUESTION_HTML_GZ = 14 * KB;
const CSS_GZ = 20 * KB;
const JS_GZ = 10 * KB;

const [dir] = process.argv.slice(2);
if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error('usage: node tests/browser/site.mjs PUBLIC_DIR');
  process.exit(2);
}

let failures = 0;
const fail = (where, message) => {
  failures += 1;
  console.log(`FAIL ${where}: ${message}`);
};

function walk(d, out = []) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
const files = walk(dir);
const urlOf = (file) => '/' + relative(dir, file).split(sep).join('/');
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function decode(s) {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/// Maps a URL path to a file in the site, as a static web server would.
function resolveFile(pathname) {
  let p;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (p.split('/').includes('..')) return null;
  let file = join(dir, ...p.split('/').filter(Boolean));
  if (p.endsWith('/') || (existsSync(file) && statSync(file).isDirectory())) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

// Elements are matched with a regex over the generated markup: the templates
// escape text, so `<a ` only ever starts a tag.
const TAG = /<(a|area|link|img|script|source|iframe|form|video|audio)\b([^>]*)>/gi;
const ATTR = /([a-z-:]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
function attrs(text) {
  const out = {};
  for (const m of text.matchAll(ATTR)) out[m[1].toLowerCase()] = decode(m[3] ?? m[4] ?? m[5] ?? '');
  return out;
}

const htmlFiles = files.filter((f) => f.endsWith('.html'));
const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const html = readFileSync(file, 'utf8');
    const ids = new Set();
    for (const m of html.matchAll(/\s(?:id|name)\s*=\s*"([^"]*)"/gi)) ids.add(decode(m[1]));
    idCache.set(file, ids);
  }
  return idCache.get(file);
}

// The site's own origin: absolute links to it are internal.
let origin = null;
const home = join(dir, 'index.html');
if (existsSync(home)) {
  const m = readFileSync(home, 'utf8').match(/<link\b[^>]*rel="canonical"[^>]*>/i);
  if (m) origin = new URL(attrs(m[0]).href).origin;
}
if (!origin) fail('/index.html', 'no <link rel="canonical"> on the home page to learn the site origin from');

let links = 0;
let fragments = 0;
function checkLink(where, pageUrl, raw, htmlFile) {
  if (raw === '' || /^(mailto|tel|data|javascript):/i.test(raw)) {
    if (/^javascript:/i.test(raw)) fail(where, `javascript: link ${raw}`);
    return;
  }
  const pageAbs = new URL(pageUrl, origin || 'http://site.invalid');
  let target;
  try {
    target = new URL(raw, pageAbs);
  } catch {
    fail(where, `unparseable link ${JSON.stringify(raw)}`);
    return;
  }
  if (target.origin !== pageAbs.origin) return; // another site: not ours to check
  links += 1;
  const file = target.pathname === pageAbs.pathname && raw.startsWith('#') ? htmlFile : resolveFile(target.pathname);
  if (!file) {
    fail(where, `broken link ${raw} (no ${target.pathname} in the built site)`);
    return;
  }
  if (target.hash && target.hash !== '#') {
    fragments += 1;
    const id = decodeURIComponent(target.hash.slice(1));
    if (!file.endsWith('.html')) fail(where, `fragment ${raw} points into a non-HTML file`);
    else if (!idsOf(file).has(id) && id !== 'top') fail(where, `broken fragment ${raw}: no id="${id}" in ${urlOf(file)}`);
  }
}

// Per-page weight and request count, as a first visit would load them.
let heaviest = { url: '', bytes: 0, requests: 0 };
let mostRequests = { url: '', requests: 0 };
let heaviestQuestion = { url: '', gz: 0 };
let questionPages = 0;
const QUESTION = /^\/(?:[a-z]{2}\/)?wijken\/[^/]+\/\d{4}\/\d+\/index\.html$/;

for (const file of htmlFiles) {
  const url = urlOf(file);
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const subresources = new Set();
  for (const m of text.matchAll(TAG)) {
    const tag = m[1].toLowerCase();
    const a = attrs(m[2]);
    for (const key of ['href', 'src', 'action']) {
      if (a[key] === undefined) continue;
      if (tag === 'form' && key === 'action' && a[key] === '') continue;
      checkLink(url, url, a[key], file);
    }
    if (a.srcset) for (const part of a.srcset.split(',')) checkLink(url, url, part.trim().split(/\s+/)[0], file);
    // What the browser fetches on load.
    const rel = (a.rel || '').toLowerCase().split(/\s+/);
    let fetched = null;
    if (tag === 'link' && (rel.includes('stylesheet') || rel.includes('icon') || rel.includes('preload') || rel.includes('modulepreload'))) fetched = a.href;
    if (['img', 'script', 'iframe', 'video', 'audio'].includes(tag) && a.src) fetched = a.src;
    if (tag === 'link' && rel.includes('preload') && (a.as || '').toLowerCase() === 'font') fail(url, `font preload ${a.href}`);
    if (fetched && !/^data:/i.test(fetched)) {
      const t = new URL(fetched, new URL(url, origin || 'http://site.invalid'));
      if (t.origin !== (origin || 'http://site.invalid')) fail(url, `loads ${fetched} from another site`);
      else subresources.add(t.pathname);
    }
  }
  let bytes = html.length;
  for (const p of subresources) {
    const f = resolveFile(p);
    if (f) bytes += statSync(f).size;
  }
  const requests = 1 + subresources.size;
  if (bytes > PAGE_BYTES) fail(url, `page weighs ${(bytes / KB).toFixed(1)} KB with its subresources (budget ${PAGE_BYTES / KB} KB)`);
  if (requests > PAGE_REQUESTS) fail(url, `page takes ${requests} requests (budget ${PAGE_REQUESTS})`);
  if (bytes > heaviest.bytes) heaviest = { url, bytes, requests };
  if (requests > mostRequests.requests) mostRequests = { url, requests };
  if (QUESTION.test(url)) {
    questionPages += 1;
    const size = gz(html);
    if (size > QUESTION_HTML_GZ) fail(url, `question page HTML is ${size} bytes gzipped (budget ${QUESTION_HTML_GZ})`);
    if (size > heaviestQuestion.gz) heaviestQuestion = { url, gz: size };
  }
}
if (questionPages === 0) fail(dir, 'found no question pages (/wijken/SLUG/YEAR/N/) to check the HTML budget on');

const sitemap = join(dir, 'sitemap.xml');
if (existsSync(sitemap)) {
  for (const m of readFileSync(sitemap, 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)) checkLink('/sitemap.xml', '/', decode(m[1]), sitemap);
}

// Stylesheets and scripts, gzipped, all together; and no web fonts.
let cssGz = 0;
let jsGz = 0;
for (const file of files) {
  const ext = extname(file).toLowerCase();
  if (ext === '.css') {
    const css = readFileSync(file);
    cssGz += gz(css);
    if (/@font-face/i.test(css.toString('utf8'))) fail(urlOf(file), 'declares a web font (@font-face)');
    if (/@import\s+url\(\s*["']?https?:/i.test(css.toString('utf8'))) fail(urlOf(file), 'imports CSS from another site');
  } else if (ext === '.js' || ext === '.mjs') {
    jsGz += gz(readFileSync(file));
  } else if (['.woff', '.woff2', '.ttf', '.otf', '.eot'].includes(ext)) {
    fail(urlOf(file), 'a web font file in the built site');
  }
}
for (const file of htmlFiles) {
  if (/@font-face/i.test(readFileSync(file, 'utf8'))) fail(urlOf(file), 'declares a web font (@font-face) inline');
}
if (cssGz > CSS_GZ) fail(dir, `CSS is ${cssGz} bytes gzipped (budget ${CSS_GZ})`);
if (jsGz > JS_GZ) fail(dir, `JavaScript is ${jsGz} bytes gzipped (budget ${JS_GZ})`);

console.log(
  `site: ${htmlFiles.length} pages, ${links} internal links and ${fragments} fragments checked; ` +
    `heaviest page ${heaviest.url} ${(heaviest.bytes / KB).toFixed(1)} KB in ${heaviest.requests} requests; ` +
    `most requests ${mostRequests.requests} (${mostRequests.url}); ` +
    `largest question page HTML ${heaviestQuestion.gz} bytes gzipped (${heaviestQuestion.url}, ${questionPages} question pages); ` +
    `CSS ${cssGz} bytes gzipped, JavaScript ${jsGz} bytes gzipped` +
    (failures ? `; ${failures} failures` : ''),
);
process.exit(failures > 0 ? 1 : 0);
