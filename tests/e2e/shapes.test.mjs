// Whatever people have in hand decodes: every case of tests/data/shapes/cases.json (the
// examples of shared/spec/input-shapes.md) pasted into the page, and dropped as a file
// where the shape is a file. The native tests (tests/shapes.rs) read the same cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { harness, settled, ROOT, SHOTS } from './harness.mjs';

const h = harness();
const CASES = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/shapes/cases.json'), 'utf8'));

/** The values of the first record shown (card, table or large view). */
async function firstRecord(page) {
  const row = page.locator('article.record-card[data-status], tr[data-status="ok"]').first();
  return row.locator('[data-field]').evaluateAll((els) => els.map((e) => e.dataset.raw).join(' '));
}

/** The note above the results names the case's wrapper (when it has one). */
async function assertNamed(page, c) {
  if (!c.shape) return;
  const named = await page.locator('[data-unwrapped]').evaluateAll((els) => els.map((e) => e.dataset.unwrapped).join(' '));
  assert.ok(named.split(' ').includes(c.shape), `${c.name}: ${c.shape} not in "${named}"`);
}

async function recordCount(page) {
  const text = await page.locator('[data-count="records"]').innerText();
  return Number(text.split(' ')[0].replace(/,/g, ''));
}

test('every catalogue shape decodes when pasted', async () => {
  const { page, context, offOrigin, errors } = await h.open();
  for (const c of CASES.filter((c) => c.text !== undefined)) {
    // A blank first, so that each case renders afresh.
    await page.fill('textarea#input', '');
    await page.fill('textarea#input', c.text);
    await page.waitForFunction(
      (n) => {
        const el = document.querySelector('[data-count="records"]');
        return el && el.innerText.startsWith(`${n} `);
      },
      c.records,
    );
    assert.equal(await recordCount(page), c.records, c.name);
    assert.equal(await page.locator('[data-count="errors"]').innerText().then((t) => t.split(' ')[0]), '0', `${c.name}: errors`);
    if (c.first) {
      assert.equal(await firstRecord(page), c.first, `${c.name}: first record`);
      if (c.records > 1) {
        const at = await page.locator('tr[data-status="ok"]').first().getAttribute('data-at');
        assert.equal(Number(at), c.at, `${c.name}: input line`);
      }
    }
    // A text area turns lone CRs into line feeds (HTML's value normalisation): that
    // shape is only seen in files.
    if (c.shape !== 'CrLineEnds') await assertNamed(page, c);
  }
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('every catalogue shape that comes as a file decodes when dropped', async () => {
  for (const c of CASES.filter((c) => c.file)) {
    const { page, context, offOrigin, errors } = await h.open();
    const buffer = c.bytes_b64 !== undefined ? Buffer.from(c.bytes_b64, 'base64') : Buffer.from(c.text, 'utf8');
    await page.setInputFiles('#file', { name: c.file, mimeType: 'application/octet-stream', buffer });
    await page.locator('[data-files]').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-sum="records"]'));
    assert.equal(await page.locator('[data-sum="records"]').innerText(), String(c.records), c.name);
    if (c.first) {
      await page.locator('tr.big-view__row[data-status="ok"]').first().waitFor();
      assert.equal(await firstRecord(page), c.first, `${c.name}: first record`);
    }
    await assertNamed(page, c);
    assert.deepEqual(offOrigin, []);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the seed line from the Japanese console decodes into 14 fields, in English and Japanese', async () => {
  const seed = CASES.find((c) => c.name === 'console-seed-ja');
  for (const [locale, colorScheme, shot] of [['en-US', 'light', 'seed-console-en.png'], ['ja-JP', 'dark', 'seed-console-ja.png']]) {
    const { page, context, errors } = await h.open({ locale, colorScheme });
    await page.fill('textarea#input', seed.text);
    const card = page.locator('article.record-card[data-status="ok"]');
    await card.waitFor();
    assert.equal(await card.locator('[data-field]').count(), 14);
    assert.equal(await firstRecord(page), seed.first);
    const note = await page.locator('.unwrap-note').innerText();
    if (locale === 'ja-JP') {
      assert.match(note, /1 件のレコードを見つけました。CloudWatch コンソールからのコピー：/);
      // The masked start is recovered from the console's timestamp.
      assert.match(await card.locator('[data-field="start"]').innerText(), /2021-05-17 13:48:43 UTC/);
    } else {
      assert.match(note, /^Found 1 record in: CloudWatch console copy: removed 1 line of column headers and decoration, 1 event timestamp/);
      assert.match(await card.locator('[data-field="start"]').innerText(), /start was 2021-05-17 13:48:43 UTC/);
    }
    await page.screenshot({ path: path.join(SHOTS, shot), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a whole folder opens: flow log files read with their S3 key facts, other files listed as not read', async () => {
  const os = await import('node:os');
  const zlib = await import('node:zlib');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowlogs-'));
  const day = path.join(dir, 'AWSLogs', '123456789012', 'vpcflowlogs', 'us-east-1', '2025', '03', '21');
  fs.mkdirSync(day, { recursive: true });
  const s3 = CASES.find((c) => c.name === 's3-log-gz');
  fs.writeFileSync(path.join(day, s3.file), Buffer.from(s3.bytes_b64, 'base64'));
  const firehose = CASES.find((c) => c.name === 'fh-direct-s3-object');
  fs.mkdirSync(path.join(dir, 'firehose'));
  fs.writeFileSync(path.join(dir, 'firehose', 'stream-2026-04-14-04-15-19-0d5a'), Buffer.from(firehose.bytes_b64, 'base64'));
  fs.writeFileSync(path.join(dir, 'firehose', 'broken.log.gz'), zlib.gzipSync(Buffer.from('x'.repeat(1000))).subarray(0, 20));
  fs.writeFileSync(path.join(dir, 'aws-logs-write-test'), 'Permission Check Successful');
  const hive = path.join(dir, 'AWSLogs', 'aws-account-id=123456789012', 'aws-service=vpcflowlogs', 'aws-region=eu-west-1', 'year=2024', 'month=03', 'day=05', 'hour=07');
  fs.mkdirSync(hive, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'tests/data/parquet/aws-v2-gzip.log.parquet'), path.join(hive, 'x.log.parquet'));
  fs.writeFileSync(path.join(dir, 'diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

  const { page, context, offOrigin, errors } = await h.open();
  await page.setInputFiles('#folder', dir);
  await page.locator('[data-files]').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-sum="records"]'));
  assert.equal(await page.locator('[data-sum="records"]').innerText(), String(s3.records + firehose.records + 10));
  assert.match(await page.locator('.unwrap-note').innerText(), /x\.log\.parquet: Found 10 records from 3 wrappers in: Parquet file → S3 object key; S3 key: account 123456789012, Region eu-west-1, period 2024-03-05T07Z/);
  const base = path.basename(dir);
  const s3Row = page.locator(`[data-file="${base}/AWSLogs/123456789012/vpcflowlogs/us-east-1/2025/03/21/${s3.file}"]`);
  assert.match(await s3Row.innerText(), /2 records, 0 with errors/);
  assert.match(await page.locator(`[data-file="${base}/firehose/broken.log.gz"]`).innerText(), /gzip data is damaged/);
  assert.equal(await page.locator('[data-file][data-skipped]').count(), 2);
  // What the S3 key says about the file.
  assert.match(await page.locator('.unwrap-note').innerText(), /account 123456789012, Region us-east-1, flow log fl-1234abcd/);
  await page.screenshot({ path: path.join(SHOTS, 'folder-en.png'), fullPage: true });
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(dir, { recursive: true });
});

test('Parquet files from S3 (written by pyarrow: gzip and snappy pages, nulls, several row groups) open', async () => {
  // Without the service worker, which caches every file for offline use after the first
  // visit: the page itself must not load the Parquet reader before a Parquet file comes.
  const { page, context, offOrigin, errors, requests } = await h.open({ before: async () => {} });
  const dir = path.join(ROOT, 'tests/data/parquet');
  const files = ['aws-v2-gzip.log.parquet', 'aws-v5-snappy.log.parquet'];
  const texts = files.map((f) => fs.readFileSync(path.join(dir, `${f}.txt`), 'utf8').trimEnd().split('\n'));
  // The Parquet reader is not loaded until a Parquet file arrives.
  assert.ok(!requests.some((u) => u.includes('flowlog-parquet')), 'loaded before it was needed');
  await page.setInputFiles('#file', files.map((name) => ({ name, mimeType: 'application/octet-stream', buffer: fs.readFileSync(path.join(dir, name)) })));
  await page.locator('[data-files]').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-sum="records"]'));
  const rows = texts.reduce((n, t) => n + t.length - 1, 0);
  assert.equal(await page.locator('[data-sum="records"]').innerText(), String(rows));
  assert.equal(await page.locator('[data-sum="errors"]').innerText(), '0');
  assert.ok(requests.some((u) => u.includes('flowlog-parquet')), 'the Parquet reader was loaded');
  await settled(page);
  assert.equal(await firstRecord(page), texts[0][1]);
  const notes = await page.locator('.unwrap-note').innerText();
  assert.match(notes, /aws-v2-gzip\.log\.parquet: Found 10 records from 3 wrappers in: Parquet file/);
  // A damaged Parquet file says so, and the page works on.
  const cut = fs.readFileSync(path.join(dir, files[0])).subarray(0, 3000);
  await page.setInputFiles('#file', { name: 'cut.log.parquet', mimeType: 'application/octet-stream', buffer: Buffer.concat([cut, Buffer.from('PAR1')]) });
  await page.locator('[data-notice="file-error"]').waitFor();
  assert.match(await page.locator('[data-notice="file-error"]').innerText(), /cut\.log\.parquet\s*: the Parquet file could not be read \(/);
  await page.screenshot({ path: path.join(SHOTS, 'parquet-en.png'), fullPage: true });
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a field newer than this page keeps its column, shown by its name and flagged', async () => {
  const { page, context, errors } = await h.open();
  const header = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status nat-gateway-id';
  await page.fill('textarea#input', `${header}\n2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK nat-0abc`);
  const card = page.locator('article.record-card[data-status="ok"]');
  await card.waitFor();
  const row = card.locator('[data-field="unknown-field"]');
  assert.match(await row.innerText(), /nat-gateway-id/);
  assert.match(await row.innerText(), /Unknown field — newer than this page\?/);
  assert.equal(await row.getAttribute('data-raw'), 'nat-0abc');
  await page.fill('#format', header);
  assert.equal(await page.locator('[data-unknown-fields]').getAttribute('data-unknown-fields'), 'nat-gateway-id');
  assert.deepEqual(errors, []);
  await context.close();
});
