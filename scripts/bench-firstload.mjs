// Benchmark (not a test): what the paste page fetches before anyone opens a file, and when
// it is ready — unthrottled and on DevTools' "Fast 3G" profile. The built site served as a
// host would (scripts/host.mjs: brotli, HOSTING.md's headers); the service worker blocked
// (its precache for offline use runs after the page is ready and is not what the page
// needs); requests of the page and of any worker it starts, counted by Playwright.
// Usage: node scripts/bench-firstload.mjs [DIST]
import { serve } from './host.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const server = await serve(process.argv[2] ?? 'dist', { prefix: '/' });
const browser = await launch();
// Chrome DevTools' "Fast 3G" (as Playwright and Lighthouse's docs give it).
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: ((1.44 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((675 * 1024) / 8) * 0.9,
};
for (const throttled of [false, true]) {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
    }
    const fetched = [];
    context.on('requestfinished', async (r) => {
      const s = await r.sizes().catch(() => null);
      fetched.push([s ? s.responseBodySize + s.responseHeadersSize : 0, r.url()]);
    });
    let workers = 0;
    page.on('worker', () => (workers += 1));
    const t0 = Date.now();
    await page.goto(server.url);
    // Ready: the app (not the static shell) takes input.
    await page.waitForSelector('.app textarea#input', { timeout: 180000 });
    const ready = Date.now() - t0;
    await page.waitForTimeout(throttled ? 6000 : 1500);
    const code = fetched.filter(([, u]) => /\.(wasm|js)$/.test(u)).reduce((n, [b]) => n + b, 0);
    const all = fetched.reduce((n, [b]) => n + b, 0);
    runs.push({ ready, code, all, workers });
    await context.close();
  }
  const median = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[1];
  console.log(
    `FIRSTLOAD ${throttled ? 'Fast 3G' : 'unthrottled'}: app ready ${median('ready')} ms (median of 3); ` +
      `${(median('code') / 1e3).toFixed(0)} KB of wasm and JS, ${(median('all') / 1e3).toFixed(0)} KB in all, as sent (brotli); workers started: ${median('workers')}`,
  );
}
await browser.close();
process.exit(0);
