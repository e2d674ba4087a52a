// Benchmark (not a test): the built app in headless Chromium opens a generated
// 1,000,000-line flow log (.log.gz) and becomes browsable; reports the time and the
// peak resident memory of Chromium's renderer processes (page + worker), sampled
// every 50 ms; then a filter, and an export of every row as CSV.
// Usage: node scripts/bench-browser.mjs FILE.log.gz [uncompressed size] [--cold]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const [file, size] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rawSize = Number(size ?? 0);
// DIST=dir runs it against another build (e.g. an earlier commit's, for a before/after).
const server = await serve(process.env.DIST ?? 'dist');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(server.url);
await page.waitForSelector('textarea#input');

function rendererRss() {
  const out = execFileSync('ps', ['-eo', 'rss,args'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes('--type=renderer'))
    .reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[0]) * 1024, 0);
}

// Note in the page when the first decoded row enters the DOM, and when the summary is done.
await page.evaluate(() => {
  window.__marks = {};
  new MutationObserver(() => {
    if (!window.__marks.preview && document.querySelector('[data-preview] tr[data-status="ok"]')) window.__marks.preview = performance.now();
    if (!window.__marks.rows && document.querySelector('tr.big-view__row[data-status="ok"]')) window.__marks.rows = performance.now();
    if (!window.__marks.summary && document.querySelector('[data-sum="records"]')) window.__marks.summary = performance.now();
    if (!window.__marks.across && document.querySelector('[data-across] [data-findings]')) window.__marks.across = performance.now();
  }).observe(document.body, { subtree: true, childList: true });
});
// As a person opens a file: the pointer reaches "Open files" (which starts the file worker,
// so that its WebAssembly loads while the file is chosen), then the file is chosen. With
// --cold, the file arrives with no worker running (a script's setInputFiles): the worker's
// start is then part of the time.
const cold = process.argv.includes('--cold');
if (!cold) {
  const started = page.waitForEvent('worker');
  await page.locator('label:has(#file)').hover();
  await started;
  await new Promise((r) => setTimeout(r, 1000));
}
const baseline = rendererRss();
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, rendererRss())), 50);
const t0 = performance.now();
const pageT0 = await page.evaluate(() => performance.now());
await page.setInputFiles('#file', file);
await page.waitForSelector('[data-count="shown"]', { timeout: 300000 });
await page.waitForSelector('tr.big-view__row[data-status="ok"]');
await page.waitForSelector('[data-sum="records"]', { timeout: 300000 });
const browsable = performance.now() - t0;
await new Promise((r) => setTimeout(r, 300));
clearInterval(sampler);
// The analysis across records is asked once the summary is in: wait for its findings,
// sampling memory separately (it comes on top of the file's).
let acrossPeak = peak;
const acrossSampler = setInterval(() => (acrossPeak = Math.max(acrossPeak, rendererRss())), 50);
// Above 300,000 records the analysis waits for its button.
const acrossT0 = await page.evaluate(() => {
  const start = document.querySelector('[data-across-start]');
  if (start) start.click();
  return start ? performance.now() : null;
});
await page.waitForSelector('[data-across] [data-findings]', { timeout: 300000 });
clearInterval(acrossSampler);
const marks = await page.evaluate(() => window.__marks);
const all = await page.evaluate(() => document.querySelector('[data-count="shown"]').innerText);
const t1 = performance.now();
await page.fill('#filter', 'action:reject port:22');
await page.waitForFunction((all) => document.querySelector('[data-count="shown"]').innerText !== all, all);
const filter = performance.now() - t1;
// Export every row as CSV (made by the worker in pieces), timed until the download starts.
await page.fill('#filter', '');
await page.waitForFunction((all) => document.querySelector('[data-count="shown"]').innerText === all, all);
let exportPeak = rendererRss();
const exportSampler = setInterval(() => (exportPeak = Math.max(exportPeak, rendererRss())), 50);
const t2 = performance.now();
const download = page.waitForEvent('download', { timeout: 300000 });
await page.click('[data-export="csv"]');
const csvSize = fs.statSync(await (await download).path()).size;
const exported = performance.now() - t2;
clearInterval(exportSampler);
// The browser's own floor, in the same run (last, so that it leaves the memory figures
// alone): inflating the file with DecompressionStream (and, apart, counting its lines in
// a JS loop), from a file input the app does not watch.
await page.evaluate(() => {
  const input = document.createElement('input');
  input.type = 'file';
  input.id = 'bench-floor';
  input.hidden = true;
  document.body.append(input);
});
await page.setInputFiles('#bench-floor', file);
const gzipped = file.endsWith('.gz');
const floor = await page.evaluate(async (gzipped) => {
  const file = document.querySelector('#bench-floor').files[0];
  const inflate = async (count) => {
    const t0 = performance.now();
    const stream = file.stream();
    const reader = (gzipped ? stream.pipeThrough(new DecompressionStream('gzip')) : stream).getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      if (count) for (let i = 0; i < value.length; i += 1) if (value[i] === 10) lines += 1;
    }
    return [performance.now() - t0, bytes, lines];
  };
  const runs = [];
  for (let i = 0; i < 3; i += 1) runs.push(await inflate(false));
  const counted = await inflate(true);
  document.querySelector('#bench-floor').remove();
  return { inflate: Math.min(...runs.map((r) => r[0])), bytes: runs[0][1], count: counted[0], lines: counted[2] };
}, gzipped);
const mb = (n) => (n / 1e6).toFixed(0);
console.log(`file ${file}: ${mb(fs.statSync(file).size)} MB compressed${rawSize ? `, ${mb(rawSize)} MB of text` : ''}`);
console.log(cold ? 'cold: the file arrived with no worker running' : 'the pointer on "Open files" first (the worker started, as for a person), then the file');
if (marks.preview) console.log(`the file's first lines shown (decoded, while the rest is read) at ${(marks.preview - pageT0).toFixed(0)} ms = ${((marks.preview - pageT0) / (gzipped ? floor.inflate : 1)).toFixed(2)}x the inflate time`);
console.log(`open + decode until the first rows are in the page: ${(marks.rows - pageT0).toFixed(0)} ms; summary of all rows done at ${(marks.summary - pageT0).toFixed(0)} ms (test harness saw both by ${browsable.toFixed(0)} ms)`);
console.log(`the browser alone, same run: ${gzipped ? 'DecompressionStream inflates' : 'reading (no inflating: not gzip)'} it in ${floor.inflate.toFixed(0)} ms (best of 3, ${mb(floor.bytes)} MB), and with a JS loop counting its ${floor.lines} lines in ${floor.count.toFixed(0)} ms; rows in the page at ${((marks.rows - pageT0) / floor.inflate).toFixed(2)}x the inflate time (target <= 2x), summary at ${((marks.summary - pageT0) / floor.inflate).toFixed(2)}x (target <= 2.5x)`);
console.log(`filter "action:reject port:22" over all rows: ${filter.toFixed(0)} ms`);
console.log(`across records (conversations, findings, flow map, costs) in the worker: findings shown ${(marks.across - (acrossT0 ?? marks.summary)).toFixed(0)} ms after ${acrossT0 ? 'its button' : 'the summary'}; renderer memory peaked ${mb(Math.max(0, acrossPeak - peak))} MB above the file's own peak${rawSize ? ` = ${(Math.max(0, acrossPeak - peak) / rawSize).toFixed(2)}x the text` : ''}`);
console.log(`export all rows as CSV: ${mb(csvSize)} MB in ${exported.toFixed(0)} ms; renderer memory meanwhile peaked at ${mb(exportPeak - baseline)} MB over the idle page`);
console.log(`renderer memory: baseline ${mb(baseline)} MB, peak ${mb(peak)} MB, peak - baseline ${mb(peak - baseline)} MB${rawSize ? ` = ${((peak - baseline) / rawSize).toFixed(2)}x the text` : ''}`);
// The browser's own memory floor, same run: a blank page inflates the file with
// DecompressionStream and holds its text once (one buffer of the text's size, each piece
// copied in as it comes), sampled the same way. What the app holds beyond that is its own.
let floorMemory = null;
if (rawSize) {
  await page.close();
  const blank = await browser.newPage();
  await blank.setContent('<input type="file" id="f">');
  await new Promise((r) => setTimeout(r, 1500));
  const before = rendererRss();
  let top = before;
  const floorSampler = setInterval(() => (top = Math.max(top, rendererRss())), 50);
  await blank.setInputFiles('#f', file);
  const held = await blank.evaluate(async ([gzipped, size]) => {
    const file = document.querySelector('#f').files[0];
    const stream = file.stream();
    const reader = (gzipped ? stream.pipeThrough(new DecompressionStream('gzip')) : stream).getReader();
    const text = new Uint8Array(size);
    let at = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text.set(value.subarray(0, Math.max(0, Math.min(value.length, size - at))), at);
      at += value.length;
    }
    window.__held = text;
    return at;
  }, [gzipped, rawSize]);
  await new Promise((r) => setTimeout(r, 300));
  clearInterval(floorSampler);
  floorMemory = { held, over: top - before };
}
if (floorMemory) console.log(`the browser alone holding the text, same run: a blank page inflating it with DecompressionStream into one buffer: renderer memory ${mb(floorMemory.over)} MB over its idle page = ${(floorMemory.over / rawSize).toFixed(2)}x the text (${mb(floorMemory.held)} MB inflated)`);
await browser.close();
await server.close();
