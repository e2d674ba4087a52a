// The Content-Security-Policy of the site: in index.html as a meta tag (post-build.mjs)
// and, where the host allows headers, as a header with frame-ancestors (host.mjs, HOSTING).
// Only the page's own origin, plus 'wasm-unsafe-eval', which compiling WebAssembly needs.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** The header form: a meta tag cannot say frame-ancestors. */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;
