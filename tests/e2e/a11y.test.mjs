// Accessibility: axe-core (WCAG 2 A/AA and best practices) finds no violation in English
// and Japanese, light and dark, for the static shell, the empty page with its about
// section, the card, the table (with an unwrapped console copy and its note) and the
// large view of an opened file.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axeViolations, harness, settled, LINE } from './harness.mjs';

const h = harness();

test('axe-core finds no violation: EN/JA, light/dark, card, table and large view', async () => {
  const console2025 = `Timestamp\nMessage\n2021-05-17T22:48:43.000+09:00\n${LINE}\n2021-05-17T22:48:44.000+09:00\n${LINE.replace(' 123 40658 ', ' 124 40659 ')}\n`;
  for (const locale of ['en-US', 'ja-JP']) {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context } = await h.open({ locale, colorScheme });
      const where = `${locale} ${colorScheme}`;
      await page.locator('details.about summary').click();
      assert.deepEqual(await axeViolations(page), [], `${where}, empty page with the about section open`);
      await page.fill('textarea#input', LINE);
      await page.locator('article.record-card').waitFor();
      await page.click('[data-field="protocol"] button');
      assert.deepEqual(await axeViolations(page), [], `${where}, card`);
      await page.fill('textarea#input', console2025);
      await page.locator('.unwrap-note').waitFor();
      await page.locator('tr[data-status="ok"]').first().waitFor();
      assert.deepEqual(await axeViolations(page), [], `${where}, table`);
      await page.setInputFiles('#file', { name: 'a.log', mimeType: 'text/plain', buffer: Buffer.from(`${LINE}\n`.repeat(50)) });
      await page.locator('[data-files]').waitFor();
      await settled(page);
      assert.deepEqual(await axeViolations(page), [], `${where}, large view`);
      await context.close();
    }
  }
});

test('axe-core finds no violation in the static shell shown before the WebAssembly (EN/JA, light/dark)', async () => {
  for (const locale of ['en-US', 'ja-JP']) {
    for (const colorScheme of ['light', 'dark']) {
      const context = await h.browser.newContext({ locale, colorScheme, serviceWorkers: 'block' });
      // The app never starts here: its WebAssembly is held back.
      await context.route('**/*_bg.wasm', () => {});
      const page = await context.newPage();
      await page.goto(h.server.url);
      await page.locator('#shell h1').waitFor();
      assert.deepEqual(await axeViolations(page), [], `${locale} ${colorScheme}, shell`);
      assert.equal(await page.locator('#shell').count(), 1);
      await context.close();
    }
  }
});
