// Trunk post_build hook (see Trunk.toml), run on the staging copy of dist/:
// 1. moves trunk's inline start-up script into a file, so the page needs no inline script;
// 2. adds a Content-Security-Policy that allows only the page's own origin (plus
//    'wasm-unsafe-eval', which compiling WebAssembly needs);
// 3. writes sw.js with the list of files to cache for offline use and a version hash;
// 4. writes precompressed .br and .gz copies for hosts that serve them;
// 5. asks search engines not to index the site (meta robots, robots.txt) unless
//    FLOWLOG_INDEXING=allow.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

import { CSP } from './csp.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk');

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

// The app's code is fetched after the static shell's first paint, not preloaded with it:
// the shell is what a visitor sees first, and no byte of WebAssembly should compete with
// it (Lighthouse counts every request that starts before the largest paint as delaying
// it). The fetch starts one frame later; a background tab starts it within 200 ms.
function afterFirstPaint(start) {
  const staticImport = /^import init, \* as bindings from '([^']+)';$/m;
  const found = start.match(staticImport);
  if (!found) throw new Error(`trunk's start-up script changed; update afterFirstPaint:\n${start}`);
  return start.replace(
    staticImport,
    [
      '// After the static shell has painted (scripts/post-build.mjs, afterFirstPaint).',
      'await new Promise((resolve) => {',
      '  requestAnimationFrame(() => setTimeout(resolve, 0));',
      '  setTimeout(resolve, 200);',
      '});',
      `const bindings = await import('${found[1]}');`,
      'const init = bindings.default;',
    ].join('\n'),
  );
}

const indexPath = path.join(staging, 'index.html');
let html = await fs.readFile(indexPath, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  const code = afterFirstPaint(match[1].trim()) + '\n';
  const name = `start-${sha256(code).slice(0, 16)}.js`;
  await fs.writeFile(path.join(staging, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
}
const preloads = /<link rel="(modulepreload|preload)" href="\.\/vpc-flowlog-decoder-[^"]*"[^>]*>/g;
if ((html.match(preloads) ?? []).length !== 2) throw new Error("trunk's preload links changed; update post-build.mjs");
html = html.replace(preloads, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html still has an inline script');
// Search engines: a shared internal tool is not indexed unless the build says so
// (FLOWLOG_INDEXING=allow, for a public site). robots.txt only counts at a host's root;
// the meta tag counts under any path.
const indexing = process.env.FLOWLOG_INDEXING === 'allow';
if (!indexing && !html.includes('name="robots"')) {
  html = html.replace(
    /<meta name="viewport"[^>]*>/,
    (m) => `${m}\n    <meta name="robots" content="noindex, nofollow" />`,
  );
}
await fs.writeFile(
  path.join(staging, 'robots.txt'),
  indexing ? 'User-agent: *\nAllow: /\n' : '# A shared internal tool: not for search engines (HOSTING.md).\nUser-agent: *\nDisallow: /\n',
);
if (!html.includes('Content-Security-Policy')) {
  html = html.replace(
    /<meta charset="utf-8"\s*\/?>/,
    (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
  );
}
await fs.writeFile(indexPath, html);

async function list(dir, prefix = '') {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...(await list(path.join(dir, entry.name), rel + '/')));
    else out.push(rel);
  }
  return out;
}

const files = (await list(staging)).filter((f) => f !== 'sw.js' && !/\.(gz|br)$/.test(f)).sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(await fs.readFile(path.join(staging, f)));
const precache = ['./', ...files.map((f) => `./${f}`)];
const template = await fs.readFile(path.join(source, 'static', 'sw.template.js'), 'utf8');
const sw = template
  .replace('__VERSION__', hash.digest('hex').slice(0, 16))
  .replace('__PRECACHE__', JSON.stringify(precache, null, 2));
await fs.writeFile(path.join(staging, 'sw.js'), sw);

// Precompressed copies of the text and wasm files, for hosts that serve them
// (scripts/host.mjs, nginx `gzip_static`/`brotli_static`, CloudFront with S3 metadata):
// brotli at its best level and gzip -9, only where they are smaller.
for (const f of [...files, 'sw.js']) {
  if (!/\.(wasm|js|css|html|svg|json|webmanifest)$/.test(f)) continue;
  const file = path.join(staging, f);
  const body = await fs.readFile(file);
  if (body.length < 1024) continue;
  const br = zlib.brotliCompressSync(body, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const gz = zlib.gzipSync(body, { level: 9 });
  if (br.length < body.length) await fs.writeFile(file + '.br', br);
  if (gz.length < body.length) await fs.writeFile(file + '.gz', gz);
}
