// Hostile input in the page: huge pastes, a 10 MB line, binary garbage, markup, and an
// absurd share fragment each give a clear result and a page that still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { harness, LINE } from './harness.mjs';

const h = harness();

/** Sets the paste box as a paste would (an input event), with text made in the page. */
/**
 * Pastes the text `make` returns into the text area. Over 1 MiB it is a paste event
 * (as a user's paste is): the app takes it without putting it in the text area.
 */
async function pasteMade(page, make) {
  await page.evaluate((src) => {
    const text = new Function(src)();
    const area = document.querySelector('textarea#input');
    if (text.length > 1 << 20) {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      return;
    }
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, make);
}

async function stillWorks(page) {
  await page.click('#samples');
  await page.selectOption('#samples', 'accepted');
  await page.locator('[data-line="1"][data-status="ok"]').waitFor();
}

test('a 100 MB paste goes to the large view and stays usable', async () => {
  const { page, context, errors } = await h.open();
  const line = JSON.stringify(LINE + '\n');
  await pasteMade(page, `return ${line}.repeat(Math.ceil(100e6 / ${line}.length));`);
  await page.locator('[data-count="shown"]').waitFor({ timeout: 120000 });
  const n = Math.ceil(100e6 / (LINE.length + 1));
  assert.equal(await page.locator('[data-sum="records"]').innerText(), n.toLocaleString('en-US'));
  // Folded away, not laid out in the text area.
  assert.equal(await page.locator('textarea#input').isVisible(), false);
  assert.match(await page.locator('[data-pasted]').innerText(), new RegExp(`95\\.4 MiB, ${n.toLocaleString('en-US')} lines`));
  // A million records on the page's own thread: the analysis across records waits for its
  // button instead of holding the page.
  assert.equal(await page.locator('[data-across-start]').count(), 1);
  assert.match(await page.locator('[data-across-start]').innerText(), new RegExp(n.toLocaleString('en-US')));
  await page.fill('#filter', 'port:123');
  await page.waitForFunction(() => document.querySelector('[data-count="shown"]').innerText.length > 0);
  await stillWorks(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a single 10 MB line is one clear error, not a frozen page', async () => {
  const { page, context, errors } = await h.open();
  await pasteMade(page, "return 'A'.repeat(10 * 1024 * 1024);");
  await page.locator('[data-line="1"][data-status="error"]').waitFor();
  assert.match(await page.locator('[data-line="1"]').innerText(), /expected 14 fields \(default format\), found 1/);
  await pasteMade(page, "return ('x y '.repeat(5 * 1024 * 1024));");
  await page.locator('[data-line="1"][data-status="error"]').waitFor();
  assert.match(await page.locator('[data-line="1"]').innerText(), /found 10485760/);
  await stillWorks(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a large paste is folded; its text can be shown; a paste inside text goes at the cursor', async () => {
  const { page, context, errors } = await h.open();
  await page.fill('textarea#input', 'AB');
  await page.evaluate(() => document.querySelector('textarea#input').setSelectionRange(1, 1));
  const line = JSON.stringify(LINE + '\n');
  await pasteMade(page, `return '\\n' + ${line}.repeat(12000);`);
  await page.locator('[data-pasted]').waitFor();
  await page.click('[data-pasted] button');
  const value = await page.locator('textarea#input').inputValue();
  assert.equal(value.length, 2 + 1 + (LINE.length + 1) * 12000);
  assert.ok(value.startsWith('A\n' + LINE) && value.endsWith('\nB'));
  await page.locator('[data-count="shown"]').waitFor();
  assert.equal(await page.locator('[data-sum="records"]').innerText(), '12,000');
  assert.equal(await page.locator('[data-sum="errors"]').innerText(), '2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('binary garbage and markup are shown as text', async () => {
  const { page, context, errors } = await h.open();
  await pasteMade(
    page,
    "let s = ''; for (let i = 0; i < 20000; i++) s += String.fromCharCode((i * 7919) % 65533); return s + '\\n<img src=x onerror=alert(1)> <script>alert(2)</script>';",
  );
  await page.locator('[data-status="error"]').first().waitFor();
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.locator('.app script').count(), 0);
  await stillWorks(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an absurd share fragment is refused with a message', async () => {
  const { page, context, errors } = await h.open({ hash: '#s1=' + 'A_-'.repeat(400000) });
  assert.match(await page.locator('[data-notice="bad-link"]').innerText(), /(cut short|damaged|too long)/);
  await stillWorks(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('query at scale: Athena DDL and Logs Insights follow the format; ECS/OCSF names shown and exported', async () => {
  const { page, context, errors } = await h.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.selectOption('#samples', 'v5-header');
  await page.click('.beyond summary');
  const ddl = await page.locator('[data-beyond="athena"]').innerText();
  assert.match(ddl, /^CREATE EXTERNAL TABLE IF NOT EXISTS vpc_flow_logs \(\n {2}version int,\n {2}srcaddr string,/);
  assert.match(ddl, /traffic_path int,\n {2}flow_direction string,\n {2}log_status string\n\)/);
  assert.match(ddl, /'skip.header.line.count' = '1'/);
  const insights = await page.locator('[data-beyond="insights"]').innerText();
  assert.match(insights, /\| parse @message "(\* ){28}\*" as version, srcaddr, dstaddr/);
  await page.click('[data-copy="athena"]');
  await page.locator('[data-notice="copied"]').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), ddl);
  // The three S3 layouts AWS documents, chosen in the page.
  assert.match(ddl, /PARTITIONED BY \(aws_region string, day string\)/);
  await page.selectOption('#athena-layout', { index: 1 });
  assert.match(await page.locator('[data-beyond="athena"]').innerText(), /aws-region=\$\{aws_region\}\/year=\$\{year\}\/month=\$\{month\}\/day=\$\{day\}\/hour=\$\{hour\}/);
  await page.selectOption('#athena-layout', { index: 2 });
  assert.match(await page.locator('[data-beyond="athena"]').innerText(), /ROW FORMAT SERDE 'org\.apache\.hadoop\.hive\.ql\.io\.parquet\.serde\.ParquetHiveSerDe'/);

  await page.click('[data-line="2"] [data-field="srcaddr"] button');
  assert.equal(await page.locator('[data-explain="srcaddr"] [data-name="ecs"]').innerText(), 'source.ip');
  assert.equal(await page.locator('[data-explain="srcaddr"] [data-name="ocsf"]').innerText(), 'src_endpoint.ip');

  const line = '2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK\n';
  await page.setInputFiles('#file', { name: 'x.log', mimeType: 'text/plain', buffer: Buffer.from(line.repeat(3)) });
  await page.locator('[data-files]').waitFor();
  for (const [which, key, value] of [['ecs', 'source.ip', '203.0.113.12'], ['ocsf', 'src_endpoint.ip', '203.0.113.12']]) {
    const download = page.waitForEvent('download');
    await page.click(`[data-export="${which}"]`);
    const file = await download;
    const body = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
    const rows = body.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, 3);
    // Nested as the schemas are, numbers as numbers.
    assert.equal(key.split('.').reduce((o, k) => o?.[k], rows[0]), value);
    if (which === 'ecs') {
      assert.equal(rows[0].source.port, 123);
      assert.equal(rows[0]['@timestamp'], '2021-05-17T13:49:43.000Z');
      assert.match(rows[0].network.community_id, /^1:[A-Za-z0-9+/]{27}=$/);
    } else {
      assert.equal(rows[0].time, 1621259323000);
      assert.equal(rows[0].class_uid, 4001);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a background reader (a worker) that fails, is from another version, or talks nonsense is said, and the page works on', async () => {
  const fakes = {
    // Fails to load.
    stopped: null,
    // An old cached worker of another deployment, from before messages were typed values.
    version: `postMessage({ json: JSON.stringify({ ready: { protocol: 1 } }) });`,
    // A worker of another deployment that speaks today's envelope.
    newer: `postMessage({ msg: { ready: { protocol: 1n } } });`,
    // Sends what the page cannot read.
    garbled: `postMessage({ json: '{"nonsense":' });`,
  };
  const want = {
    stopped: /The background reader \(files, and the analysis of a paste\) stopped: it may have run out of memory, or could not start/,
    version: /come from different versions of the site .*reload the page/,
    newer: /come from different versions of the site .*reload the page/,
    garbled: /sent a message this page cannot read/,
  };
  for (const [kind, body] of Object.entries(fakes)) {
    const { page, context, errors } = await h.open({
      before: (context) =>
        context.route('**/flowlog-worker_loader.js', (route) =>
          body === null ? route.abort() : route.fulfill({ contentType: 'text/javascript', body }),
        ),
    });
    await page.setInputFiles('#file', { name: 'a.log', mimeType: 'text/plain', buffer: Buffer.from(LINE + '\n') });
    const notice = page.locator('[data-notice="worker-fault"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), want[kind], kind);
    // The page still decodes what is pasted; the paste's analysis (a worker too) fails
    // the same way and is offered again, not left waiting.
    await page.fill('textarea#input', LINE);
    await page.locator('[data-line="1"][data-status="ok"]').waitFor();
    await page.locator('[data-across] [data-across-start]').waitFor();
    assert.match(await notice.innerText(), want[kind], kind);
    assert.deepEqual(errors.filter((e) => !/flowlog-worker_loader|Failed to load|net::ERR/.test(e)), [], kind);
    await context.close();
  }
});

test('a share link whose format holds a 16 MiB token opens without freezing the page', async () => {
  const zlib = await import('node:zlib');
  const token = 'a'.repeat(16 * 1024 * 1024 - 1024);
  const payload = `version ${token}\n${LINE}`;
  const link = '#s1=' + zlib.deflateRawSync(Buffer.from(payload), { level: 9 }).toString('base64url');
  const { page, context, errors } = await h.open({ hash: link });
  // The format box says what is wrong (no search for a near miss of a 16 MiB name).
  const error = page.locator('#format-error');
  await error.waitFor();
  assert.match(await error.innerText(), /field 2: expected a flow log field name, found `a+…?`/);
  assert.ok((await error.innerText()).length < 1000, 'the token is not shown whole');
  await stillWorks(page);
  assert.deepEqual(errors, []);
  await context.close();
});
