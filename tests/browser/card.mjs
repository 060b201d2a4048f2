#!/usr/bin/env node
// Opens a page of another origin that embeds a press card in an <iframe> of
// 360 px, as a municipality's news page would, and checks the card inside it:
// its heading, its figures, the notice, links that open in the parent page,
// and no sideways scrolling.
//
// Usage: node tests/browser/card.mjs EMBEDDING_PAGE_URL
// Exits 0 when the card renders inside the frame, 1 otherwise.

import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [embedding] = process.argv.slice(2);
if (!embedding) {
  console.error('usage: node tests/browser/card.mjs EMBEDDING_PAGE_URL');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(embedding, { waitUntil: 'load' });
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the iframe has no document');
  await frame.waitForLoadState('load');
  const facts = await frame.evaluate(() => ({
    origin: location.origin,
    h1: document.querySelector('h1')?.textContent ?? '',
    figures: document.querySelectorAll('.totals a.fig').length,
    notice: !!document.querySelector('.notice'),
    links: [...document.querySelectorAll('a[href]')]
      .filter((a) => !a.getAttribute('href').startsWith('#'))
      .map((a) => a.target),
    width: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  if (facts.origin === new URL(embedding).origin) problems.push('the card is not from another origin');
  if (!facts.h1.includes('Meerwijk')) problems.push(`heading: ${facts.h1}`);
  if (facts.figures < 3) problems.push(`only ${facts.figures} figures`);
  if (!facts.notice) problems.push('no expectation notice');
  if (facts.links.some((t) => t !== '_top')) problems.push(`links not opening in the parent: ${facts.links}`);
  if (facts.width > facts.client) problems.push(`scrolls sideways: ${facts.width} > ${facts.client}`);
  console.log(JSON.stringify(facts));
} catch (e) {
  problems.push(String(e));
} finally {
  await browser.close();
}
for (const p of problems) console.log(`FAIL ${p}`);
process.exit(problems.length ? 1 : 0);
