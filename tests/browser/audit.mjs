#!/usr/bin/env node
// Real-browser audit of the built site, in Debian's headless Chromium driven by
// playwright-core (no browser download), with axe-core; both pinned in
// package-lock.json.
//
// Usage: node tests/browser/audit.mjs BASE_URL [--print PATH]... PATH...
//   e.g. node tests/browser/audit.mjs http://127.0.0.1:8080 --print /wijken/x/2025/ / /en/
//
// Passes, each in its own browser context:
//  light   (JS on, 1280×900, light scheme): HTTP status; lang, one non-empty
//          <title>, exactly one <h1>; axe-core with wcag2a/2aa/21a/21aa/22aa (any
//          violation fails) and best-practice (serious or critical fails);
//          budgets: at most 100 KB and 6 requests per page load, no web font;
//          no request to another host, no console or script error, no failed
//          request; keyboard: the first Tab lands on a visible skip link whose
//          target exists, Enter moves past the navigation, and every focus stop
//          after it shows a focus indicator with 3:1 contrast against what is
//          behind it; colour is not the only carrier: every state colour
//          (badge-*, outcome-*, seg-*) comes with text, and links in the content
//          and footer are underlined; maps: every shape is a named link
//          that says its figure, with a legend in words, and a highlighted
//          shape (a neighbourhood's own page) is hatched, outlined at least
//          3 px and named in the caption.
//  dark    (prefers-color-scheme: dark): the dark palette is in effect, axe
//          again (so contrast holds in dark mode), the keyboard walk again,
//          the maps again.
//  nojs    (JavaScript disabled): every text block and link visible in <main>
//          with JavaScript is there without it (the search form and live status
//          region, which are JavaScript by nature, excepted).
//  narrow  (320×640 CSS px): no horizontal scrolling; nothing sticks out of the
//          viewport unless it sits in a scroll container around a data table.
//  print   (print media, light and dark scheme, --print paths): skip link,
//          header, navigation and footer hidden; every link in <main> shows its
//          target after it; dark text on white at least 4.5:1, at least 12 px.
// Prints every problem and a closing `audit: …` line with the figures; exits 1
// on any problem, 2 on a usage or setup error. Run by `cargo test --test
// browser` (tests/browser.rs), which builds and serves the bundled site.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const KB = 1024;
const PAGE_BYTES = 100 * KB;
const PAGE_REQUESTS = 6;
const MAX_TABS = 30;

function usage(message) {
  console.error(`audit.mjs: ${message}`);
  console.error('usage: node tests/browser/audit.mjs BASE_URL [--print PATH]... PATH...');
  process.exit(2);
}

const args = process.argv.slice(2);
const baseArg = args.shift();
const paths = [];
const printPaths = [];
while (args.length) {
  const a = args.shift();
  if (a === '--print') printPaths.push(args.shift());
  else paths.push(a);
}
if (!baseArg || paths.length === 0) usage('need a base URL and at least one path');
let base;
try {
  base = new URL(baseArg);
} catch {
  usage(`not a URL: ${baseArg}`);
}

let chromium;
let axeSource;
try {
  ({ chromium } = require('playwright-core'));
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (err) {
  console.error(`audit.mjs: cannot load playwright-core/axe-core (${err.message}); run \`npm ci\` first`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const figures = { violations: 0, bestPractice: 0, heaviest: { path: '', bytes: 0, requests: 0 }, mostRequests: { path: '', requests: 0 }, tabs: 0 };
let failures = 0;
const fail = (where, message) => {
  failures += 1;
  console.log(`FAIL ${where}: ${message}`);
};

/// A context with foreign-request blocking and error collection; `visit` loads a path.
async function session(name, options) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const state = { foreign: [], errors: [], requests: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === base.host || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    state.foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (err) => state.errors.push(`script error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') state.errors.push(`console error: ${msg.text()}`);
  });
  page.on('request', (req) => state.requests.push(req));
  page.on('requestfailed', (req) => {
    // A fetch still running when the audit moves on to the next page is
    // cancelled by that navigation (net::ERR_ABORTED): not a failure of the site.
    const aborted = (req.failure()?.errorText || '').includes('ERR_ABORTED');
    if (new URL(req.url()).host === base.host && !aborted) state.errors.push(`request failed: ${req.url()}`);
  });
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.host === base.host && res.status() >= 400 && res.request().resourceType() !== 'document') {
      state.errors.push(`subresource ${url.pathname} answered ${res.status()}`);
    }
  });
  async function visit(path) {
    const where = `${path} [${name}]`;
    state.foreign.length = 0;
    state.errors.length = 0;
    state.requests.length = 0;
    // A site under a path (http://host/wijkcontracten/): pages are given site-relative.
    const url = new URL(base.pathname.replace(/\/$/, '') + path, base).href;
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    } catch (err) {
      fail(where, `could not load ${url}: ${err.message.split('\n')[0]}`);
      return null;
    }
    const status = response ? response.status() : 0;
    const expect404 = /(^|\/)404\.html$/.test(path);
    if (!(status >= 200 && status < 300) && !(expect404 && status === 404)) fail(where, `HTTP status ${status} for ${url}`);
    return where;
  }
  function report(where) {
    for (const href of new Set(state.foreign)) fail(where, `request to a foreign host: ${href}`);
    for (const message of state.errors) fail(where, message);
  }
  return { context, page, state, visit, report };
}

// ---- in-page helpers (serialised into the page) -----------------------------

const PAGE_HELPERS = `
window.__audit = {
  rgba(s) {
    const m = String(s).match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  },
  lum(c) {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  },
  contrast(a, b) {
    const la = this.lum(a), lb = this.lum(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  },
  // The opaque colour behind an element (its nearest ancestor's background).
  behind(el) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const c = this.rgba(getComputedStyle(p).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  },
  describe(el) {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + id + cls + ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  },
};`;

async function helpers(page) {
  await page.evaluate(PAGE_HELPERS);
}

// ---- checks -----------------------------------------------------------------

async function basics(page, where) {
  const b = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    titles: document.querySelectorAll('head > title').length,
    h1: Array.from(document.querySelectorAll('h1')).map((h) => h.textContent.trim()),
  }));
  if (!b.lang || !b.lang.trim()) fail(where, '<html> has no lang attribute');
  if (b.titles !== 1 || !b.title.trim()) fail(where, `expected one non-empty <title>, found ${b.titles} ("${b.title}")`);
  if (b.h1.length !== 1) fail(where, `expected exactly one <h1>, found ${b.h1.length}: ${JSON.stringify(b.h1)}`);
}

async function axe(page, where) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
    [...TAGS, 'best-practice'],
  );
  let count = 0;
  for (const v of result.violations) {
    const wcag = v.tags.some((t) => TAGS.includes(t));
    const serious = v.impact === 'serious' || v.impact === 'critical';
    if (!wcag && !serious) {
      console.log(`note ${where}: best-practice ${v.id} (${v.impact}) ${v.help}`);
      continue;
    }
    count += 1;
    if (wcag) figures.violations += 1;
    else figures.bestPractice += 1;
    failures += 1;
    console.log(`VIOLATION ${where}: ${v.id} (${v.impact}${wcag ? '' : ', best-practice'}) ${v.help}`);
    console.log(`    ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 5)) {
      const summary = (node.failureSummary || '').replace(/\s+/g, ' ').trim();
      console.log(`    - ${node.target.join(' ')}`);
      console.log(`      ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      if (summary) console.log(`      ${summary}`);
    }
  }
  return count;
}

async function budgets(s, path, where) {
  const requests = s.state.requests.slice();
  let bytes = 0;
  for (const req of requests) {
    if (req.resourceType() === 'font') fail(where, `loads a web font: ${req.url()}`);
    const res = await req.response();
    if (!res) continue;
    const length = Number(res.headers()['content-length']);
    bytes += Number.isFinite(length) ? length : (await res.body().catch(() => Buffer.alloc(0))).length;
  }
  const fonts = await s.page.evaluate(() => document.fonts.size);
  if (fonts > 0) fail(where, `${fonts} web font(s) declared (document.fonts)`);
  if (bytes > PAGE_BYTES) fail(where, `page load is ${(bytes / KB).toFixed(1)} KB (budget ${PAGE_BYTES / KB} KB)`);
  if (requests.length > PAGE_REQUESTS) {
    fail(where, `page load takes ${requests.length} requests (budget ${PAGE_REQUESTS}): ${requests.map((r) => r.url()).join(', ')}`);
  }
  if (bytes > figures.heaviest.bytes) figures.heaviest = { path, bytes, requests: requests.length };
  if (requests.length > figures.mostRequests.requests) figures.mostRequests = { path, requests: requests.length };
}

async function keyboard(page, where) {
  const focus = () =>
    page.evaluate(() => {
      const A = window.__audit;
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const behind = A.behind(el);
      const outline = A.rgba(cs.outlineColor);
      const bg = A.rgba(cs.backgroundColor);
      const ring =
        cs.outlineStyle !== 'none' && cs.outlineStyle !== 'auto' && parseFloat(cs.outlineWidth) >= 2 && outline
          ? A.contrast(outline, behind)
          : 0;
      const fill = bg && bg.a > 0.5 ? A.contrast(bg, behind) : 0;
      return {
        what: A.describe(el),
        href: el.getAttribute('href'),
        inViewport: r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
        ring,
        fill,
        shadow: cs.boxShadow !== 'none',

      };
    });
  const check = (f, n) => {
    if (!f.inViewport) fail(where, `focus stop ${n} (${f.what}) is not visible in the viewport`);
    if (Math.max(f.ring, f.fill) < 3 && !f.shadow) {
      fail(where, `focus stop ${n} (${f.what}) has no focus indicator with 3:1 contrast (outline ${f.ring.toFixed(2)}:1, background ${f.fill.toFixed(2)}:1)`);
    }
  };
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('Tab');
  const first = await focus();
  if (!first) return fail(where, 'Tab focuses nothing');
  figures.tabs += 1;
  check(first, 1);
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const href = el.getAttribute('href') || '';
    const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
    const first = document.querySelector('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
    return { isLink: el.tagName === 'A' && href.startsWith('#'), target: !!target, targetIsMain: !!target && (target.tagName === 'MAIN' || !!target.closest('main')), firstInDom: first === el };
  });
  if (!skip.isLink || !skip.target || !skip.firstInDom) {
    return fail(where, `the first Tab stop is not a skip link to an element on the page: ${first.what} (href ${first.href})`);
  }
  if (!skip.targetIsMain) fail(where, `the skip link's target ${first.href} is not the main content`);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(50);
  await page.keyboard.press('Tab');
  const after = await page.evaluate((href) => {
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    const el = document.activeElement;
    return !!el && !!target && (target.contains(el) || !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
  }, first.href);
  if (!after) fail(where, 'after following the skip link, Tab does not go on inside or after the main content');
  // Walk on through the page.
  for (let n = 2; n <= MAX_TABS; n++) {
    const f = await focus();
    if (!f) break;
    figures.tabs += 1;
    check(f, n);
    await page.keyboard.press('Tab');
  }
}

async function colourNotAlone(page, where) {
  const problems = await page.evaluate(() => {
    const out = [];
    const A = window.__audit;
    const text = (el) => (el.innerText || '').trim();
    for (const el of document.body.querySelectorAll('[class]')) {
      if (typeof el.className !== 'string' && !(el instanceof SVGElement)) continue;
      for (const c of el.classList) {
        const m = c.match(/^(outcome|badge|seg)-([a-z-]+)$/);
        if (!m || ['group', 'outcome'].includes(m[2])) continue;
        const [, kind, key] = m;
        if (kind === 'badge' && !text(el)) out.push(`state colour ${c} without text: ${A.describe(el)}`);
        if (kind === 'outcome') {
          const badge = el.querySelector(`.badge-${key}`);
          if (!badge || !text(badge)) out.push(`${c} is shown by colour only (no .badge-${key} with text inside): ${A.describe(el)}`);
        }
        if (kind === 'seg') {
          const svg = el.closest('svg');
          if (svg) {
            const title = svg.querySelector('title');
            const table = svg.closest('.totals') && svg.closest('.totals').querySelector('table tbody tr');
            if (svg.getAttribute('role') !== 'img' || !title || !/\d/.test(title.textContent) || !table) {
              out.push(`colour bar without a text alternative and a table of the numbers: ${A.describe(svg)}`);
            }
          } else if (!text(el.parentElement)) out.push(`colour swatch without a label: ${A.describe(el)}`);
        }
      }
    }
    for (const a of document.querySelectorAll('main a[href], footer a[href]')) {
      if (!a.checkVisibility()) continue;
      const cs = getComputedStyle(a);
      const underlined = cs.textDecorationLine.includes('underline') || parseFloat(cs.borderBottomWidth) > 0;
      if (!underlined) out.push(`link told apart by colour only (not underlined): ${A.describe(a)}`);
    }
    return out;
  });
  for (const p of problems.slice(0, 10)) fail(where, p);
}

// The maps (/kaart/, small on the home page and each neighbourhood's page):
// every shape a link named with its figure, a legend in words, and on a
// neighbourhood's page its shape told apart without colour.
async function maps(page, where) {
  const problems = await page.evaluate(() => {
    const out = [];
    const A = window.__audit;
    for (const figure of document.querySelectorAll('main figure.map')) {
      const svg = figure.querySelector('svg');
      const caption = figure.querySelector('figcaption');
      if (!svg || !caption || !caption.textContent.trim()) { out.push(`map without a caption: ${A.describe(figure)}`); continue; }
      const areas = svg.querySelectorAll('path.area');
      if (areas.length === 0) out.push(`map without shapes: ${A.describe(svg)}`);
      for (const area of areas) {
        const a = area.closest('a');
        const name = a && (a.getAttribute('aria-label') || '').trim();
        const shown = a && a.querySelector('text') && a.querySelector('text').textContent.trim();
        if (!a || !a.getAttribute('href')) out.push(`map shape that is not a link: ${A.describe(area)}`);
        else if (!name || !shown || !name.includes(shown)) out.push(`map link without a name that says the number on it (${shown}): ${A.describe(a)}`);
      }
      const legend = figure.parentElement.querySelectorAll('.map-legend li');
      if (legend.length < 6 || [...legend].some((li) => !li.textContent.trim())) out.push(`map without a legend in words: ${A.describe(figure)}`);
      const current = svg.querySelectorAll('a[aria-current="page"]');
      if (current.length > 1) out.push(`map highlights ${current.length} shapes`);
      for (const a of current) {
        const own = a.querySelector('.area-current');
        const cs = own && getComputedStyle(own);
        if (!cs || !cs.fill.includes('url(') || parseFloat(cs.strokeWidth) < 3) {
          out.push(`the highlighted shape is not hatched and outlined (fill ${cs && cs.fill}, stroke ${cs && cs.strokeWidth}): ${A.describe(a)}`);
        }
        const stroke = cs && A.rgba(cs.stroke);
        const bg = A.rgba(getComputedStyle(document.body).backgroundColor);
        if (stroke && bg && A.contrast(stroke, bg) < 3) out.push(`the highlighted shape's outline has ${A.contrast(stroke, bg).toFixed(2)}:1 against the page`);
        const name = a.getAttribute('aria-label').split(':')[0];
        if (!caption.textContent.includes(name)) out.push(`the caption does not name the highlighted ${name}`);
      }
    }
    return out;
  });
  for (const p of problems.slice(0, 10)) fail(where, p);
}

/// Visible text blocks and links in <main>, for comparing with JavaScript off.
async function mainContent(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return { blocks: [], links: [], text: '' };
    const skip = (el) => el.closest('[role=search], [aria-live], [role=status]');
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const blocks = Array.from(main.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,caption,summary,figcaption,blockquote,pre'))
      .filter((el) => el.checkVisibility() && !skip(el))
      .map((el) => norm(el.innerText))
      .filter(Boolean);
    const links = Array.from(main.querySelectorAll('a[href]'))
      .filter((el) => el.checkVisibility() && !skip(el))
      .map((a) => a.getAttribute('href'));
    return { blocks, links, text: norm(main.innerText) };
  });
}

async function reflow(page, where) {
  const r = await page.evaluate(() => {
    const A = window.__audit;
    const vw = document.documentElement.clientWidth;
    const out = { vw, scrollWidth: document.documentElement.scrollWidth, masked: [], culprits: [] };
    for (const el of [document.documentElement, document.body]) {
      const o = getComputedStyle(el).overflowX;
      if (o === 'hidden' || o === 'clip') out.masked.push(`${el.tagName.toLowerCase()} has overflow-x: ${o}`);
    }
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= vw + 1 || !el.checkVisibility()) continue;
      let scroller = null;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') {
          scroller = p;
          break;
        }
      }
      if (scroller && scroller.getBoundingClientRect().right <= vw + 1) {
        if (getComputedStyle(scroller).overflowX === 'auto' || getComputedStyle(scroller).overflowX === 'scroll') {
          if (scroller.querySelector('table')) continue; // a data table scrolling in its own box
          out.culprits.push(`${A.describe(el)} scrolls sideways in ${A.describe(scroller)}, which holds no data table`);
        } else {
          out.culprits.push(`${A.describe(el)} is cut off at the right by ${A.describe(scroller)}`);
        }
        continue;
      }
      // Report the outermost offender only.
      if (!el.parentElement || el.parentElement.getBoundingClientRect().right <= vw + 1) {
        out.culprits.push(`${A.describe(el)} reaches ${Math.round(rect.right)} px`);
      }
    }
    // Text can stick out of a box that fits (a long word in a heading, say).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let texts = 0;
    for (let n = walker.nextNode(); n && texts < 5; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= vw + 1) continue;
      let scroller = null;
      for (let p = el; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') {
          scroller = p;
          break;
        }
      }
      if (scroller && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX) && scroller.querySelector('table')) continue;
      texts += 1;
      out.culprits.push(`text "${n.textContent.trim().slice(0, 40)}" in ${A.describe(el)} reaches ${Math.round(rect.right)} px`);
    }
    return out;
  });
  if (r.scrollWidth > r.vw + 1) fail(where, `scrolls sideways at ${r.vw} px: content is ${r.scrollWidth} px wide`);
  for (const m of r.masked) fail(where, `${m} (hides content instead of reflowing)`);
  for (const c of r.culprits.slice(0, 5)) fail(where, `at ${r.vw} px: ${c}`);
}

async function print(page, where) {
  await page.emulateMedia({ media: 'print' });
  const r = await page.evaluate(() => {
    const A = window.__audit;
    const out = [];
    const shown = (el) => el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true });
    const chrome = document.querySelectorAll('.skip-link, body > header, nav, body > footer, [role=navigation], [role=banner], [role=contentinfo]');
    if (chrome.length === 0) out.push('found no skip link, header, navigation or footer to hide');
    for (const el of chrome) if (shown(el)) out.push(`${A.describe(el)} is printed (should be hidden)`);
    const main = document.querySelector('main');
    if (!main || !shown(main)) out.push('<main> is not printed');
    let linksShown = 0;
    for (const a of main ? main.querySelectorAll('a[href]') : []) {
      const href = a.getAttribute('href');
      if (!shown(a) || href.startsWith('#')) continue;
      const after = getComputedStyle(a, '::after');
      if (after.display === 'none' || !(after.content.includes('attr(href)') || after.content.includes(href))) {
        out.push(`link target not printed after ${A.describe(a)} (::after content ${after.content})`);
      } else linksShown += 1;
    }
    if (linksShown === 0) out.push('no link in <main> prints its target');
    const body = getComputedStyle(document.body);
    const paper = A.rgba(body.backgroundColor);
    if (paper && paper.a > 0 && A.lum(paper) < 0.9) out.push(`printed background is not white: ${body.backgroundColor}`);
    const walker = document.createTreeWalker(main || document.body, NodeFilter.SHOW_TEXT);
    let small = 0;
    let faint = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !shown(el)) continue;
      const cs = getComputedStyle(el);
      const size = parseFloat(cs.fontSize);
      if (size < 12 && small++ < 3) out.push(`printed text under 12 px (${size} px): ${A.describe(el)}`);
      const fg = A.rgba(cs.color);
      let bg = A.rgba(cs.backgroundColor);
      if (!bg || bg.a < 0.5) bg = A.behind(el);
      if (fg && A.contrast(fg, bg) < 4.5 && faint++ < 3) {
        out.push(`printed text contrast ${A.contrast(fg, bg).toFixed(2)}:1 (${cs.color} on ${cs.backgroundColor}): ${A.describe(el)}`);
      }
    }
    return out;
  });
  await page.emulateMedia({ media: 'screen' });
  for (const p of r.slice(0, 12)) fail(where, p);
}

// ---- passes -----------------------------------------------------------------

const withJs = new Map(); // path → main content with JavaScript

async function passScreen(name, colorScheme) {
  const s = await session(name, { colorScheme });
  for (const path of paths) {
    const where = await s.visit(path);
    if (!where) continue;
    await helpers(s.page);
    if (name === 'light') {
      await basics(s.page, where);
      await budgets(s, path, where);
      withJs.set(path, await mainContent(s.page));
      await colourNotAlone(s.page, where);
      await maps(s.page, where);
    } else {
      await maps(s.page, where);
      const dark = await s.page.evaluate(() => {
        const A = window.__audit;
        const bg = A.rgba(getComputedStyle(document.body).backgroundColor);
        const fg = A.rgba(getComputedStyle(document.body).color);
        return { bg: bg ? A.lum(bg) : 1, fg: fg ? A.lum(fg) : 0 };
      });
      if (!(dark.bg < 0.1 && dark.fg > 0.5)) fail(where, `dark mode is not in effect (background luminance ${dark.bg.toFixed(2)}, text ${dark.fg.toFixed(2)})`);
    }
    const v = await axe(s.page, where);
    await keyboard(s.page, where);
    s.report(where);
    console.log(`done ${where}: ${v} violations`);
  }
  await s.context.close();
}

async function passNoJs() {
  const s = await session('nojs', { javaScriptEnabled: false });
  for (const path of paths) {
    const where = await s.visit(path);
    if (!where) continue;
    const js = withJs.get(path);
    const nojs = await mainContent(s.page);
    if (!nojs.text) fail(where, 'without JavaScript, <main> is empty');
    if (!js) continue;
    const missing = js.blocks.filter((b) => !nojs.text.includes(b));
    for (const m of missing.slice(0, 5)) fail(where, `without JavaScript this text is missing from <main>: "${m.slice(0, 80)}"`);
    const links = new Set(nojs.links);
    for (const l of js.links.filter((h) => !links.has(h)).slice(0, 5)) fail(where, `without JavaScript this link is missing from <main>: ${l}`);
    s.report(where);
  }
  await s.context.close();
}

async function passNarrow() {
  const s = await session('320px', { viewport: { width: 320, height: 640 } });
  for (const path of paths) {
    const where = await s.visit(path);
    if (!where) continue;
    await helpers(s.page);
    await reflow(s.page, where);
    s.report(where);
  }
  await s.context.close();
}

async function passPrint(colorScheme) {
  const s = await session(`print ${colorScheme}`, { colorScheme });
  for (const path of printPaths) {
    const where = await s.visit(path);
    if (!where) continue;
    await helpers(s.page);
    await print(s.page, where);
    s.report(where);
  }
  await s.context.close();
}

const started = Date.now();
try {
  await Promise.all([passScreen('light', 'light'), passScreen('dark', 'dark'), passNarrow(), passPrint('light'), passPrint('dark')]);
  await passNoJs();
} finally {
  await browser.close();
}

const h = figures.heaviest;
const m = figures.mostRequests;
console.log(
  `audit: ${paths.length} pages; ${figures.violations} WCAG violations, ${figures.bestPractice} serious best-practice findings; ` +
    `heaviest page load ${h.path} ${(h.bytes / KB).toFixed(1)} KB in ${h.requests} requests; most requests ${m.requests} (${m.path}); ` +
    `${figures.tabs} focus stops checked; ${printPaths.length} pages printed; ${((Date.now() - started) / 1000).toFixed(1)} s` +
    (failures ? `; ${failures} failures` : ''),
);
process.exit(failures > 0 ? 1 : 0);
