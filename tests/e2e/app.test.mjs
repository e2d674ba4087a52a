// End-to-end tests of the built dist/ (run `trunk build --release` first; scripts/test.sh does).
// dist/ is served on 127.0.0.1 under a sub-path, driven by Debian's chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { harness, holdWasm, SHOTS, SEED, LINE } from './harness.mjs';

const h = harness();
const open = (options) => h.open(options);

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
  for (const url of requests) assert.ok(url.startsWith(h.server.url), url);
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

test('the active language button is legible in light and dark themes (WCAG AA contrast)', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await open({ colorScheme });
    const ratio = await page.evaluate(() => {
      const el = document.querySelector('.lang-switch__button.is-active');
      const style = getComputedStyle(el);
      const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
    assert.ok(ratio >= 4.5, `${colorScheme}: contrast ${ratio.toFixed(2)}:1`);
    await context.close();
  }
});

test('the page shows at once, before WebAssembly: what is pasted meanwhile decodes when it is ready', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const release = await holdWasm(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(h.server.url);
  // The static shell: title, tagline, a paste box, a quiet loading state.
  assert.equal(await page.locator('#shell h1').innerText(), 'VPC Flow Log Decoder');
  assert.match(await page.locator('#shell .shell__loading').innerText(), /Loading the decoder/);
  await page.fill('#shell-input', LINE);
  release();
  const card = page.locator('article.record-card[data-status="ok"]');
  await card.waitFor();
  assert.equal(await card.locator('[data-field="srcaddr"]').getAttribute('data-raw'), '203.0.113.12');
  assert.equal(await page.locator('textarea#input').inputValue(), LINE);
  assert.equal(await page.locator('#shell').count(), 0, 'the shell is gone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('no worker is loaded with the page: the paste\'s starts with the first edit, the files\' as files come near, and files still open', async () => {
  // A share link: its line is decoded and explained by the page's own code; the
  // analysis across records is offered, not run (it needs a worker).
  const zlib = await import('node:zlib');
  const hash = '#s1=' + zlib.deflateRawSync(Buffer.from(`\n${LINE}`)).toString('base64url');
  const { page, context, errors } = await open({ hash });
  await page.locator('[data-line="1"][data-status="ok"]').waitFor();
  await page.locator('[data-across] [data-across-start]').waitFor();
  await page.waitForTimeout(500);
  assert.equal(page.workers().length, 0, 'no worker on load');
  // Its button starts a worker, which holds the paste and answers.
  const pasted = page.waitForEvent('worker');
  await page.click('[data-across-start]');
  await pasted;
  await page.locator('[data-across] [data-findings]').waitFor();
  // An edit goes to the same worker, and the analysis runs again by itself.
  await page.fill('textarea#input', `${LINE}\n${LINE}`);
  await page.locator('[data-line="2"][data-status="ok"]').waitFor();
  await page.locator('[data-across] [data-findings]').waitFor();
  // Its answer is about the edited text (both lines in one conversation).
  await page.click('[data-tab="conversations"]');
  await page.locator('[data-conversation] [data-line-link="2"]').waitFor();
  assert.equal(page.workers().length, 1);
  // The pointer on "Open files" starts it (its WebAssembly loads while the user chooses).
  const started = page.waitForEvent('worker');
  await page.locator('label:has(#file)').hover();
  await started;
  assert.equal(page.workers().length, 2, "the paste's worker, and one for files");
  // A file opens (through the worker started ahead).
  await page.setInputFiles('#file', { name: 'a.log', mimeType: 'text/plain', buffer: Buffer.from(`${LINE}\n${LINE}\n`) });
  await page.locator('[data-files]').waitFor();
  await page.locator('[data-sum="records"]').waitFor();
  // (A spare for the next files starts once these are open.)
  assert.deepEqual(errors, []);
  await context.close();
});
