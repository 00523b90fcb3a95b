#!/usr/bin/env node
/**
 * Renders web/public/favicon.svg to the PNG icons the web app manifest names (192, 512 and a 180 px touch
 * icon), with the Chromium the e2e tests use. Run after changing the SVG; the PNGs are committed.
 *
 * usage: node scripts/render-icons.mjs
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(join(import.meta.dirname, '..', 'tests', 'package.json'));
const { chromium } = require('playwright-core');
const dir = join(import.meta.dirname, '..', 'web', 'public');
const svg = readFileSync(join(dir, 'favicon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const [name, size, padding] of [
    ['icon-192.png', 192, 0],
    ['icon-512.png', 512, 0],
    // Maskable: the launcher may cut a circle out of it, so the drawing keeps to the safe zone.
    ['icon-maskable-512.png', 512, 0.1],
    ['apple-touch-icon.png', 180, 0],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = Math.round(size * (1 - 2 * padding));
    await page.setContent(
      `<body style="margin:0;background:${padding ? '#1d3b5a' : 'transparent'};display:grid;place-items:center;height:100vh">
        <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></body>`,
    );
    await page.screenshot({ path: join(dir, name), omitBackground: !padding });
    await page.close();
    console.log(name);
  }
} finally {
  await browser.close();
}
