#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml; runs before sw-manifest.cjs, whose
// version hashes the final index.html): writes the app's
// Content-Security-Policy into the staged index.html as a <meta> tag, for
// static hosts that cannot send headers.
//
// - script-src: this origin, 'wasm-unsafe-eval' (compiling the wasm), and
//   Trunk's inline loader by the SHA-256 of its text as written in this very
//   file; no other inline script runs.
// - connect-src: this origin (the relay preset, the demo needs nothing),
//   the two providers, and whatever SMSRENT_CONNECT_SRC adds at build time
//   (origins or URLs, space or comma separated: a static host's own relay).
// - img-src: this origin, data:, the providers' service icons.
// - A meta policy cannot carry frame-ancestors (the browser ignores it and
//   says so in the console), so this is the relay's header policy without it.
//   The relay removes this tag when it serves the page (relay/src/csp.rs):
//   its header, with --connect-src, is then the one exact policy.
//
// Plain Node, no packages. CSP_META_HTML=path runs it on one file (tests).
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const PROVIDERS = ['https://smspva.com', 'https://simsms.org'];

const file = process.env.CSP_META_HTML
  || (process.env.TRUNK_STAGING_DIR && path.join(process.env.TRUNK_STAGING_DIR, 'index.html'));
if (!file) {
  console.error('csp-meta: TRUNK_STAGING_DIR is not set (run me from a Trunk hook)');
  process.exit(1);
}

/** SMSRENT_CONNECT_SRC as origins; a malformed entry fails the build. */
function extraOrigins(value) {
  return (value || '').split(/[\s,]+/).filter(Boolean).map((entry) => {
    let url;
    try { url = new URL(entry); } catch { url = null; }
    if (!url || !['https:', 'http:'].includes(url.protocol)) {
      console.error(`csp-meta: SMSRENT_CONNECT_SRC entry is not an http(s) URL: ${entry}`);
      process.exit(1);
    }
    return url.origin;
  });
}

/** The text of every <script> without a src, exactly as written. */
function inlineScripts(html) {
  const out = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m; (m = re.exec(html));) {
    if (!/\bsrc\s*=/i.test(m[1])) out.push(m[2]);
  }
  return out;
}

const META = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>\s*/gi;

let html = fs.readFileSync(file, 'utf8').replace(META, '');
const hashes = inlineScripts(html).map(
  (body) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const connect = [...new Set(["'self'", ...PROVIDERS, ...extraOrigins(process.env.SMSRENT_CONNECT_SRC)])];
const policy = [
  "default-src 'self'",
  ['script-src', "'self'", "'wasm-unsafe-eval'", ...hashes].join(' '),
  "style-src 'self'",
  ['img-src', "'self'", 'data:', ...PROVIDERS].join(' '),
  ['connect-src', ...connect].join(' '),
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
// Right after the charset (which must stay in the first 1024 bytes), before
// anything the policy governs.
const charset = /<meta\s+charset\b[^>]*>/i;
if (charset.test(html)) html = html.replace(charset, (m) => `${m}\n    ${tag}`);
else if (/<head\b[^>]*>/i.test(html)) html = html.replace(/<head\b[^>]*>/i, (m) => `${m}\n    ${tag}`);
else {
  console.error(`csp-meta: no <head> in ${file}`);
  process.exit(1);
}
fs.writeFileSync(file, html);
console.log(`csp-meta: policy written into ${path.basename(file)}, ${hashes.length} inline script(s) hashed, connect-src ${connect.join(' ')}`);
