#!/usr/bin/env node
// Real-browser accessibility check for the built site.
//
// Usage: node tests/browser/axe.mjs BASE_URL PATH...
//   e.g. node tests/browser/axe.mjs http://127.0.0.1:8080 / /en/ /404.html
//
// Opens each path in Debian's headless Chromium (through playwright-core, no
// browser download) and, for each mode (light and dark colour scheme, with
// JavaScript enabled), injects axe-core and
// runs the WCAG 2.x A/AA rules. Also checks that every page has a `lang`, a
// non-empty <title> and exactly one <h1>, answers with a 2xx status (404 for
// paths named 404.html is fine too), and makes no request to a host other than
// the local server. Prints every problem and a closing `axe: N pages, M
// violations` line; exits 1 on any problem, 2 on a usage or setup error.
//
// Run by `cargo test --test browser` (tests/browser.rs), which builds and serves
// the bundled site. Needs `npm ci` and `apt-get install chromium`.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MODES = [
  { name: 'light', colorScheme: 'light', javaScriptEnabled: true },
  { name: 'dark', colorScheme: 'dark', javaScriptEnabled: true },
];
// (No JavaScript-disabled mode: axe needs JS to run, and page.evaluate hangs in
// Chromium when the context has javaScriptEnabled: false. The site ships no JS.)

function usage(message) {
  console.error(`axe.mjs: ${message}`);
  console.error('usage: node tests/browser/axe.mjs BASE_URL PATH...');
  process.exit(2);
}

const [baseArg, ...paths] = process.argv.slice(2);
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
  console.error(`axe.mjs: cannot load playwright-core/axe-core (${err.message}); run \`npm ci\` first`);
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

let violations = 0; // axe violations (one per rule per page per mode)
let failures = 0; // every other failed check
const fail = (where, message) => {
  failures += 1;
  console.log(`FAIL ${where}: ${message}`);
};

try {
  for (const mode of MODES) {
    const context = await browser.newContext({
      colorScheme: mode.colorScheme,
      javaScriptEnabled: mode.javaScriptEnabled,
      viewport: { width: 1280, height: 900 },
    });
    // Every request must stay on the local server; anything else is aborted and reported.
    const foreign = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === base.host || url.protocol === 'data:' || url.protocol === 'blob:') {
        return route.continue();
      }
      foreign.push(url.href);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const consoleErrors = [];
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    page.on('requestfailed', (req) => {
      if (new URL(req.url()).host === base.host) consoleErrors.push(`request failed: ${req.url()}`);
    });
    page.on('response', (res) => {
      const url = new URL(res.url());
      if (url.host === base.host && res.status() >= 400 && res.request().resourceType() !== 'document') {
        consoleErrors.push(`subresource ${url.pathname} answered ${res.status()}`);
      }
    });

    for (const path of paths) {
      const where = `${path} [${mode.name}]`;
      foreign.length = 0;
      consoleErrors.length = 0;
      const url = new URL(path, base).href;
      let response;
      try {
        response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      } catch (err) {
        fail(where, `could not load ${url}: ${err.message.split("\n")[0]}`);
        continue;
      }
      const status = response ? response.status() : 0;
      const expect404 = /(^|\/)404\.html$/.test(path);
      if (!(status >= 200 && status < 300) && !(expect404 && status === 404)) {
        fail(where, `HTTP status ${status} for ${url}`);
      }

      const basics = await page.evaluate(() => ({
        lang: document.documentElement.getAttribute('lang'),
        title: document.title,
        titles: document.querySelectorAll('head > title').length,
        h1: Array.from(document.querySelectorAll('h1')).map((h) => h.textContent.trim()),
      }));
      if (!basics.lang || !basics.lang.trim()) fail(where, '<html> has no lang attribute');
      if (basics.titles !== 1 || !basics.title.trim()) {
        fail(where, `expected one non-empty <title>, found ${basics.titles} ("${basics.title}")`);
      }
      if (basics.h1.length !== 1) {
        fail(where, `expected exactly one <h1>, found ${basics.h1.length}: ${JSON.stringify(basics.h1)}`);
      }

      await page.evaluate(axeSource);
      const result = await page.evaluate(
        (values) => window.axe.run(document, { runOnly: { type: 'tag', values } }),
        TAGS,
      );
      for (const v of result.violations) {
        violations += 1;
        console.log(`VIOLATION ${where}: ${v.id} (${v.impact}) ${v.help}`);
        console.log(`    ${v.helpUrl}`);
        for (const node of v.nodes) {
          const summary = (node.failureSummary || '').replace(/\s+/g, ' ').trim();
          console.log(`    - ${node.target.join(' ')}`);
          console.log(`      ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
          if (summary) console.log(`      ${summary}`);
        }
      }
      if (result.incomplete.length > 0) {
        // Not failures: axe could not decide (e.g. contrast over a background image). Shown for review.
        const ids = result.incomplete.map((i) => `${i.id}×${i.nodes.length}`).join(', ');
        console.log(`note ${where}: needs review: ${ids}`);
      }

      for (const href of new Set(foreign)) fail(where, `request to a foreign host: ${href}`);
      for (const message of consoleErrors) fail(where, message);
      console.log(`done ${where}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}

console.log(`axe: ${paths.length} pages, ${violations} violations` + (failures ? `, ${failures} other failures` : ''));
process.exit(violations + failures > 0 ? 1 : 0);
