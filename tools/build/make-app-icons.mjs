#!/usr/bin/env node
// One-off: renders the install icons (web app manifest) from apps/web/src/public/favicon.svg with
// Debian's Chromium; the PNGs are committed, so run this again only when the favicon changes.
//   node tools/build/make-app-icons.mjs
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(root, 'apps/web/src/public/icons');
const favicon = readFileSync(resolve(root, 'apps/web/src/public/favicon.svg'), 'utf8');
// Maskable icons are cropped to a circle (or any shape) of 80 % of their width by the launcher: full-bleed
// background, the glyph scaled into the safe zone.
const glyph = favicon.match(/<path[^>]*\/>/)[0];
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1f4e79"/><g transform="translate(16 16) scale(0.8) translate(-16 -16)">${glyph}</g></svg>`;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of [192, 512]) {
    for (const [name, svg] of [[`icon-${size}.png`, favicon], [`icon-maskable-${size}.png`, maskable]]) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      await page.screenshot({ path: resolve(out, name), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`apps/web/src/public/icons/${name}`);
    }
  }
} finally {
  await browser.close();
}
