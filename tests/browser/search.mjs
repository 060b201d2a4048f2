#!/usr/bin/env node
// Types a query into the search page in headless Chromium and expects a result
// linking to a given question page.
//
// Usage: node tests/browser/search.mjs BASE_URL QUERY EXPECTED_PATH [FILTER=VALUE...]
// Exits 0 when a result links to EXPECTED_PATH, 1 otherwise.

import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [base, query, expected, ...filters] = process.argv.slice(2);
if (!base || !query || !expected) {
  console.error('usage: node tests/browser/search.mjs BASE_URL QUERY EXPECTED_PATH [FILTER=VALUE...]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let ok = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('/zoeken/', base).href);
  await page.fill('#q', query);
  for (const f of filters) {
    const [id, value] = f.split('=');
    await page.selectOption(`#f-${id}`, value);
  }
  await page.click('button[type=submit]');
  await page.waitForFunction(() => /\d/.test(document.getElementById('search-status').textContent), null, { timeout: 10000 });
  const links = await page.$$eval('#results a', (as) => as.map((a) => new URL(a.href).pathname));
  const status = await page.textContent('#search-status');
  console.log(`search "${query}" ${filters.join(' ')}: ${status}; ${links.length} links`);
  ok = links.includes(expected) && errors.length === 0;
  if (!ok) console.log(`expected ${expected} among ${JSON.stringify(links.slice(0, 10))}; script errors: ${JSON.stringify(errors)}`);
} finally {
  await browser.close();
}
process.exit(ok ? 0 : 1);
