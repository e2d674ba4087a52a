// The site served as a host should serve it (HOSTING.md): precompressed brotli or gzip
// copies when the browser accepts them, `application/wasm`, a long cache for files with
// a content hash in their name and none for index.html, sw.js and the workers' files,
// and the Content-Security-Policy (with frame-ancestors) as a header. 127.0.0.1 only.
// Used by ./scripts/serve.sh and by the end-to-end tests, so what a newcomer sees
// locally is what teammates will see.
//
// `node scripts/host.mjs [dist] [port] [prefix]` serves by hand.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

import { CSP_HEADER } from './csp.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The headers a host should send for `name` (a path inside dist/). */
export function headersFor(name) {
  // Trunk writes its hash as a hexadecimal number without leading zeros: up to 16 digits.
  const hashed = /-[0-9a-f]{10,16}(_bg)?\.[a-z]+$/.test(name);
  return {
    'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
    // Hashed names never change content; the rest must be checked every time.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-security-policy': CSP_HEADER,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    vary: 'accept-encoding',
  };
}

/**
 * Starts the server; resolves to { url, close, served }. Port 0 picks a free port. `served`
 * lists each request as "STATUS path" (what the tests check a worker fetched).
 */
export async function serve(root, { prefix = '/team/decoder/', port = 0 } = {}) {
  const base = path.resolve(root);
  const served = [];
  const server = http.createServer(async (req, res) => {
    res.on('finish', () => served.push(`${res.statusCode} ${new URL(req.url, 'http://127.0.0.1').pathname}`));
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
      const file = path.resolve(base, rel);
      if (!file.startsWith(base + path.sep) && file !== base) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const headers = headersFor(rel);
      const accepts = String(req.headers['accept-encoding'] ?? '');
      for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepts.includes(encoding)) continue;
        const body = await fs.readFile(file + ext).catch(() => null);
        if (body) {
          res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length });
          res.end(req.method === 'HEAD' ? undefined : body);
          return;
        }
      }
      const body = await fs.readFile(file);
      res.writeHead(200, { ...headers, 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}${prefix}`,
    served,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'dist', port = '0', prefix = '/'] = process.argv.slice(2);
  const s = await serve(root, { port: Number(port), prefix });
  console.log(`serving ${root} at ${s.url}`);
}
