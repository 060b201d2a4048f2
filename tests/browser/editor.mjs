#!/usr/bin/env node
// Drives the editor of `afspraak serve` in headless Chromium as an editor
// would: open a question page, click **Bewerken**, change the title, add a
// progress entry ("Stand van zaken bijwerken"), save with **Opslaan**; the
// page shows the change, and a second tab open on the question shows it
// without a reload. The editor's pages pass axe-core (WCAG 2.x AA), work
// without JavaScript and start with a skip link for keyboard users.
//
// Usage: node tests/browser/editor.mjs BASE_URL QUESTION_PATH NEW_TITLE
// Prints the time from Opslaan to each tab showing the change.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const [base, questionPath, newTitle] = process.argv.slice(2);
if (!base || !questionPath || !newTitle) {
  console.error('usage: node tests/browser/editor.mjs BASE_URL QUESTION_PATH NEW_TITLE');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
const fail = (m) => { failed = true; console.log(`FAIL ${m}`); };

async function audit(page, name) {
  await page.evaluate(axeSource);
  const r = { violations: [] };
  // In the light and the dark colour scheme: contrast holds in both.
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const run = await page.evaluate((values) => window.axe.run(document, {
      runOnly: { type: 'tag', values }, resultTypes: ['violations'],
    }), TAGS);
    for (const v of run.violations) {
      fail(`${name} (${colorScheme}): axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    }
    r.violations.push(...run.violations);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // Keyboard: the first Tab lands on the skip link.
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.className || '');
  if (!first.includes('skip-link')) fail(`${name}: the first Tab lands on "${first}", not the skip link`);
  console.log(`${name}: axe ${r.violations.length} violations`);
}

try {
  const context = await browser.newContext();
  const watcher = await context.newPage();
  const errors = [];
  watcher.on('pageerror', (e) => errors.push(e.message));
  await watcher.goto(base + questionPath);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + questionPath);
  await page.waitForTimeout(300);
  await audit(page, 'question page with its edit links');
  await page.goto(base + questionPath);

  await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
  await page.waitForSelector('form');
  await audit(page, 'question form');
  await page.getByLabel('Titel', { exact: true }).fill(newTitle);
  // The short "Stand van zaken bijwerken" part of the form.
  await page.getByLabel('Datum', { exact: true }).fill('2011-10-20');
  await page.getByLabel('Stand', { exact: true }).selectOption('done');
  await page.getByLabel('Toelichting', { exact: true }).fill('De lantaarnpalen staan er.');
  const saved = Date.now();
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), newTitle, { timeout: 15000 })
    .then(() => console.log(`saved: the question page shows the new title ${Date.now() - saved} ms after Opslaan`))
    .catch(() => fail('after Opslaan the page does not show the new title'));
  if (!page.url().endsWith(questionPath)) fail(`after Opslaan the browser is at ${page.url()}`);
  if (!(await page.textContent('main')).includes('De lantaarnpalen staan er.')) fail('the page does not show the new progress entry');
  await watcher.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), newTitle, { timeout: 15000 })
    .then(() => console.log(`live reload: the other tab shows it ${Date.now() - saved} ms after Opslaan`))
    .catch(() => fail('the other tab does not show the new title without a reload'));

  // A refused save: the error beside its field, announced, and audited.
  await page.getByRole('link', { name: 'Bewerken', exact: true }).click();
  await page.getByLabel('Titel', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.waitForSelector('#fouten');
  const described = await page.getByLabel('Titel', { exact: true }).getAttribute('aria-describedby');
  const message = described && await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '), described);
  if (!message || !message.includes('Fout')) fail(`the title's error is not tied to it: ${message}`);
  await audit(page, 'refused save');

  // The short form, and the same form without JavaScript.
  await page.goto(base + questionPath);
  await page.getByRole('link', { name: 'Stand van zaken bijwerken', exact: true }).click();
  await page.waitForSelector('form');
  await audit(page, 'progress form');
  const nojs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await nojs.newPage();
  await plain.goto(page.url());
  await plain.getByLabel('Datum', { exact: true }).fill('2011-10-21');
  await plain.getByLabel('Stand', { exact: true }).selectOption('done');
  await plain.getByLabel('Toelichting', { exact: true }).fill('Zonder JavaScript opgeslagen.');
  await plain.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await plain.waitForURL((u) => u.pathname.endsWith(questionPath), { timeout: 15000 })
    .catch(() => fail(`without JavaScript the save ends at ${plain.url()}`));
  if (!(await plain.textContent('main')).includes('Zonder JavaScript opgeslagen.')) fail('the save without JavaScript is not shown');
  await nojs.close();
  if (errors.length) fail(`script errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
