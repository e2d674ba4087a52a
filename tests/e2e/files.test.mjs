// End-to-end tests of whole files on the built dist/: open a generated .log.gz (with a
// header line, bad lines and several formats of trouble), then counts, filter, sort,
// summary, export, and hostile files (a gzip bomb, a damaged gzip, invalid UTF-8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import path from 'node:path';

import { harness, settled, LINE, SHOTS } from './harness.mjs';

const h = harness();

/** A deterministic v2 log: `n` records, every 7th REJECT, every 500th line broken. */
function log(n) {
  const lines = ['version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status'];
  for (let i = 1; i <= n; i++) {
    if (i % 500 === 0) {
      lines.push(`2 123456789012 eni-broken ${i}`);
      continue;
    }
    const reject = i % 7 === 0;
    const port = [22, 443, 80, 53][i % 4];
    const proto = port === 53 ? 17 : 6;
    lines.push(
      `2 123456789012 eni-0a1b2c3d${i % 3} 10.0.${i % 256}.${(i * 7) % 250 + 1} 203.0.113.${i % 200 + 1} ${40000 + (i % 20000)} ${port} ${proto} ${i % 9 + 1} ${(i % 9 + 1) * 100} ${1621259323 + i} ${1621259383 + i} ${reject ? 'REJECT' : 'ACCEPT'} OK`,
    );
  }
  return lines.join('\n') + '\n';
}

test('a dropped .log.gz decodes: counts, bad lines listed, filter, sort, summary, export', async () => {
  // (No service worker: what the server sends is what the page and its workers asked for.)
  const { page, context, offOrigin, errors } = await h.open({ before: () => {} });
  const n = 5000;
  const gz = zlib.gzipSync(Buffer.from(log(n)));
  // The file worker inflates gzip on a second thread (its helper, a worker of its own)
  // while it indexes.
  const served = h.server.served.length;
  await page.setInputFiles('#file', { name: '123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20210517T1345Z_fe123456.log.gz', mimeType: 'application/gzip', buffer: gz });
  await page.locator('[data-files]').waitFor();
  const helper = h.server.served.slice(served).filter((r) => r.endsWith('/flowlog-inflate.js'));
  assert.deepEqual(helper, ['200 /team/decoder/flowlog-inflate.js'], 'the file worker loaded its helper');
  const records = n - n / 500;
  assert.equal(await page.locator('[data-sum="records"]').innerText(), records.toLocaleString('en-US'));
  assert.equal(await page.locator('[data-sum="errors"]').innerText(), String(n / 500));
  assert.equal(await page.locator('[data-sum="rejected"]').innerText(), String([...Array(n).keys()].map((i) => i + 1).filter((i) => i % 7 === 0 && i % 500 !== 0).length));
  assert.match(await page.locator('[data-count="shown"]').innerText(), /^5,000 shown of 5,000$/);
  // Bad lines are listed with their line numbers (line 1 is the header).
  assert.match(await page.locator('.summary-panel__errors summary').innerText(), /10$/);
  assert.equal(await page.locator('.summary-panel__errors [data-error-line="501"]').count(), 1);
  // Only the visible rows are in the DOM.
  const rendered = await page.locator('tr.big-view__row').count();
  assert.ok(rendered > 5 && rendered < 200, `${rendered} rows rendered`);

  // How to filter: an example of each kind of term, folded until asked for.
  const help = page.locator('[data-filter-help]');
  assert.equal(await help.locator('dl').isVisible(), false);
  await help.locator('summary').click();
  assert.equal(await help.locator('dt').count(), 11);
  assert.match(await help.innerText(), /dstport:443\s+any field by its name/);

  await page.fill('#filter', 'action:reject port:22');
  await page.waitForFunction(() => !document.querySelector('[data-count="shown"]').innerText.startsWith('5,000'));
  const shown = Number((await page.locator('[data-count="shown"]').innerText()).split(' ')[0].replace(/,/g, ''));
  const want = [...Array(n).keys()].map((i) => i + 1).filter((i) => i % 7 === 0 && i % 4 === 0 && i % 500 !== 0).length;
  assert.equal(shown, want);
  assert.equal(await page.locator('[data-sum="accepted"]').innerText(), '0');
  assert.match(await page.locator('[data-sum="ports"] li').first().innerText(), /^22 /);
  await settled(page);
  const firstRow = page.locator('tr.big-view__row').first();
  assert.equal(await firstRow.locator('[data-field="action"]').getAttribute('data-raw'), 'REJECT');

  await page.fill('#filter', 'errors');
  await page.waitForFunction(() => document.querySelector('[data-count="shown"]').innerText.startsWith('10 '));
  assert.match(await page.locator('tr.big-view__row[data-status="error"]').first().innerText(), /expected 14 fields/);

  await page.fill('#filter', 'port:53');
  await page.click('[data-sort="bytes"]');
  await settled(page);
  await page.click('[data-sort="bytes"]');
  await settled(page);
  const bytes = await page.locator('tr.big-view__row [data-field="bytes"]').evaluateAll((cells) => cells.slice(0, 5).map((c) => Number(c.dataset.raw)));
  assert.deepEqual(bytes, [...bytes].sort((a, b) => b - a));
  assert.equal(bytes[0], 900);

  const download = page.waitForEvent('download');
  await page.click('[data-export="csv"]');
  const file = await download;
  const csv = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
  const rows = csv.trim().split('\n');
  assert.equal(rows[0].split(',')[0], 'line');
  assert.equal(rows.length - 1, Number((await page.locator('[data-count="shown"]').innerText()).split(' ')[0].replace(/,/g, '')));
  assert.ok(rows.slice(1).every((r) => r.split(',')[7] === '53'));

  await page.click('[data-line="' + (await page.locator('tr.big-view__row').first().getAttribute('data-line')) + '"] [data-field="dstport"] button');
  assert.match(await page.locator('[data-explain="dstport"]').innerText(), /DNS/);
  // The clicked cell keeps focus: re-renders of the virtual table keep its elements.
  assert.equal(await page.evaluate(() => document.activeElement.closest('td')?.dataset.field), 'dstport');
  await page.screenshot({ path: path.join(SHOTS, 'file-en-light.png'), fullPage: false });
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a .log.gz opens when the file worker cannot start its inflating helper (inflated in the worker itself)', async () => {
  const { page, context, errors } = await h.open({
    before: (c) => c.route('**/flowlog-inflate.js', (route) => route.abort()),
  });
  const n = 3000;
  await page.setInputFiles('#file', { name: 'a.log.gz', mimeType: 'application/gzip', buffer: zlib.gzipSync(Buffer.from(log(n))) });
  await page.locator('[data-sum="records"]').waitFor();
  assert.equal(await page.locator('[data-sum="records"]').innerText(), (n - n / 500).toLocaleString('en-US'));
  assert.match(await page.locator('[data-count="shown"]').innerText(), /^3,000 shown of 3,000$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile files: a gzip bomb stops at the limit, damaged gzip and invalid UTF-8 say so', async () => {
  const { page, context, errors } = await h.open();
  // 2 GiB of zeros would exceed the 512 MiB limit; ~2 MB compressed.
  const bomb = zlib.gzipSync(Buffer.alloc(1 << 30, 0x30), { level: 9 });
  const twice = Buffer.concat([bomb, bomb]);
  await page.setInputFiles('#file', { name: 'bomb.log.gz', mimeType: 'application/gzip', buffer: twice });
  await page.locator('[data-notice="file-error"]').waitFor({ timeout: 60000 });
  assert.match(await page.locator('[data-notice="file-error"]').innerText(), /bomb\.log\.gz\s*: it expands to more than 512 MiB; stopped there/);
  assert.equal(await page.locator('[data-files]').count(), 0);

  const good = zlib.gzipSync(Buffer.from('2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK\n'.repeat(50)));
  await page.setInputFiles('#file', { name: 'cut.log.gz', mimeType: 'application/gzip', buffer: good.subarray(0, good.length - 10) });
  await page.locator('[data-notice="file-error"]').filter({ hasText: 'cut.log.gz' }).waitFor();
  assert.match(await page.locator('[data-notice="file-error"]').innerText(), /damaged or cut short/);

  const bad = Buffer.concat([Buffer.from('2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK\n'), Buffer.from([0xff, 0xfe]), Buffer.from(' junk\n')]);
  await page.setInputFiles('#file', { name: 'binary.log', mimeType: 'text/plain', buffer: bad });
  await page.locator('[data-notice="invalid-utf8"]').waitFor();
  assert.match(await page.locator('[data-notice="invalid-utf8"]').innerText(), /binary\.log\s*: .* 63$/);
  assert.equal(await page.locator('[data-sum="records"]').innerText(), '1');
  assert.equal(await page.locator('[data-sum="errors"]').innerText(), '1');
  await page.click('text=Close files');
  assert.equal(await page.locator('textarea#input').isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('decoding runs in a web worker: the page answers at once, shows progress and the first lines, and can cancel', async () => {
  const { page, context, errors } = await h.open();
  const big = Buffer.from(log(400000));
  await page.setInputFiles('#file', { name: 'big.log', mimeType: 'text/plain', buffer: big });
  await page.locator('[data-notice="progress"]').waitFor();
  // The first lines are shown (decoded, read-only) while the rest is read.
  const preview = page.locator('[data-preview]');
  await preview.locator('tr[data-line="2"][data-status="ok"]').waitFor();
  assert.match(await preview.locator('.preview__title').innerText(), /big\.log$/);
  assert.equal(await preview.locator('tr[data-line="2"] [data-field="dstport"]').getAttribute('data-raw'), '443');
  assert.match(await preview.locator('tr[data-line="2"] [data-field="dstport"]').innerText(), /HTTPS/);
  assert.equal(await preview.locator('tr[data-line]').count(), 20);
  // Nothing to explain yet: no panel asking to select a value of the read-only lines,
  // and no count of records until there are some (not "0 records").
  assert.equal(await page.locator('aside.explain').count(), 0);
  assert.equal(await page.locator('[data-count="records"]').count(), 0);
  // The main thread is free while the worker decodes.
  const t0 = Date.now();
  await page.evaluate(() => 1 + 1);
  assert.ok(Date.now() - t0 < 250, `the page took ${Date.now() - t0} ms to answer`);
  await page.click('[data-cancel]');
  assert.equal(await page.locator('[data-notice="progress"]').count(), 0);
  assert.equal(await preview.count(), 0, 'the preview goes with the cancelled load');
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('[data-files]').count(), 0, 'a cancelled load must not appear');
  // And a second load runs to the end.
  await page.setInputFiles('#file', { name: 'big.log', mimeType: 'text/plain', buffer: big });
  await page.locator('[data-files]').waitFor({ timeout: 60000 });
  assert.equal(await page.locator('[data-sum="records"]').innerText(), (400000 - 800).toLocaleString('en-US'));
  assert.equal(await preview.count(), 0, 'the open file replaces its preview');
  await page.locator('aside.explain').waitFor();
  assert.equal(await page.locator('[data-count="records"]').innerText(), `${(400000 - 800).toLocaleString('en-US')} records`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('several files at once: a two-member .log.gz, CloudWatch JSON and CSV; a typed format re-indexes them in the worker', async () => {
  const { page, context, offOrigin, errors } = await h.open();
  const header = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n';
  // Two gzip members, as some writers produce: the browser's reader stops after the first,
  // so the worker must notice (size trailer) and read the file again with flate2.
  const twoMembers = Buffer.concat([zlib.gzipSync(Buffer.from(header + `${LINE}\n`.repeat(3))), zlib.gzipSync(Buffer.from(`${LINE}\n`.repeat(2)))]);
  const json = JSON.stringify({ events: [{ timestamp: 1, message: LINE }, { timestamp: 2, message: LINE }] });
  const csv = `timestamp,message\n1621259323000,"${LINE}"\n`;
  await page.setInputFiles('#file', [
    { name: 'two-members.log.gz', mimeType: 'application/gzip', buffer: twoMembers },
    { name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) },
    { name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
  ]);
  await page.locator('[data-files]').waitFor();
  assert.match(await page.locator('[data-files]').innerText(), /two-members\.log\.gz.*export\.json.*export\.csv/s);
  await page.locator('[data-sum="records"]').waitFor();
  assert.equal(await page.locator('[data-sum="records"]').innerText(), '8');
  assert.equal(await page.locator('[data-sum="errors"]').innerText(), '0');
  await settled(page);
  assert.match(await page.locator('[data-count="shown"]').innerText(), /^8 shown of 8$/);

  // A format typed while files are open: the worker indexes them again with it.
  await page.fill('input#format', '${srcaddr} ${dstaddr}');
  await page.waitForFunction(() => document.querySelector('[data-sum="records"]')?.innerText === '0');
  assert.equal(await page.locator('[data-sum="errors"]').innerText(), '8');
  await page.fill('input#format', '');
  await page.waitForFunction(() => document.querySelector('[data-sum="records"]')?.innerText === '8');
  await settled(page);
  assert.equal(await page.locator('tr.big-view__row[data-status="ok"]').count(), 8);
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(errors, []);
  await context.close();
});
