// Learn mode: every lesson is reachable by its link, shows its records as labeled lines
// with its subject marked, takes an answer and explains it; progress stays in the
// browser; lessons work offline and in Japanese; a lesson's records open in the decoder.
// The expected answers and explanations are written here from shared/spec, not read
// from the app's tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { axeViolations, harness, holdWasm, SHOTS } from './harness.mjs';

const h = harness();
// n: [title, records shown, marked fields, the right answer, words the explanation must hold]
const LESSONS = {
  1: ['Reading a record', 1, ['srcport', 'dstport'], '40658', /source port 123 — and then the destination port, 40658/],
  2: ['Who recorded it', 1, ['interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport'], '10.0.0.1, the address of eni-0a1b2c3d', /NTP's well-known port/],
  3: ['security groups and network ACLs', 3, ['action', 'tcp-flags', 'flow-direction'], "The network ACL of the database's subnet (its outbound rules)", /Only a network ACL checks replies/],
  4: ['TCP flags', 6, ['tcp-flags', 'srcport', 'dstport'], 'SYN-ACK + FIN: the server answered, and the connection closed within the interval', /ACK \(16\) is reported only as part of SYN-ACK \(18\)/],
  5: ['NAT and addresses', 4, ['srcaddr', 'dstaddr', 'pkt-srcaddr', 'pkt-dstaddr'], '203.0.113.5, the host on the internet', /pkt-dstaddr keeps the packet's own destination, 203\.0\.113\.5/],
  6: ['NODATA, SKIPDATA', 2, ['log-status', 'action'], 'Some of it was not recorded — how much is unknown', /SKIPDATA means records were skipped, not that there was no traffic/],
  7: ['custom formats, S3 header lines and Athena', 4, ['flow-direction', 'traffic-path', 'encryption-status'], 'The header line at the top of the file', /Each text file starts with a header line/],
};

async function answer(page, text) {
  await page.locator('.lesson__choices label', { hasText: text }).click();
  await page.click('.lesson__question button[type="submit"]');
  return page.locator('[data-result]');
}

for (const [n, [title, records, marked, right, why]] of Object.entries(LESSONS)) {
  test(`lesson ${n}: opened by its link, answered, explained`, async () => {
    const { page, context, errors, offOrigin } = await h.open({ hash: `#learn/${n}`, ready: '[data-learn]' });
    const lesson = page.locator(`[data-learn="lesson"][data-lesson="${n}"]`);
    await lesson.waitFor();
    assert.match(await lesson.locator('h2').first().innerText(), new RegExp(title));
    assert.match(await lesson.locator('.lesson__progress').innerText(), new RegExp(`Lesson ${n} of 7`));
    const rulers = lesson.locator('[data-ruler]');
    assert.equal(await rulers.count(), records);
    // The lesson's subject is marked on every record, and nothing else is.
    for (let i = 0; i < records; i++) {
      const got = await rulers.nth(i).locator('.is-marked').evaluateAll((els) => els.map((e) => e.dataset.token));
      assert.deepEqual(got.sort(), [...marked].sort(), `record ${i + 1}`);
    }
    // Pointing at a value explains it, as in the decoder.
    await rulers.first().locator(`[data-token="${marked[0]}"]`).hover();
    await rulers.first().locator(`[data-ruler-explain="${marked[0]}"]`).waitFor();
    const result = await answer(page, right);
    assert.equal(await result.getAttribute('data-result'), 'right');
    assert.match(await result.locator('[data-why]').innerText(), why);
    assert.match(await lesson.locator('.lesson__progress').innerText(), /done/);
    if (Number(n) < 7) {
      await page.click('[data-nav="next"]');
      await page.locator(`[data-lesson="${Number(n) + 1}"]`).waitFor();
      assert.ok(page.url().endsWith(`#learn/${Number(n) + 1}`));
      assert.equal(await page.locator('[data-result]').count(), 0, 'a new lesson starts unanswered');
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(offOrigin, []);
    await context.close();
  });
}

test('a wrong answer shows the right one and why; progress is kept in this browser only', async () => {
  const { page, context, errors, requests } = await h.open({ hash: '#learn/6', ready: '[data-learn]' });
  await page.locator('[data-lesson="6"]').waitFor();
  const result = await answer(page, 'There was none');
  assert.equal(await result.getAttribute('data-result'), 'wrong');
  assert.equal(await result.locator('[data-answer]').innerText(), 'Some of it was not recorded — how much is unknown');
  assert.match(await result.locator('[data-why]').innerText(), /NODATA is the word for no traffic/);
  // The list marks it done, after a reload too.
  await page.goto(page.url().replace(/#.*$/, '#learn'));
  await page.reload();
  await page.locator('[data-learn="index"]').waitFor();
  assert.equal(await page.locator('[data-lesson-item="6"]').getAttribute('data-done'), 'true');
  assert.equal(await page.locator('[data-lesson-item="5"]').getAttribute('data-done'), 'false');
  assert.equal(await page.locator('[data-lesson-item]').count(), 7);
  assert.equal(await page.evaluate(() => localStorage.getItem('vpc-flowlog-decoder.learned')), String(1 << 5));
  // Nothing but the site's own files was asked for.
  const origin = new URL(page.url()).origin;
  assert.ok(requests.every((u) => u.startsWith(origin) || u.startsWith('data:')), requests.join('\n'));
  // A link to no lesson shows the list and says so.
  await page.goto(page.url().replace(/#.*$/, '#learn/9'));
  await page.locator('[data-notice="no-lesson"]').waitFor();
  // The header's Learn button and the way back.
  await page.click('.learn a[href="#"]');
  await page.locator('textarea#input').waitFor();
  await page.click('[data-learn-link]');
  await page.locator('[data-learn="index"]').waitFor();
  await page.goBack();
  await page.locator('textarea#input').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('lesson 3 in Japanese, offline after the first visit', async () => {
  // Routing is off here: Playwright's routing would bypass the service worker.
  const { page, context, errors, offOrigin } = await h.open({ block: false, locale: 'ja-JP' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.goto(page.url().replace(/#.*$/, '') + '#learn/3');
  await page.reload();
  const lesson = page.locator('[data-lesson="3"]');
  await lesson.waitFor();
  assert.match(await lesson.locator('h2').first().innerText(), /許可か拒否か：セキュリティグループとネットワーク ACL/);
  assert.match(await lesson.innerText(), /セキュリティグループはステートフルです/);
  const result = await answer(page, 'データベースのサブネットのネットワーク ACL（アウトバウンドルール）');
  assert.equal(await result.getAttribute('data-result'), 'right');
  assert.match(await result.locator('[data-why]').innerText(), /一時ポート/);
  assert.match(await lesson.locator('[data-ruler]').nth(2).locator('[data-token="tcp-flags"]').innerText(), /18/);
  await page.screenshot({ path: path.join(SHOTS, 'learn-3-ja-offline.png'), fullPage: true });
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test("a lesson's records open in the decoder, with the Athena table for their format", async () => {
  const { page, context, errors } = await h.open({ hash: '#learn/7', ready: '[data-learn]' });
  await page.locator('[data-lesson="7"]').waitFor();
  await page.click('[data-open-lesson]');
  await page.locator('textarea#input').waitFor();
  await page.locator('tr[data-status="header"]').waitFor();
  assert.equal(await page.locator('tr[data-status="ok"]').count(), 4);
  assert.match(await page.inputValue('textarea#input'), /^flow-direction traffic-path srcaddr/);
  // The Athena table lists this format's columns, in its order, and skips the header line.
  const athena = await page.locator('[data-beyond="athena"]').textContent();
  assert.match(athena, /flow_direction string,\s*traffic_path int,\s*srcaddr string,\s*dstaddr string,\s*srcport int,\s*dstport int,\s*encryption_status int/);
  assert.match(athena, /skip\.header\.line\.count/);
  // The ruler shows the first record, labeled.
  assert.equal(await page.locator('[data-ruler] [data-token="encryption-status"] .ruler__value').innerText(), '1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lesson: axe-core finds no violation; screenshots EN/JA, light/dark, phone', async () => {
  for (const [locale, lang] of [['en-US', 'en'], ['ja-JP', 'ja']]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1400, 390]) {
        const { page, context, errors } = await h.open({ locale, colorScheme, viewport: { width, height: 900 }, hash: '#learn/1', ready: '[data-learn]' });
        await page.locator('[data-lesson="1"]').waitFor();
        await page.hover('[data-token="dstport"]');
        await answer(page, '40658');
        if (width > 1000) assert.deepEqual(await axeViolations(page), [], `${locale} ${colorScheme}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${locale} ${colorScheme} ${width}: ${overflow}`);
        await page.screenshot({ path: path.join(SHOTS, `learn-1-${lang}-${colorScheme}-${width}.png`), fullPage: true });
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  }
});

test('a link to a lesson: before the WebAssembly arrives, the static shell shows no paste box', async () => {
  const context = await h.browser.newContext({ serviceWorkers: 'block' });
  const release = await holdWasm(context);
  const page = await context.newPage();
  await page.goto(h.server.url + '#learn/2');
  await page.locator('#shell h1').waitFor();
  assert.equal(await page.locator('#shell .app__main').evaluate((e) => getComputedStyle(e).visibility), 'hidden');
  assert.equal(await page.locator('#shell header').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  release();
  await page.locator('[data-lesson="2"]').waitFor();
  assert.equal(await page.locator('#shell').count(), 0);
  await context.close();
});
