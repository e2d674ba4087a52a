// Across records: a scenario file of ../shared/bench/gen_scenarios.py dropped in shows
// the verdicts, the findings with filters that show exactly their records, who talks to
// whom with the flow map (a band filters), the cost views and the rules — checked
// against the scenario's own truth file. A small paste gets the same panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { axeViolations, harness, settled, ROOT, SHOTS } from './harness.mjs';

const h = harness();
const GEN = path.join(ROOT, '../shared/bench/gen_scenarios.py');

/** The scenario's log and truth, written by the generator. */
function scenario(name, args = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `across-${name}-`));
  const truthPath = path.join(dir, 'truth.json');
  const log = execFileSync('python3', [GEN, '--scenario', name, '--seed', '1', ...args, '--truth', truthPath], { maxBuffer: 1 << 28 });
  const truth = JSON.parse(fs.readFileSync(truthPath, 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  return { log, truth };
}

async function drop(page, name, log) {
  await page.setInputFiles('#file', { name, mimeType: 'text/plain', buffer: log });
  await page.locator('[data-files]').waitFor();
  await settled(page);
  await page.locator('[data-across] [data-findings]').waitFor({ timeout: 30000 });
}

const shownCount = async (page) => Number((await page.locator('[data-count="shown"]').innerText()).split(' ')[0].replace(/,/g, ''));

test('the network ACL scenario: the verdict, the finding and its filter, and the rule to fix', async () => {
  const { log, truth } = scenario('nacl-reply');
  const { page, context, errors, offOrigin } = await h.open();
  await drop(page, 'nacl-reply.log', log);
  // The finding names the server, the direction and the ports, and counts the conversations.
  const finding = page.locator('[data-finding="nacl-reply"]');
  assert.equal(await finding.count(), 1);
  const fix = truth.nacl_suggestions[0];
  const text = await finding.innerText();
  assert.match(text, new RegExp(`rejected in ${fix.blocked_conversations} conversations as they left`));
  assert.match(text, /outbound TCP to the clients' ports/);
  assert.match(text, /1024–65535 covers every client/);
  // Its filter shows exactly its records.
  const count = Number(await finding.getAttribute('data-count'));
  await finding.locator('button').click();
  await page.waitForFunction((n) => document.querySelector('[data-count="shown"]')?.innerText.startsWith(n.toLocaleString('en-US') + ' '), count);
  await settled(page);
  assert.equal(await shownCount(page), count);
  const actions = await page.locator('tr.big-view__row [data-field="action"]').evaluateAll((cells) => cells.map((c) => c.dataset.raw));
  assert.ok(actions.length > 0 && actions.every((a) => a === 'REJECT'), 'the rejected replies');
  // The conversations: every blocked one says so, with the outbound rule to check.
  await page.click('[data-tab="conversations"]');
  await page.locator('[data-conversation]').first().waitFor();
  assert.equal(await page.locator('[data-verdict-count="nacl-reply"]').innerText(), `nacl-reply ${fix.blocked_conversations}`);
  const first = page.locator('[data-conversation][data-verdict="nacl-reply"]').first();
  await page.locator('[data-across]').screenshot({ path: path.join(SHOTS, 'across-conversations-en.png') });
  assert.match(await first.locator('.across__verdict').innerText(), /check the outbound rules of the network ACL of eni-[0-9a-f]+'s subnet/);
  // The conversation's own filter.
  const records = Number((await first.locator('[data-filter]').innerText()).match(/\d+/)[0]);
  await first.locator('[data-filter]').click();
  await page.waitForFunction(() => document.querySelector('#filter')?.value.startsWith('conv:'));
  await settled(page);
  assert.equal(await shownCount(page), records);
  // The rules: the blocked interface first, the outbound entry to the clients' ephemeral ports.
  await page.click('[data-tab="rules"]');
  const cli = page.locator('pre[data-rules="cli"]');
  await cli.waitFor();
  const db = truth.vpc.enis.find((e) => e.name === 'db').eni_id;
  assert.equal(await page.locator('[data-rules-eni]').inputValue(), db);
  assert.match(await cli.innerText(), /create-network-acl-entry .* --egress .* --protocol 6 --rule-action allow --cidr-block 10\.0\.1[01]\.\d+\/32 --port-range From=1024,To=65535/);
  assert.match(await page.locator('pre[data-rules="terraform"]').innerText(), /resource "aws_network_acl_rule"/);
  assert.match(await page.locator('pre[data-rules="cloudformation"]').innerText(), /AWS::EC2::NetworkAclEntry/);
  assert.match(await page.locator('[data-caveats]').innerText(), /Only the time window loaded is known/);
  await page.locator('[data-across]').screenshot({ path: path.join(SHOTS, 'across-rules-en.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await context.close();
});

test('the scan scenario: both scanners found, each filter exact; who talks to whom and the flow map', async () => {
  const { log, truth } = scenario('scan');
  const { page, context, errors, offOrigin } = await h.open();
  await drop(page, 'scan.log', log);
  const scans = truth.scanners.list;
  for (const s of scans) {
    const f = page.locator(`[data-finding="${s.kind}-scan"]`);
    assert.equal(await f.count(), 1, s.kind);
    assert.match(await f.innerText(), new RegExp(s.source.replace(/\./g, '\\.')));
    assert.equal(Number(await f.getAttribute('data-count')), s.request_lines.length);
    await f.locator('button').click();
    await page.waitForFunction(() => document.querySelector('#filter')?.value.startsWith('finding:'));
    await settled(page);
    assert.equal(await shownCount(page), s.request_lines.length, s.kind);
    const lines = await page.locator('tr.big-view__row').evaluateAll((rows) => rows.map((r) => Number(r.dataset.line)));
    assert.ok(lines.every((n) => s.request_lines.includes(n)), `${s.kind}: rows on screen are its probe lines`);
  }
  await page.locator('[data-across]').screenshot({ path: path.join(SHOTS, 'across-findings-en.png') });
  // Who talks to whom: groups over the records shown, and the flow map.
  await page.fill('#filter', '');
  await settled(page);
  await page.click('[data-tab="groups"]');
  await page.locator('[data-group]').first().waitFor();
  // The table shows the largest 500 groups; its export has every one.
  const total = Number(await page.locator('[data-groups]').getAttribute('data-groups'));
  assert.ok(total > 500, `${total} groups`);
  const download = page.waitForEvent('download');
  await page.click('[data-export="groups"]');
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  assert.equal((await download).suggestedFilename(), 'flow-log-groups.csv');
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines[0], 'srcaddr,dstport,records,packets,bytes');
  assert.equal(lines.length, total + 1);
  await page.selectOption('[data-group-field="0"]', 'interface-id');
  await page.selectOption('[data-group-field="1"]', '');
  // Each choice asks again: wait for the answer to the last one (one group per interface).
  const perEni = Object.entries(truth.records_by_eni);
  await page.waitForFunction(
    (n) => document.querySelector('[data-groups]')?.dataset.groups === String(n) && document.querySelector('[data-group]')?.dataset.group.startsWith('eni-'),
    perEni.length,
  );
  for (const [eni, records] of perEni) {
    assert.match(await page.locator(`[data-group="${eni}"]`).innerText(), new RegExp(`\\b${records.toLocaleString('en-US')}\\b`), eni);
  }
  // A group's record count shows exactly its records; the groups follow the filter (the
  // one group is left), and come back with the filter emptied.
  for (const [eni, records] of perEni.slice(0, 2)) {
    await page.locator(`[data-group="${eni}"] button[data-filter]`).click();
    await page.waitForFunction((q) => document.querySelector('#filter')?.value === q, `interface-id:${eni}`);
    await settled(page);
    assert.equal(await shownCount(page), records, eni);
    await page.waitForFunction(() => document.querySelector('[data-groups]')?.dataset.groups === '1');
    assert.equal(await page.locator(`[data-group="${eni}"]`).count(), 1);
    await page.fill('#filter', '');
    await settled(page);
    await page.waitForFunction((n) => document.querySelector('[data-groups]')?.dataset.groups === String(n), perEni.length);
  }
  const svg = page.locator('svg[data-flowmap]');
  await svg.waitFor();
  assert.equal(await svg.locator('[style]').count(), 0, 'attributes only');
  assert.ok((await svg.locator('path[data-band]').count()) > 5);
  await page.locator('figure.flowmap').screenshot({ path: path.join(SHOTS, 'across-flowmap-en.png') });
  const band = svg.locator('path[data-band]').first();
  await band.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#filter')?.value.startsWith('band:'));
  await settled(page);
  assert.ok((await shownCount(page)) > 0);
  // Cost views, with the fields they need.
  await page.click('[data-tab="cost"]');
  assert.equal(await page.locator('[data-cost="az"][data-needs]').count(), 1, 'the default format has no az-id');
  assert.match(await page.locator('[data-no-prices]').innerText(), /Prices are not computed/);
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await context.close();
});

test('NAT to S3 (version 5): cost views with the gateway endpoint hint; axe-core clean, light and dark, EN and JA', async () => {
  const { log, truth } = scenario('nat-s3', ['--format', 'v5', '--header']);
  for (const [locale, colorScheme] of [['en-US', 'light'], ['ja-JP', 'dark']]) {
    const { page, context, errors } = await h.open({ locale, colorScheme });
    await drop(page, 'nat-s3.log', log);
    assert.equal(await page.locator('[data-finding="large-transfer"]').count() > 0, true);
    await page.click('[data-tab="cost"]');
    const s3 = page.locator('[data-nat-service="S3"]');
    await s3.waitFor();
    assert.equal(await s3.locator('[data-hint="gateway-endpoint"]').count(), 1);
    const crossAz = truth.bytes_by_az_pair.pairs.filter((p) => p.cross_az);
    assert.equal(await page.locator('[data-az-pair].is-cross').count(), crossAz.length);
    for (const t of ['findings', 'conversations', 'groups', 'cost', 'rules']) {
      await page.click(`[data-tab="${t}"]`);
      if (t === 'rules') await page.locator('pre[data-rules="cli"]').waitFor();
      if (t === 'groups') await page.locator('svg[data-flowmap]').waitFor();
      assert.deepEqual(await axeViolations(page), [], `${locale} ${colorScheme} ${t}`);
    }
    await page.click('[data-tab="cost"]');
    await page.locator('[data-across]').screenshot({ path: path.join(SHOTS, `across-cost-${locale}-${colorScheme}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a small paste gets the same panel: the network ACL sample is one blocked conversation', async () => {
  const { page, context, errors } = await h.open();
  await page.selectOption('#samples', 'rejected-nacl');
  const row = page.locator('[data-conversation]');
  await page.click('[data-tab="conversations"]');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.equal(await row.getAttribute('data-verdict'), 'nacl-reply');
  assert.match(await row.innerText(), /203\.0\.113\.12 → 172\.31\.16\.139 ICMP/);
  // Its filter opens the filterable view with exactly its two records; clearing returns.
  await row.locator('[data-filter]').click();
  await page.locator('.big-view').waitFor();
  await settled(page);
  assert.equal(await shownCount(page), 2);
  await page.fill('#filter', '');
  await page.locator('table.record-table__table').waitFor();
  // Who talks to whom: every record of the paste grouped (it has no selection of its
  // own); a group's count opens the filterable view with exactly its records.
  await page.click('[data-tab="groups"]');
  const first = page.locator('[data-group] button[data-filter]').first();
  await first.waitFor();
  const n = Number((await first.innerText()).replace(/,/g, ''));
  assert.ok(n > 0);
  await first.click();
  await page.locator('.big-view').waitFor();
  await settled(page);
  assert.equal(await shownCount(page), n);
  assert.deepEqual(errors, []);
  await context.close();
});
