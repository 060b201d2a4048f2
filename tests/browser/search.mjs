#!/usr/bin/env node
// Searches the search page in headless Chromium with the keyboard only, and
// checks what a resident gets: a result linking to the expected page, focus
// moved to the results, or, with --nohits, no result and suggestions of what
// to try next; with --audit, axe-core over the page with the results (or the
// suggestions) on screen.
//
// Usage: node tests/browser/search.mjs BASE_URL QUERY EXPECTED_PATH [FILTER=VALUE...] [--nohits] [--audit] [--en]
// Exits 0 when every check passes, 1 otherwise. EXPECTED_PATH is "-" with --nohits.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import process from 'node:process';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [base, query, expected, ...filters] = args.filter((a) => !a.startsWith('--'));
if (!base || query === undefined || !expected) {
  console.error('usage: node tests/browser/search.mjs BASE_URL QUERY EXPECTED_PATH [FILTER=VALUE...] [--nohits] [--audit] [--en]');
  process.exit(2);
}
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(new URL(flags.has('--en') ? '/en/zoeken/' : '/zoeken/', base).href);
  for (const f of filters) {
    const [id, value] = f.split('=');
    await page.selectOption(`#f-${id}`, value);
  }
  // Keyboard only: into the field, type, Enter.
  await page.focus('#q');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /\d/.test(document.getElementById('search-status').textContent), null, { timeout: 10000 });
  const status = await page.textContent('#search-status');
  // Focus goes to the results, so that a screen reader reads them next.
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
  if (focused !== 'results-heading') problems.push(`focus is on #${focused}, not on the results heading`);
  const live = await page.getAttribute('#search-status', 'role');
  if (live !== 'status') problems.push('the result count is not in a status region');
  // Every page of results: "more" moves focus to the first new result.
  for (let i = 0; i < 50 && await page.isVisible('#search-more'); i++) {
    await page.focus('#search-more');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    const tag = await page.evaluate(() => document.activeElement.tagName);
    if (tag !== 'A') problems.push(`after "more", focus is on ${tag}, not on the first new result`);
  }
  const links = await page.$$eval('#results a', (as) => as.map((a) => new URL(a.href).pathname));
  const url = new URL(page.url());
  console.log(`search "${query}" ${filters.join(' ')}: ${status}; ${links.length} links; address ${url.search}`);
  for (const f of filters) {
    const [id, value] = f.split('=');
    if (url.searchParams.get(id) !== value) problems.push(`the filter ${id}=${value} is not in the address`);
  }
  if (flags.has('--nohits')) {
    if (links.length) problems.push(`expected no results, got ${links.length}`);
    const help = await page.$$eval('#search-help a', (as) => as.map((a) => a.textContent));
    const visible = await page.isVisible('#search-help');
    console.log(`suggestions: ${JSON.stringify(help)}`);
    if (!visible || help.length < 3) problems.push('no suggestions of what to try next');
    if (filters.length && !help.some((h) => /filter/i.test(h))) problems.push('no suggestion to drop the filters');
  } else if (!links.includes(expected)) {
    problems.push(`expected ${expected} among ${JSON.stringify(links.slice(0, 10))}`);
  }
  if (flags.has('--audit')) {
    await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(
      (values) => window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
      [...TAGS, 'best-practice'],
    );
    for (const v of violations.violations) {
      const wcag = v.tags.some((t) => TAGS.includes(t));
      if (wcag || v.impact === 'serious' || v.impact === 'critical') {
        problems.push(`axe: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    console.log(`axe: ${violations.violations.length} findings with the results on screen`);
  }
  if (errors.length) problems.push(`script errors: ${JSON.stringify(errors)}`);
} finally {
  await browser.close();
}
for (const p of problems) console.log(`PROBLEM ${p}`);
process.exit(problems.length ? 1 : 0);
