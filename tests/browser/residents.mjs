#!/usr/bin/env node
// Residents first: what a resident sees on a phone, and what a shared link shows.
//
// Usage: node tests/browser/residents.mjs BASE_URL PATH...
// The question pages come from the site's own /data/vragen.json (every public
// question, with its derived state); PATH... are the other pages to check.
//
// Checks:
//  first screen  (390×844): every question page shows its answer sentence
//                (.answer-line) entirely on the first screen, and for a late
//                item the words "te laat" ("late" under /en/) are there too.
//  badges        the state badge at the top says the derived state
//                (stand_van_zaken), or that the council disputes a delivery;
//                no other state's label stands beside it; an outcome badge
//                next to a state that says the answer did not hold is muted.
//  sharing       every page has a description no other checked page has,
//                absolute og:url and og:image, an og:image that answers as a
//                PNG of at least 1200×630, absolute hreflang links and x-default.
//  language      on /en/ question pages, the Dutch title, question and answer
//                (where no English version is shown) sit inside lang="nl".
//  tables        at 320 px, every table cell lies within the viewport and
//                within any box around it: no column is hidden or clipped.
// Exits 1 on any problem, 2 on a usage or setup error.

import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const [baseArg, ...pages] = process.argv.slice(2);
if (!baseArg) {
  console.error('usage: node tests/browser/residents.mjs BASE_URL PATH...');
  process.exit(2);
}
const base = new URL(baseArg);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (err) {
  console.error(`residents.mjs: cannot load playwright-core (${err.message}); run \`npm ci\` first`);
  process.exit(2);
}

let failures = 0;
const fail = (where, message) => {
  failures += 1;
  console.log(`FAIL ${where}: ${message}`);
};

const STATES = {
  nl: {
    'on-track': 'Op schema', moved: 'Verschoven', overdue: 'Te laat', done: 'Uitgevoerd', 'done-late': 'Later uitgevoerd',
    dropped: 'Vervallen', awaiting: 'Besluit volgt', included: 'Opgenomen in de planning', 'not-included': 'Niet opgenomen',
  },
  en: {
    'on-track': 'On schedule', moved: 'Moved', overdue: 'Late', done: 'Done', 'done-late': 'Done late',
    dropped: 'Dropped', awaiting: 'Decision to come', included: 'Included in the planning', 'not-included': 'Not included',
  },
};
const LATE = { nl: 'te laat', en: 'late' };
const UNHELD = new Set(['overdue', 'dropped', 'not-included']);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const local = (absolute) => {
  const u = new URL(absolute);
  return new URL(u.pathname, base).href;
};

async function pngSize(page, url) {
  const r = await page.request.get(url);
  if (r.status() !== 200) return { error: `answers ${r.status()}` };
  const b = await r.body();
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG') return { error: 'is not a PNG' };
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

async function checkSharing(page, where, descriptions) {
  const m = await page.evaluate(() => {
    const meta = (sel) => document.querySelector(sel)?.getAttribute('content') || '';
    return {
      description: meta('meta[name="description"]'),
      ogTitle: meta('meta[property="og:title"]'),
      ogDescription: meta('meta[property="og:description"]'),
      ogUrl: meta('meta[property="og:url"]'),
      ogImage: meta('meta[property="og:image"]'),
      twitter: meta('meta[name="twitter:card"]'),
      hreflang: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.hreflang, l.getAttribute('href')]),
      robots: meta('meta[name="robots"]'),
    };
  });
  // A page not meant to be found or shared (the sheet for the printed
  // neighbourhood paper, the press card for an iframe) carries `noindex`.
  if (m.robots.includes('noindex')) return;
  if (!m.description.trim()) fail(where, 'no meta description');
  else if (descriptions.has(m.description)) fail(where, `same description as ${descriptions.get(m.description)}: "${m.description}"`);
  else descriptions.set(m.description, where);
  if (!m.ogTitle || !m.ogDescription) fail(where, 'no og:title or og:description');
  if (!m.twitter) fail(where, 'no twitter:card');
  for (const [name, value] of [['og:url', m.ogUrl], ['og:image', m.ogImage]]) {
    if (!/^https?:\/\//.test(value)) fail(where, `${name} is not an absolute URL: "${value}"`);
  }
  if (/^https?:\/\//.test(m.ogImage)) {
    const size = await pngSize(page, local(m.ogImage));
    if (size.error) fail(where, `og:image ${m.ogImage} ${size.error}`);
    else if (size.width < 1200 || size.height < 630) fail(where, `og:image is ${size.width}×${size.height}, not at least 1200×630`);
  }
  if (!m.hreflang.some(([l]) => l === 'x-default')) fail(where, 'no hreflang x-default');
  for (const [l, href] of m.hreflang) if (!/^https?:\/\//.test(href)) fail(where, `hreflang ${l} is not absolute: ${href}`);
}

async function checkQuestion(page, q, lang) {
  const where = `${q.path} [390×844]`;
  const r = await page.evaluate(() => {
    const vh = window.innerHeight;
    const line = document.querySelector('.answer-line');
    const rect = line?.getBoundingClientRect();
    let firstScreen = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const b = range.getBoundingClientRect();
      if (b.height > 0 && b.bottom <= vh) firstScreen += ` ${n.textContent}`;
    }
    const badges = [...(document.querySelector('main .badges')?.querySelectorAll('.badge') || [])].map((b) => ({
      text: b.textContent.trim(),
      outcome: b.classList.contains('badge-outcome'),
      muted: b.classList.contains('badge-muted'),
    }));
    return { vh, hasLine: !!line, line: line?.textContent.trim(), bottom: rect?.bottom, firstScreen: firstScreen.replace(/\s+/g, ' '), badges };
  });
  if (!r.hasLine) fail(where, 'no answer sentence (.answer-line) under the title');
  else if (!(r.bottom <= r.vh)) fail(where, `the answer sentence ends at ${Math.round(r.bottom)} px, below the first screen (${r.vh} px)`);
  if (q.stand_van_zaken === 'overdue' && !r.firstScreen.toLowerCase().includes(LATE[lang])) {
    fail(where, `late, but "${LATE[lang]}" is not on the first screen`);
  }
  // Badges: the derived state, and nothing that contradicts it.
  const state = q.stand_van_zaken;
  const labels = STATES[lang];
  const stateBadges = r.badges.filter((b) => !b.outcome);
  if (state) {
    const want = labels[state];
    const disputed = q.betwist && (state === 'done' || state === 'done-late');
    const ok = stateBadges.some((b) => (disputed ? !b.text.endsWith(labels.done) && b.text.includes(labels.done) : b.text.endsWith(want)));
    if (!ok) fail(where, `the state badge does not say "${want}"${disputed ? ' with the dispute' : ''}: ${JSON.stringify(stateBadges.map((b) => b.text))}`);
    for (const [other, label] of Object.entries(labels)) {
      if (other === state) continue;
      for (const b of stateBadges) if (b.text.endsWith(`: ${label}`) || b.text === label) fail(where, `badge "${b.text}" contradicts the state ${state}`);
    }
    if (UNHELD.has(state)) {
      for (const b of r.badges.filter((b) => b.outcome && !b.muted)) fail(where, `outcome badge "${b.text}" in its own colour beside the state ${state}`);
    }
  } else if (stateBadges.length) {
    fail(where, `a declined answer with a state badge: ${JSON.stringify(stateBadges.map((b) => b.text))}`);
  }
}

async function checkDutchMarked(page, q) {
  const where = `${q.path} [lang]`;
  const needles = [q.titel, (q.vraag || '').split('\n')[0].slice(0, 30), (q.antwoord || '').split('\n')[0].slice(0, 30)].filter(Boolean);
  const langs = await page.evaluate((needles) => {
    const main = document.querySelector('main');
    return needles.map((needle) => {
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent.includes(needle)) return n.parentElement.closest('[lang]')?.getAttribute('lang') || '';
      }
      return null; // shown in English instead
    });
  }, needles);
  needles.forEach((needle, i) => {
    if (langs[i] !== null && langs[i] !== 'nl') fail(where, `Dutch text "${needle}" is not inside lang="nl" (it is in lang="${langs[i]}")`);
  });
}

async function checkTables(page, where) {
  const clipped = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    for (const cell of document.querySelectorAll('main table th, main table td')) {
      // A table in a closed <details> is one tap away, not hidden by the layout.
      if (cell.closest('details:not([open])')) continue;
      if (!cell.checkVisibility()) {
        out.push(`a ${cell.tagName.toLowerCase()} ("${cell.textContent.trim().slice(0, 30)}") is hidden`);
        continue;
      }
      const r = cell.getBoundingClientRect();
      let right = vw;
      let left = 0;
      for (let p = cell.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') {
          const b = p.getBoundingClientRect();
          right = Math.min(right, b.right);
          left = Math.max(left, b.left);
        }
      }
      if (r.width > 0 && (r.right > right + 1 || r.left < left - 1)) out.push(`cell "${cell.textContent.trim().slice(0, 30)}" spans ${Math.round(r.left)}–${Math.round(r.right)} px, outside ${Math.round(left)}–${Math.round(right)} px`);
    }
    return out;
  });
  for (const c of clipped.slice(0, 5)) fail(where, `at 320 px: ${c}`);
}

try {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  const data = await (await page.request.get(new URL('/data/vragen.json', base).href)).json();
  const questions = data.questions.map((q) => ({ ...q, path: new URL(q.permalink).pathname }));
  for (const q of questions) {
    for (const lang of ['nl', 'en']) {
      const path = lang === 'nl' ? q.path : `/en${q.path}`;
      await page.goto(new URL(path, base).href, { waitUntil: 'load' });
      await checkQuestion(page, { ...q, path }, lang);
      if (lang === 'en') await checkDutchMarked(page, { ...q, path });
    }
  }
  const descriptions = new Map();
  for (const path of pages) {
    await page.goto(new URL(path, base).href, { waitUntil: 'load' });
    await checkSharing(page, path, descriptions);
  }
  await phone.close();
  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const small = await narrow.newPage();
  for (const path of pages) {
    await small.goto(new URL(path, base).href, { waitUntil: 'load' });
    await checkTables(small, `${path} [320px]`);
  }
  await narrow.close();
  console.log(`residents: ${questions.length} questions in two languages, ${pages.length} pages; ${failures} failures`);
} finally {
  await browser.close();
}
process.exit(failures > 0 ? 1 : 0);
