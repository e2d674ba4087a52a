// The labeled line: the ruler under the paste box draws the current line with every value
// in its field's colour and its label; pointing at or focusing a value lights up the
// same field in the card or the table and the explanation, by mouse and by keyboard;
// masked values, `-` and invalid values are marked; the line becomes a picture (SVG, PNG,
// clipboard) made in the page; axe-core finds nothing in light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { axeViolations, harness, LINE, SHOTS } from './harness.mjs';

const h = harness();
const FIELDS = ['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'];

const hueOf = (locator) => locator.evaluate((el) => [...el.classList].find((c) => /^hue-\d+$/.test(c)));
const edgeOf = (locator) => locator.evaluate((el) => getComputedStyle(el).getPropertyValue('--hue-edge').trim());

test("the seed's line is drawn labeled: every value, its field and its title, in the card's colours", async () => {
  const { page, context, errors, offOrigin } = await h.open();
  await page.fill('textarea#input', LINE);
  const ruler = page.locator('[data-ruler]');
  await ruler.waitFor();
  const tokens = ruler.locator('[data-token]');
  assert.deepEqual(await tokens.evaluateAll((els) => els.map((e) => e.dataset.token)), FIELDS);
  assert.deepEqual(await ruler.locator('.ruler__value').allInnerTexts(), LINE.split(' '));
  assert.equal(await ruler.locator('[data-token="srcaddr"] .ruler__title').innerText(), 'Source address');
  // One colour per field: the ruler's token, the card's row and (below) the table's cells.
  for (const field of FIELDS) {
    const token = ruler.locator(`[data-token="${field}"]`);
    const row = page.locator(`tr.record-card__row[data-field="${field}"]`);
    assert.equal(await hueOf(token), await hueOf(row), field);
    assert.notEqual(await edgeOf(token), '', field);
    assert.equal(await edgeOf(token), await edgeOf(row), field);
  }
  // Neighbours never share a colour.
  const hues = await tokens.evaluateAll((els) => els.map((e) => [...e.classList].find((c) => c.startsWith('hue-'))));
  hues.slice(1).forEach((hue, i) => assert.notEqual(hue, hues[i], `${FIELDS[i]} / ${FIELDS[i + 1]}`));
  // Colour is not the only signal: every token says its field in words.
  assert.ok((await ruler.locator('.ruler__name').allInnerTexts()).every((t, i) => t === FIELDS[i]));
  await page.screenshot({ path: path.join(SHOTS, 'ruler-en-light.png'), clip: await ruler.boundingBox() });
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await context.close();
});

test('pointing at a token lights up the card row and the explanation; pointing at the row lights up the token', async () => {
  const { page, context, errors } = await h.open();
  await page.fill('textarea#input', LINE);
  await page.locator('[data-ruler]').waitFor();
  await page.hover('[data-token="srcport"]');
  await page.locator('tr.record-card__row[data-field="srcport"].is-linked').waitFor();
  assert.equal(await page.locator('.is-linked').count(), 1, 'only that row');
  assert.ok(await page.locator('[data-token="srcport"]').evaluate((e) => e.classList.contains('is-hot')));
  const explain = page.locator('[data-ruler-explain="srcport"]');
  const meaning = await page.locator('tr.record-card__row[data-field="srcport"] .record-card__meaning').innerText();
  assert.match(await explain.innerText(), /Source port/);
  assert.ok((await explain.innerText()).includes(meaning), `${await explain.innerText()} / ${meaning}`);
  // The other way: the card's row lights up the token.
  await page.hover('tr.record-card__row[data-field="dstport"]');
  await page.locator('[data-token="dstport"].is-hot').waitFor();
  assert.equal(await page.locator('[data-token="srcport"].is-hot').count(), 0);
  // Leaving clears it.
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !document.querySelector('.is-hot, .is-linked'));
  assert.equal(await page.locator('[data-ruler-explain=""]').count(), 1);
  // With a value explained, pointing at its token lights the explanation too.
  await page.click('[data-token="protocol"]');
  await page.locator('[data-explain="protocol"]').waitFor();
  await page.hover('[data-token="protocol"]');
  await page.locator('aside.explain.is-linked').waitFor();
  await page.hover('[data-token="bytes"]');
  await page.waitForFunction(() => !document.querySelector('aside.explain.is-linked'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: arrow keys move along the line and across the card, lighting the same pairs', async () => {
  const { page, context, errors } = await h.open();
  await page.fill('textarea#input', LINE);
  await page.locator('[data-ruler]').waitFor();
  // One tab stop for the whole line (roving focus).
  assert.equal(await page.locator('[data-token][tabindex="0"]').count(), 1);
  await page.focus('[data-token="version"]');
  await page.locator('tr.record-card__row[data-field="version"].is-linked').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.locator('tr.record-card__row[data-field="account-id"].is-linked').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.token), 'account-id');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.token), 'log-status');
  await page.locator('tr.record-card__row[data-field="log-status"].is-linked').waitFor();
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.token), 'version');
  // Enter explains the focused value.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.locator('[data-explain="account-id"]').waitFor();
  // The card: arrow keys move between its rows; the ruler follows.
  await page.focus('tr.record-card__row[data-field="srcaddr"] button');
  await page.locator('[data-token="srcaddr"].is-hot').waitFor();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.closest('tr').dataset.field), 'dstaddr');
  await page.locator('[data-token="dstaddr"].is-hot').waitFor();
  assert.match(await page.locator('[data-ruler-explain="dstaddr"]').innerText(), /Destination address/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('many lines: the ruler follows the cursor and the selection; pointing lights the table cell, its column and the field on the ruler', async () => {
  const { page, context, errors } = await h.open();
  const lines = [LINE, LINE.replace(' 123 40658 ', ' 53 40001 '), LINE.replace(' 17 1 76 ', ' 6 3 180 ')];
  await page.fill('textarea#input', lines.join('\n'));
  const ruler = page.locator('[data-ruler]');
  await page.locator('tr[data-line="3"]').waitFor();
  assert.equal(await ruler.getAttribute('data-ruler-line'), '1', 'the first record at first');
  // The cursor on line 2 (clicking in the text area, then moving with the keyboard).
  await page.focus('textarea#input');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('[data-ruler]').dataset.rulerLine === '2');
  assert.equal(await ruler.locator('[data-token="srcport"] .ruler__value').innerText(), '53');
  // A token lights its table cell (this line only) and its column's header.
  await page.hover('[data-token="srcport"]');
  await page.locator('tr[data-line="2"] td[data-field="srcport"].is-linked').waitFor();
  assert.equal(await page.locator('td.is-linked').count(), 1);
  assert.equal(await page.locator('th[data-field-header="srcport"].is-linked').count(), 1);
  // Cells share the token's colour.
  assert.equal(await hueOf(page.locator('tr[data-line="2"] td[data-field="srcport"]')), await hueOf(ruler.locator('[data-token="srcport"]')));
  assert.equal(await hueOf(page.locator('th[data-field-header="srcport"]')), await hueOf(ruler.locator('[data-token="srcport"]')));
  // Pointing at a cell of another line lights its field on the ruler (one colour per
  // field) without moving the ruler to that line: nothing shifts under the pointer.
  await page.hover('tr[data-line="3"] td[data-field="protocol"]');
  await page.locator('[data-token="protocol"].is-hot').waitFor();
  assert.equal(await ruler.getAttribute('data-ruler-line'), '2');
  assert.equal(await page.locator('td.is-linked').count(), 1);
  await page.locator('tr[data-line="3"] td[data-field="protocol"].is-linked').waitFor();
  // A click explains it, and the ruler shows its line.
  await page.click('tr[data-line="3"] td[data-field="protocol"] button');
  await page.waitForFunction(() => document.querySelector('[data-ruler]').dataset.rulerLine === '3');
  assert.match(await page.locator('[data-token="protocol"] .ruler__value').innerText(), /^6$/);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !document.querySelector('.is-hot'));
  assert.equal(await ruler.getAttribute('data-ruler-line'), '3');
  // Keyboard in the table: focus lights the ruler's token of that field, row by row.
  await page.focus('tr[data-line="1"] td[data-field="bytes"] button');
  await page.locator('[data-token="bytes"].is-hot').waitFor();
  await page.keyboard.press('ArrowDown');
  await page.locator('tr[data-line="2"] td[data-field="bytes"].is-linked').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-token="start"].is-hot').waitFor();
  assert.equal(await page.locator('[data-token].is-hot').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('masked values, `-` and invalid values are marked as such, in words', async () => {
  const { page, context, errors } = await h.open();
  await page.selectOption('#samples', 'cloudwatch');
  const ruler = page.locator('[data-ruler]');
  await ruler.locator('[data-token="srcaddr"]').waitFor();
  assert.equal(await ruler.locator('[data-token="srcaddr"]').getAttribute('data-kind'), 'masked');
  assert.equal(await ruler.locator('[data-token="srcaddr"] .ruler__mark').innerText(), 'masked');
  assert.equal(await ruler.locator('[data-token="dstaddr"]').getAttribute('data-kind'), 'value');
  await page.selectOption('#samples', 'nodata');
  await ruler.locator('[data-token="log-status"] >> text=NODATA').waitFor();
  assert.equal(await ruler.locator('[data-kind="absent"]').count(), 8);
  assert.equal(await ruler.locator('[data-token="action"] .ruler__mark').innerText(), 'absent');
  await page.fill('textarea#input', LINE.replace('203.0.113.12', '203.0.113.300'));
  await ruler.locator('[data-token="srcaddr"][data-kind="error"]').waitFor();
  assert.equal(await ruler.locator('[data-token="srcaddr"] .ruler__mark').innerText(), 'not valid');
  // A line that is no record says why instead.
  await page.fill('textarea#input', '2 123456789012 eni-0a1b2c3d 203.0.113.12');
  await page.locator('.ruler__problem').waitFor();
  assert.match(await page.locator('.ruler__problem').innerText(), /^Line 1 is not a record:/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy as picture: the SVG and PNG are made in the page, open in the browser, and reach the clipboard', async () => {
  const { page, context, errors, offOrigin } = await h.open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.fill('textarea#input', LINE);
  await page.locator('[data-ruler]').waitFor();
  // SVG: a download; the browser's own parser reads it and draws it.
  let download = page.waitForEvent('download');
  await page.click('[data-picture="svg"]');
  let file = await download;
  assert.equal(file.suggestedFilename(), 'flowlog-line-1.svg');
  const svg = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  const check = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const broken = doc.querySelector('parsererror') !== null;
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    return { broken, root: doc.documentElement.localName, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent), width: img.naturalWidth };
  }, svg);
  assert.equal(check.broken, false);
  assert.equal(check.root, 'svg');
  assert.ok(check.width > 600, `${check.width}`);
  for (const value of LINE.split(' ')) assert.ok(check.texts.includes(value), value);
  assert.ok(check.texts.includes('Source address') && check.texts.includes('srcaddr'));
  // PNG: a real PNG, twice the SVG's size.
  download = page.waitForEvent('download');
  await page.click('[data-picture="png"]');
  file = await download;
  assert.equal(file.suggestedFilename(), 'flowlog-line-1.png');
  const png = Buffer.concat(await (await file.createReadStream()).toArray());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), check.width * 2);
  // The clipboard: an image/png item that decodes.
  await page.click('[data-picture="copy"]');
  await page.locator('[data-notice="copied"]').waitFor();
  const clip = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const blob = await items[0].getType('image/png');
    const bitmap = await createImageBitmap(blob);
    return { types: items[0].types, width: bitmap.width };
  });
  assert.deepEqual(clip.types, ['image/png']);
  assert.equal(clip.width, check.width * 2);
  fs.writeFileSync(path.join(SHOTS, 'ruler-picture-en.png'), png);
  // Japanese labels in the picture.
  await page.click('.lang-switch__button[lang="ja"]');
  download = page.waitForEvent('download');
  await page.click('[data-picture="svg"]');
  const ja = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString();
  assert.ok(ja.includes('送信元アドレス') && ja.includes('xml:lang="ja"'));
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await context.close();
});

test('the ruler: screenshots EN/JA, light/dark, phone; axe-core finds no violation with a value lit', async () => {
  for (const [locale, lang] of [['en-US', 'en'], ['ja-JP', 'ja']]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [1400, 390]) {
        const { page, context, errors } = await h.open({ locale, colorScheme, viewport: { width, height: 900 } });
        await page.fill('textarea#input', LINE);
        const ruler = page.locator('[data-ruler]');
        await ruler.waitFor();
        await page.hover('[data-token="srcport"]');
        await page.locator('tr.record-card__row.is-linked').waitFor();
        if (width > 1000) {
          assert.deepEqual(await axeViolations(page), [], `${locale} ${colorScheme}`);
        }
        // On a phone the tokens wrap: none is wider than the page.
        const overflow = await ruler.evaluate((el) => el.scrollWidth - el.clientWidth);
        assert.ok(overflow <= 0, `${locale} ${colorScheme} ${width}: ${overflow}`);
        await page.screenshot({ path: path.join(SHOTS, `ruler-${lang}-${colorScheme}-${width}.png`), clip: await ruler.boundingBox() });
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  }
});
