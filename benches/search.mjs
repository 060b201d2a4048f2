#!/usr/bin/env node
// Measures a search in headless Chromium on a built site served by a plain
// static server: the bytes the search fetches for a first query and for a
// second one (the search script, index shards, document sets, filter sets and
// result chunks, as file sizes: the server compresses nothing), and the time
// from pressing Enter to results on the screen.
//
// Usage: node benches/search.mjs BASE_URL "FIRST QUERY" "SECOND QUERY"

import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [base, first, second] = process.argv.slice(2);
if (!base || !first || !second) {
  console.error('usage: node benches/search.mjs BASE_URL FIRST_QUERY SECOND_QUERY');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const fetched = [];
  let counting = false;
  page.on('requestfinished', async (req) => {
    const url = new URL(req.url());
    const searchFile = url.pathname.includes('/zoeken/index/') || url.pathname.includes('search.js');
    if (!searchFile) return;
    const sizes = await req.sizes().catch(() => null);
    const resp = await req.response();
    const body = resp ? await resp.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    fetched.push({ path: url.pathname, bytes: body.length, counted: counting, transfer: sizes ? sizes.responseBodySize : 0 });
  });
  // The script is part of what a first query costs, though the page loads it.
  counting = true;
  await page.goto(new URL('/zoeken/', base).href, { waitUntil: 'networkidle' });

  async function query(text) {
    await page.fill('#q', '');
    await page.fill('#q', text);
    await page.evaluate(() => {
      window.__done = null;
      const status = document.getElementById('search-status');
      const obs = new MutationObserver(() => {
        if (/\d/.test(status.textContent) && window.__done === null) window.__done = performance.now();
      });
      obs.observe(status, { childList: true, characterData: true, subtree: true });
      document.getElementById('q').addEventListener('keydown', (e) => {
        if (e.key === 'Enter') window.__start = performance.now();
      }, { once: true });
    });
    const before = fetched.length;
    await page.focus('#q');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__done !== null, null, { timeout: 30000 });
    // Every request the query made has finished (the page stays open).
    await page.waitForTimeout(300);
    const ms = await page.evaluate(() => window.__done - window.__start);
    const status = await page.textContent('#search-status');
    const files = fetched.slice(before);
    return { ms, status, files };
  }

  const sum = (files) => files.reduce((s, f) => s + f.bytes, 0);
  // What the page fetched for search before the query: the script and the manifest.
  const loaded = fetched.slice();
  const scriptBytes = sum(loaded.filter((f) => f.path.includes('search.js')));
  const firstRun = await query(first);
  const firstBytes = sum(loaded) + sum(firstRun.files);
  const secondRun = await query(second);
  const secondBytes = sum(secondRun.files);
  const kb = (b) => (b / 1024).toFixed(1);
  console.log(`first query "${first}": ${firstRun.status}; ${kb(firstBytes)} KB in ${firstRun.files.length + loaded.length} files (search.js ${kb(scriptBytes)} KB); ${firstRun.ms.toFixed(0)} ms from Enter to results`);
  console.log(`second query "${second}": ${secondRun.status}; ${kb(secondBytes)} KB in ${secondRun.files.length} files; ${secondRun.ms.toFixed(0)} ms from Enter to results`);
  if (process.env.VERBOSE) for (const f of [...firstRun.files, ...secondRun.files]) console.log(`  ${f.bytes}\t${f.path}`);
  console.log(`RESULT first_kb=${kb(firstBytes)} second_kb=${kb(secondBytes)} first_ms=${firstRun.ms.toFixed(0)} second_ms=${secondRun.ms.toFixed(0)}`);
} finally {
  await browser.close();
}
