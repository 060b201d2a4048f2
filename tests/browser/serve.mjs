#!/usr/bin/env node
// Drives `afspraak serve` in headless Chromium as an editor would: open a
// question page, edit its YAML, and see the new text appear without reloading
// by hand; break the YAML and see the overlay naming the file and line; fix it
// and see the page again.
//
// Usage: node tests/browser/serve.mjs PAGE_URL YAML_FILE OLD_TEXT NEW_TEXT
// Prints the time from each save to the browser showing its effect.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [url, yamlFile, oldText, newText] = process.argv.slice(2);
if (!url || !yamlFile || !oldText || !newText) {
  console.error('usage: node tests/browser/serve.mjs PAGE_URL YAML_FILE OLD_TEXT NEW_TEXT');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
const step = async (name, save, until) => {
  const started = Date.now();
  save();
  try {
    await until();
    console.log(`${name}: shown ${Date.now() - started} ms after the save`);
  } catch (e) {
    failed = true;
    console.log(`FAIL ${name}: ${e.message}`);
  }
};
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const original = readFileSync(yamlFile, 'utf8');
  if (!original.includes(oldText)) throw new Error(`${yamlFile} does not contain ${oldText}`);
  // Let the page connect to the event stream before the first save.
  await page.waitForTimeout(300);
  const edited = original.replace(oldText, newText);
  const h1 = () => page.textContent('h1', { timeout: 500 }).catch(() => '');
  await step('edit', () => writeFileSync(yamlFile, edited), () =>
    page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), newText, { timeout: 15000 }));
  // The overlay must name the file as check does: content/contracts/<neighbourhood>/<year>.yaml:line:column.
  const named = yamlFile.split('/').slice(-3).join('/');
  await step('broken YAML', () => writeFileSync(yamlFile, edited.replace('outcome:', 'outcome: [')), () =>
    page.waitForFunction((file) => {
      const o = document.getElementById('afspraak-overlay');
      return o && new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+:\\d+`).test(o.textContent);
    }, named, { timeout: 15000 }));
  await step('fixed', () => writeFileSync(yamlFile, edited), () =>
    page.waitForFunction((t) => !document.getElementById('afspraak-overlay')
      && document.querySelector('h1')?.textContent.includes(t), newText, { timeout: 15000 }));
  if (!(await h1()).includes(newText)) { failed = true; console.log('FAIL the page does not show the edit'); }
  if (errors.length) { failed = true; console.log(`FAIL script errors: ${errors.join('; ')}`); }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
