// Benchmark (not a test): Lighthouse (mobile, its default settings and simulated
// throttling) on a built site served as a host would serve it (scripts/host.mjs:
// brotli, the headers of HOSTING.md) at the root of 127.0.0.1. Three runs; prints each
// and the median of the scores and metrics.
// Usage: node scripts/bench-lighthouse.mjs DIST LIGHTHOUSE_BIN LABEL
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { serve } from './host.mjs';

const [root, bin, label] = process.argv.slice(2);
const server = await serve(root, { prefix: '/' });
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-'));
const runs = [];
try {
  for (let i = 0; i < 3; i += 1) {
    const report = path.join(out, `run-${i}.json`);
    // Asynchronously: the server answering Lighthouse runs in this same process.
    await promisify(execFile)(
      bin,
      [
        server.url,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 },
    );
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    const a = r.audits;
    const failed = Object.entries(r.categories).flatMap(([, c]) =>
      c.auditRefs
        .filter((ref) => ref.weight > 0 && a[ref.id].score !== null && a[ref.id].score < 1)
        .map((ref) => ref.id),
    );
    runs.push({
      performance: Math.round(r.categories.performance.score * 100),
      accessibility: Math.round(r.categories.accessibility.score * 100),
      bestPractices: Math.round(r.categories['best-practices'].score * 100),
      seo: Math.round(r.categories.seo.score * 100),
      fcp: a['first-contentful-paint'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      tti: a.interactive.numericValue,
      lcpElement: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector,
      failed: [...new Set(failed)].join(' '),
      version: r.lighthouseVersion,
    });
    console.log(`LIGHTHOUSE ${label} run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
  }
} finally {
  await server.close();
  fs.rmSync(out, { recursive: true, force: true });
}
const median = (key) => runs.map((r) => r[key]).sort((x, y) => x - y)[1];
const ms = (v) => `${(v / 1000).toFixed(1)} s`;
console.log(
  `LIGHTHOUSE ${label} median: Performance ${median('performance')}, Accessibility ${median('accessibility')}, ` +
    `Best Practices ${median('bestPractices')}, SEO ${median('seo')}; FCP ${ms(median('fcp'))}, ` +
    `LCP ${ms(median('lcp'))}, TBT ${Math.round(median('tbt'))} ms, CLS ${median('cls').toFixed(3)}, ` +
    `TTI ${ms(median('tti'))}`,
);
