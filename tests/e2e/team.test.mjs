// End-to-end tests of the learning and team features on the built dist/: share links,
// masking, hostile fragments, samples, remembered language, copy as Markdown/JSON,
// keyboard navigation, the Content-Security-Policy, and offline use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';

import { harness, DIST, SHOTS, LINE } from './harness.mjs';
import { headersFor } from '../../scripts/host.mjs';

const h = harness();

test('a share link restores input and format from the fragment, and never uses the query string', async () => {
  const { page, context, requests, offOrigin, errors } = await h.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.fill('input#format', '${srcaddr} ${dstaddr} ${action}');
  await page.fill('textarea#input', '10.0.0.1 203.0.113.9 REJECT\n10.0.0.2 203.0.113.9 ACCEPT');
  await page.click('#share');
  const link = await page.locator('[data-share-link]').inputValue();
  assert.match(link, /#s1=[A-Za-z0-9_-]+$/);
  assert.equal(new URL(link).search, '');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.equal(await page.evaluate(() => location.href), link);
  // No request carried the data.
  assert.ok(requests.every((u) => !u.includes('s1=')));

  const other = await h.open({ hash: new URL(link).hash });
  assert.equal(await other.page.locator('input#format').inputValue(), '${srcaddr} ${dstaddr} ${action}');
  assert.equal(await other.page.locator('textarea#input').inputValue(), '10.0.0.1 203.0.113.9 REJECT\n10.0.0.2 203.0.113.9 ACCEPT');
  await other.page.locator('[data-line="2"][data-status="ok"]').waitFor();
  assert.equal(await other.page.locator('[data-line="1"] [data-field="action"]').getAttribute('data-raw'), 'REJECT');
  assert.ok(other.requests.every((u) => !u.includes('s1=')));
  assert.deepEqual([...offOrigin, ...other.offOrigin], []);
  assert.deepEqual([...errors, ...other.errors], []);
  await context.close();
  await other.context.close();
});

test('masking hides account IDs and addresses in the link; the masked link still decodes', async () => {
  const { page, context, errors } = await h.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.fill('textarea#input', LINE);
  await page.check('#mask-links');
  await page.click('#share');
  const link = await page.locator('[data-share-link]').inputValue();
  // The paste box itself is untouched.
  assert.equal(await page.locator('textarea#input').inputValue(), LINE);
  const other = await h.open({ hash: new URL(link).hash });
  const text = await other.page.locator('textarea#input').inputValue();
  // Placeholders of the same kind (public → documentation range, private → 10/8, the
  // account → 000000000001), said so in a comment line; the record still decodes.
  assert.equal(
    text,
    '# Masked: account IDs and addresses are placeholders (the same value has the same placeholder; private stays private).\n' +
      '2 000000000001 eni-0a1b2c3d 198.51.100.1 10.0.0.2 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK',
  );
  const record = other.page.locator('[data-line="2"][data-status="ok"]');
  await record.waitFor();
  assert.match(await record.locator('[data-field="srcaddr"]').innerText(), /example range/);
  assert.match(await record.locator('[data-field="dstaddr"]').innerText(), /private/);
  assert.match(await record.locator('[data-field="protocol"]').innerText(), /UDP/);
  assert.deepEqual([...errors, ...other.errors], []);
  await context.close();
  await other.context.close();
});

/** The input a share link carries (its first line is the format box). */
function linkText(link) {
  const data = new URL(link).hash.replace(/^#s1=/, '');
  const payload = zlib.inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8');
  return payload.slice(payload.indexOf('\n') + 1);
}

test('masking holds for 1,500 lines and with files open: no account ID or address leaves in the link', async () => {
  const { page, context, errors } = await h.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const lines = [];
  for (let i = 0; i < 1500; i++) {
    lines.push(`2 ${String(100000000000 + i)} eni-0a1b2c3d 10.1.${i >> 8}.${i & 255} 52.95.${i >> 8}.${i & 255} 443 ${40000 + i} 6 1 40 1621259323 1621259383 ACCEPT OK`);
  }
  lines.push('a note about ip-10-9-8-7 and 172.16.5.0/24 and arn:aws:iam::210987654321:role/admin');
  const text = lines.join('\n');
  await page.evaluate((t) => {
    const area = document.querySelector('textarea#input');
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await page.locator('[data-count="shown"]').waitFor();
  await page.check('#mask-links');
  const secrets = new Set(text.match(/\b\d{1,3}(\.\d{1,3}){3}\b|\b\d{12}\b/g));
  for (const withFile of [false, true]) {
    if (withFile) {
      await page.setInputFiles('#file', { name: 'a.log', mimeType: 'text/plain', buffer: Buffer.from(lines[0] + '\n') });
      await page.locator('[data-files]').waitFor();
    }
    await page.click('#share');
    const link = await page.locator('[data-share-link]').inputValue();
    const carried = linkText(link);
    assert.ok(carried.startsWith('# Masked:'), carried.slice(0, 80));
    const left = [...secrets].filter((s) => carried.includes(s));
    assert.deepEqual(left, [], `secrets in the link (files open: ${withFile})`);
    // Nor in the page's own address (the browser history).
    const url = await page.evaluate(() => location.href);
    assert.deepEqual([...secrets].filter((s) => linkText(url).includes(s)), []);
    // Who talked to whom is kept: 1,500 distinct sources stay distinct.
    const sources = new Set(carried.split('\n').filter((l) => l.startsWith('2 ')).map((l) => l.split(' ')[3]));
    assert.equal(sources.size, 1500);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupt or hostile fragment shows a clear message and a working page', async () => {
  const cases = [
    ['#s1=%%%%', /damaged/],
    ['#s1=AAAAAAAA', /cut short or altered/],
    ['#s1=' + 'A'.repeat(20000), /cut short or altered/],
  ];
  for (const [hash, message] of cases) {
    const { page, context, errors } = await h.open({ hash });
    assert.match(await page.locator('[data-notice="bad-link"]').innerText(), message);
    await page.fill('textarea#input', LINE);
    await page.locator('[data-line="1"][data-status="ok"]').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('samples fill the boxes; the story teaches; copy as Markdown and JSON', async () => {
  const { page, context, errors } = await h.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const ids = await page.locator('#samples option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual(ids, [
    'accepted', 'rejected-sg', 'rejected-nacl', 'nodata', 'skipdata', 'ipv6', 'v5-header', 'tcp-flags', 'nat-gateway', 'cloudwatch',
  ]);
  for (const id of ids) {
    await page.selectOption('#samples', id);
    await page.locator('[data-line="1"]').first().waitFor();
    assert.equal(await page.locator('[data-status="error"]').count(), 0, `sample ${id} has errors`);
  }
  await page.selectOption('#samples', 'rejected-nacl');
  await page.click('[data-line="2"] [data-field="action"] button');
  const story = await page.locator('[data-story="2"]').innerText();
  assert.match(story, /REJECT/);
  await page.selectOption('#samples', 'tcp-flags');
  assert.match(await page.locator('input#format').inputValue(), /^\$\{version\} \$\{vpc-id\}/);
  await page.click('[data-line="2"] [data-field="tcp-flags"] button');
  assert.match(await page.locator('[data-story="2"]').innerText(), /SYN-ACK: this side accepted a connection/);
  assert.match(await page.locator('[data-story="2"]').innerText(), /AWS reports only FIN, SYN, RST and SYN-ACK/);

  await page.click('[data-copy="markdown"]');
  await page.locator('[data-notice="copied"]').waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^\*\*Line 2\*\*: /);
  assert.match(md, /\| `tcp-flags` \| `18` \| SYN-ACK \|/);
  await page.click('[data-copy="json"]');
  await page.locator('[data-notice="copied"]').waitFor();
  const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(json.line, 2);
  assert.equal(json.fields['tcp-flags'].decoded, 'SYN-ACK');
  assert.equal(Object.keys(json.fields).length, 21);

  await page.selectOption('#samples', 'nat-gateway');
  await page.click('[data-line="2"] [data-field="dstaddr"] button');
  assert.match(await page.locator('[data-story="2"]').innerText(), /middle hop/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language choice is remembered across visits', async () => {
  const { page, context, errors } = await h.open({ locale: 'en-US' });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('.lang-switch button[lang="ja"]');
  await page.reload();
  await page.waitForSelector('textarea#input');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  assert.match(await page.locator('h1').innerText(), /デコーダー/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('arrow keys move between table cells; focus is visible', async () => {
  const { page, context, errors } = await h.open();
  await page.fill('textarea#input', `${LINE}\nnot a record\n${LINE}`);
  await page.locator('[data-line="3"][data-status="ok"]').waitFor();
  await page.focus('[data-line="1"] [data-field="srcaddr"] button');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.closest('td').dataset.field), 'dstaddr');
  await page.keyboard.press('ArrowDown');
  const active = await page.evaluate(() => {
    const td = document.activeElement.closest('td');
    return [td.dataset.field, td.closest('tr').dataset.line, getComputedStyle(document.activeElement).outlineStyle];
  });
  assert.deepEqual(active, ['dstaddr', '3', 'solid']);
  await page.keyboard.press('Enter');
  assert.match(await page.locator('[data-explain="dstaddr"]').innerText(), /Destination address/);
  assert.equal(await page.evaluate(() => document.activeElement.closest('td')?.dataset.field), 'dstaddr', 'focus stays on the cell');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page carries a CSP that allows only its own origin, and has no inline script', async () => {
  const { page, context } = await h.open();
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:|\*/);
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
  assert.equal(inline, 0);
  // The policy is enforced: an injected inline script does not run.
  const ran = await page.evaluate(() => {
    window.__ran = false;
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
    return window.__ran;
  });
  assert.equal(ran, false);
  const manifest = await page.getAttribute('link[rel="manifest"]', 'href');
  const body = await (await page.request.get(new URL(manifest, page.url()).href)).json();
  assert.equal(body.start_url, './');
  await context.close();
});

test('after the first visit the app reloads and decodes with the network off', async () => {
  // Routing is off here: Playwright's routing would bypass the service worker.
  const { page, context, requests, offOrigin, errors } = await h.open({ block: false, locale: 'ja-JP', colorScheme: 'dark' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys.find((k) => k.startsWith('vpc-flowlog-decoder-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.some((p) => p.endsWith('.wasm')), `${cached}`);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('textarea#input');
  await page.fill('textarea#input', LINE);
  const record = page.locator('[data-line="1"][data-status="ok"]');
  await record.waitFor();
  assert.match(await record.locator('[data-field="protocol"]').innerText(), /UDP/);
  assert.match(await record.locator('[data-field="action"]').innerText(), /許可/);
  await page.screenshot({ path: path.join(SHOTS, 'offline-ja-dark.png'), fullPage: true });
  assert.deepEqual(offOrigin, []);
  assert.ok(requests.length > 0);
  // Errors the browser logs for the failed network fetch of the page while offline are expected.
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('screenshots in both languages and both themes', async () => {
  for (const [locale, lang] of [['en-US', 'en'], ['ja-JP', 'ja']]) {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context, errors } = await h.open({ locale, colorScheme });
      await page.selectOption('#samples', 'v5-header');
      await page.click('[data-line="3"] [data-field="traffic-path"] button');
      await page.locator('[data-explain="traffic-path"]').waitFor();
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg === 'rgb(246, 247, 249)', colorScheme === 'light', `${colorScheme}: ${bg}`);
      await page.screenshot({ path: path.join(SHOTS, `story-${lang}-${colorScheme}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('served as a host should: precompressed copies, application/wasm, long cache only for hashed files, CSP header', async () => {
  const { page, context, requests } = await h.open();
  const wasm = requests.find((u) => /vpc-flowlog-decoder-[0-9a-f]{10,16}_bg\.wasm$/.test(u));
  assert.ok(wasm, requests.join('\n'));
  const get = (url, encoding) => page.request.get(url, { headers: { 'accept-encoding': encoding } });
  const br = await get(wasm, 'br, gzip');
  assert.equal(br.headers()['content-encoding'], 'br');
  assert.equal(br.headers()['content-type'], 'application/wasm');
  assert.equal(br.headers()['cache-control'], 'public, max-age=31536000, immutable');
  const plain = await get(wasm, 'identity');
  assert.equal(plain.headers()['content-encoding'], undefined);
  // The brotli copy is the same file, smaller.
  const file = path.join(DIST, new URL(wasm).pathname.split('/').pop());
  const original = fs.readFileSync(file);
  assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(file + '.br')), original);
  assert.deepEqual(zlib.gunzipSync(fs.readFileSync(file + '.gz')), original);
  assert.ok(fs.statSync(file + '.br').size < original.length / 2);
  for (const unhashed of ['', 'index.html', 'sw.js', 'flowlog-worker_bg.wasm']) {
    const r = await get(h.server.url + unhashed, 'gzip');
    assert.equal(r.status(), 200, unhashed);
    assert.equal(r.headers()['cache-control'], 'no-cache', unhashed);
  }
  // Every file the build named by its content (trunk's hashes, which drop leading zeros,
  // and the start-up script's) is cached for a year; every other file is checked each time.
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const start = html.match(/src="\.\/(start-[^"]+)"/)[1];
  const named = new Set([start, ...[...html.matchAll(/href="\.\/([^"]+)"[^>]*integrity=/g)].map((m) => m[1])]);
  for (const m of fs.readFileSync(path.join(DIST, start), 'utf8').matchAll(/'\.\/([^']+)'/g)) named.add(m[1]);
  assert.ok(named.size >= 7, [...named].join(' '));
  for (const f of fs.readdirSync(DIST).filter((f) => !/\.(br|gz)$/.test(f))) {
    const cache = headersFor(f)['cache-control'];
    assert.equal(cache, named.has(f) ? 'public, max-age=31536000, immutable' : 'no-cache', f);
  }
  const index = await get(h.server.url, 'gzip');
  assert.match(index.headers()['content-security-policy'], /default-src 'self'.*frame-ancestors 'none'/);
  await context.close();
});
