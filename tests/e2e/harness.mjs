// Shared set-up for the end-to-end tests: dist/ served on 127.0.0.1 under a sub-path,
// Debian's chromium through playwright-core, and a page opener that records every
// request (blocking any that leaves the origin) and every page error.
import { before, after } from 'node:test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const SHOTS = path.join(ROOT, 'target', 'screenshots');
export const SEED =
  '2021-05-17T22:48:43.000+09:00    2 XXXXXXXXX eni-aaaaaaa xx.xx.xx.xx 10.0.0.1 123 40658 17 1 76 xxxxxxxxxx xxxxxxxxxx ACCEPT OK';
export const LINE =
  '2 123456789012 eni-0a1b2c3d 203.0.113.12 10.0.0.1 123 40658 17 1 76 1621259323 1621259383 ACCEPT OK';

/** Registers before/after hooks; returns an object whose `open` opens a page. */
export function harness() {
  const h = { server: null, browser: null };
  before(async () => {
    await fs.access(path.join(DIST, 'index.html'));
    await fs.mkdir(SHOTS, { recursive: true });
    h.server = await serve(DIST);
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });

  /**
   * Opens the app in a new context. `block` (default true) aborts any request off the
   * origin through routing; pass false where routing would bypass the service worker.
   */
  h.open = async ({
    locale = 'en-US',
    colorScheme = 'light',
    viewport = { width: 1400, height: 900 },
    hash = '',
    // What shows that the app has started (Learn links show a lesson, not the paste box).
    ready = 'textarea#input',
    block = true,
    permissions = [],
    // Runs before the page loads (e.g. more routes); service workers are then blocked,
    // so that what it routes is what the page gets.
    before = null,
  } = {}) => {
    const context = await h.browser.newContext({
      locale,
      colorScheme,
      viewport,
      permissions,
      ...(before ? { serviceWorkers: 'block' } : {}),
    });
    const page = await context.newPage();
    const origin = new URL(h.server.url).origin;
    const requests = [];
    const offOrigin = [];
    const errors = [];
    const record = (url) => {
      requests.push(url);
      if (!url.startsWith('data:') && new URL(url).origin !== origin) offOrigin.push(url);
    };
    if (block) {
      await context.route('**/*', (route) => {
        const url = route.request().url();
        record(url);
        return new URL(url).origin === origin ? route.continue() : route.abort();
      });
    } else {
      context.on('request', (r) => record(r.url()));
    }
    if (before) await before(context);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(h.server.url + hash);
    await page.waitForSelector(ready);
    return { page, context, requests, offOrigin, errors };
  };
  return h;
}

const AXE = fs.readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations of WCAG 2 A/AA and best practice in the page, as "id: targets".
 * Evaluated through the browser's debugging protocol: the page's CSP forbids inline scripts.
 */
export async function axeViolations(page) {
  await page.evaluate(await AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/**
 * Holds the app's WebAssembly back (the static shell shows meanwhile); resolves to a
 * function that lets it through.
 */
export async function holdWasm(context) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await context.route('**/*_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/**
 * Waits until the large-file view has answered: the current selection is in (its
 * count is not busy) and every row in view has arrived from the worker.
 */
export async function settled(page) {
  await page.waitForFunction(() => {
    const count = document.querySelector('[data-count="shown"]');
    return count && count.getAttribute('aria-busy') === 'false' && !document.querySelector('.big-view__row--waiting');
  });
}
