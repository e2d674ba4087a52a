// End-to-end tests of the site as a team hosts it: the static shell in both languages
// and how the app takes its place without moving anything, robots and meta tags, the
// about section, and a new version published over an old one (the service worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { harness, holdWasm, DIST, SHOTS, LINE } from './harness.mjs';
import { serve } from './server.mjs';

const h = harness();

/** Where the header, tagline and paste box are, and what they say. */
async function layout(page, root) {
  return page.evaluate((root) => {
    const box = (sel) => {
      const r = document.querySelector(`${root} ${sel}`).getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map(Math.round).join(',');
    };
    const text = (sel) => document.querySelector(`${root} ${sel}`).innerText.trim();
    return {
      title: text('h1'),
      tagline: text('.app__tagline'),
      label: text('.input-panel__label'),
      placeholder: document.querySelector(`${root} textarea`).placeholder,
      boxes: ['h1', '.app__tagline', '.toolbar', '.input-panel__label', 'textarea'].map(box),
    };
  }, root);
}

for (const [locale, title] of [
  ['en-US', 'VPC Flow Log Decoder'],
  ['ja-JP', 'VPC フローログ デコーダー'],
]) {
  test(`${locale}: the shell shows the app's words before WebAssembly, and nothing moves when the app takes over`, async () => {
    const context = await h.browser.newContext({ locale, serviceWorkers: 'block', viewport: { width: 360, height: 740 } });
    const release = await holdWasm(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(h.server.url);
    await page.locator('#shell h1').waitFor();
    const widths = [360, 412, 768, 1400];
    const shell = [];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 740 });
      shell.push(await layout(page, '#shell'));
    }
    assert.equal(shell[0].title, title);
    assert.equal(await page.evaluate(() => document.documentElement.lang), locale.slice(0, 2));
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: path.join(SHOTS, `shell-${locale}-phone.png`) });
    release();
    await page.locator('#app-root textarea#input').waitFor();
    for (const [i, width] of widths.entries()) {
      await page.setViewportSize({ width, height: 740 });
      assert.deepEqual(await layout(page, '#app-root'), shell[i], `${width} px wide`);
    }
    assert.equal(await page.locator('#shell').count(), 0);
    await page.fill('textarea#input', LINE);
    await page.locator('[data-line="1"][data-status="ok"]').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('robots.txt and the meta tags of a shared internal tool', async () => {
  const { page, context } = await h.open();
  const robots = await page.request.get(h.server.url + 'robots.txt');
  assert.equal(robots.status(), 200);
  assert.match(await robots.text(), /^User-agent: \*\nDisallow: \/$/m);
  assert.equal(await page.getAttribute('meta[name="robots"]', 'content'), 'noindex, nofollow');
  assert.equal(await page.title(), 'VPC Flow Log Decoder');
  assert.match(await page.getAttribute('meta[name="description"]', 'content'), /in your browser/);
  await context.close();
});

test('the about section: version, what never leaves the browser, how to host (EN and JA)', async () => {
  const version = (await fs.readFile(path.join(DIST, '..', 'Cargo.toml'), 'utf8')).match(/^version = "([^"]+)"/m)[1];
  for (const [locale, words] of [
    ['en-US', ['About this decoder', `Version ${version}`, /never leaves this browser/, /HOSTING\.md/]],
    ['ja-JP', ['このデコーダーについて', `バージョン ${version}`, /ブラウザーの外に出ない/, /HOSTING\.md/]],
  ]) {
    const { page, context, errors } = await h.open({ locale });
    const about = page.locator('details.about');
    assert.equal(await about.locator('summary').innerText(), words[0]);
    await about.locator('summary').click();
    const text = await about.innerText();
    assert.ok(text.includes(words[1]), text);
    assert.match(text, words[2]);
    assert.match(text, words[3]);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a new version published over an old one: the next visit gets it, the old cache goes, offline keeps working', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'decoder-site-'));
  await fs.cp(DIST, root, { recursive: true });
  const site = await serve(root);
  const context = await h.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForSelector('textarea#input');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const caches1 = await page.evaluate(() => caches.keys());
    assert.equal(caches1.length, 1);

    // Publish "version 2" as a build would: a changed page, and a service worker with a
    // new version (post-build.mjs derives it from the files). Compressed copies go, so
    // the server sends the new files.
    const sw = await fs.readFile(path.join(root, 'sw.js'), 'utf8');
    const v1 = sw.match(/vpc-flowlog-decoder-([0-9a-f]{16})/)[1];
    await fs.writeFile(path.join(root, 'sw.js'), sw.replace(v1, 'f'.repeat(16)));
    const html = await fs.readFile(path.join(root, 'index.html'), 'utf8');
    await fs.writeFile(
      path.join(root, 'index.html'),
      html.replace('<meta name="color-scheme"', '<meta name="x-published" content="v2" />\n    <meta name="color-scheme"'),
    );
    for (const f of ['sw.js', 'index.html']) {
      await fs.rm(path.join(root, `${f}.br`), { force: true });
      await fs.rm(path.join(root, `${f}.gz`), { force: true });
    }

    // The next visit: the page itself is new at once (network first), and the new
    // worker takes over, dropping the old cache.
    await page.reload();
    await page.waitForSelector('textarea#input');
    assert.equal(await page.getAttribute('meta[name="x-published"]', 'content'), 'v2');
    let keys = [];
    for (let i = 0; i < 150; i += 1) {
      keys = await page.evaluate(() => caches.keys());
      if (keys.length === 1 && keys[0].endsWith('f'.repeat(16))) break;
      await page.waitForTimeout(100);
    }
    assert.deepEqual(keys, [`vpc-flowlog-decoder-${'f'.repeat(16)}`]);
    // Offline, the new version is what opens, and it decodes.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('textarea#input');
    assert.equal(await page.getAttribute('meta[name="x-published"]', 'content'), 'v2');
    await page.fill('textarea#input', LINE);
    await page.locator('[data-line="1"][data-status="ok"]').waitFor();
  } finally {
    await context.close();
    await site.close();
    await fs.rm(root, { recursive: true, force: true });
  }
});
