// End-to-end tests of the built dist/ (run `trunk build --release` first; scripts/test.sh does).
// dist/ is served on 127.0.0.1 under a sub-path, driven by Debian's chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(ROOT, 'dist');
const SHOTS = path.join(ROOT, 'target', 'screenshots');
const SEED = '2021-05-17T22:48:43.000+09:00    2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK';
const LINE = '2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK';

let server;
let browser;

before(async () => {
  await fs.access(path.join(DIST, 'index.html'));
  await fs.mkdir(SHOTS, { recursive: true });
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the app; records every request and page error, and blocks any request off the origin. */
async function open({ locale = 'en-US', colorScheme = 'light', viewport = { width: 1400, height: 900 } } = {}) {
  const context = await browser.newContext({ locale, colorScheme, viewport });
  const page = await context.newPage();
  const origin = new URL(server.url).origin;
  const requests = [];
  const offOrigin = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    if (new URL(url).origin !== origin) {
      offOrigin.push(url);
      return route.abort();
    }
    return route.continue();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url);
  await page.waitForSelector('textarea#input');
  return { page, context, requests, offOrigin, errors };
}

test('the seed line decodes into 14 labeled columns, with no request off the origin', async () => {
  const { page, context, requests, offOrigin, errors } = await open();
  await page.fill('textarea#input', SEED);
  const record = page.locator('[data-line="1"][data-status="ok"]');
  await record.waitFor();
  const fields = await record.locator('[data-field]').evaluateAll((els) => els.map((e) => e.dataset.field));
  assert.deepEqual(fields, [
    'version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport',
    'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status',
  ]);
  const raws = await record.locator('[data-field]').evaluateAll((els) => els.map((e) => e.dataset.raw));
  assert.deepEqual(raws, SEED.split(/\s+/).slice(1));
  assert.match(await record.locator('[data-field="protocol"]').innerText(), /UDP/);
  assert.match(await record.locator('[data-field="srcport"]').innerText(), /NTP/);
  assert.match(await record.locator('[data-field="action"]').innerText(), /accepted/);
  assert.match(await record.locator('[data-field="account-id"]').innerText(), /masked/);
  assert.match(await page.locator('.summary').first().innerText(), /sent 1 UDP packet \(76 bytes\) to 10\.0\.0\.1/);
  await page.screenshot({ path: path.join(SHOTS, 'seed-en-light.png'), fullPage: true });

  // The app loaded from under the sub-path: every request stayed on the origin and path.
  assert.deepEqual(offOrigin, []);
  assert.ok(requests.length >= 3, `expected the page, its JS and wasm; got ${requests}`);
  for (const url of requests) assert.ok(url.startsWith(server.url), url);
  assert.ok(requests.some((u) => u.endsWith('.wasm')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing decodes as you type; many lines make a table; errors stay inline', async () => {
  const { page, context, offOrigin, errors } = await open();
  await page.locator('textarea#input').pressSequentially('2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT O');
  await page.locator('[data-line="1"][data-status="error"]').waitFor();
  await page.locator('textarea#input').press('K');
  await page.locator('[data-line="1"][data-status="ok"]').waitFor();

  const text = [LINE, '', 'garbage \u0000\u0007 <script>alert(1)</script>', LINE.replace(' 17 ', ' udp '), '\u{1F600}'.repeat(50)].join('\n');
  await page.fill('textarea#input', text);
  await page.locator('[data-line="1"][data-status="ok"]').waitFor();
  assert.equal(await page.locator('th[data-field-header]').count(), 14);
  assert.equal(await page.locator('[data-line="2"]').count(), 0);
  assert.match(await page.locator('[data-line="3"][data-status="error"]').innerText(), /expected 14 fields/);
  // Markup in the input is shown as text, never run.
  assert.equal(await page.locator('script:text("alert(1)")').count(), 0);
  assert.match(
    await page.locator('[data-line="4"] [data-field="protocol"]').getAttribute('data-raw'),
    /^udp$/,
  );
  assert.match(await page.locator('.error-list').innerText(), /line 4, field 8 \(protocol\): expected an integer 0–255, found `udp`/);
  assert.match(await page.locator('[data-line="5"][data-status="error"]').innerText(), /found 1/);
  await page.click('th[data-field-header="protocol"] button');
  assert.match(await page.locator('[data-explain="protocol"]').innerText(), /IANA protocol number/);
  await page.screenshot({ path: path.join(SHOTS, 'table-en-light.png'), fullPage: true });
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Japanese browser, dark theme: labels and explanations in Japanese', async () => {
  const { page, context, errors } = await open({ locale: 'ja-JP', colorScheme: 'dark' });
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  await page.click('text=例を試す');
  await page.locator('[data-line="8"][data-status="ok"]').waitFor();
  assert.match(await page.locator('h1').innerText(), /デコーダー/);
  await page.click('[data-line="3"] [data-field="action"] button');
  const panel = await page.locator('[data-explain="action"]').innerText();
  assert.match(panel, /拒否/);
  assert.match(panel, /セキュリティグループ/);
  await page.screenshot({ path: path.join(SHOTS, 'example-ja-dark.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a phone-sized screen shows a single record as a card', async () => {
  const { page, context, errors } = await open({ viewport: { width: 390, height: 844 } });
  await page.fill('textarea#input', LINE);
  await page.locator('article.record-card[data-line="1"]').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: path.join(SHOTS, 'card-phone.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
