#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml), after sw-manifest.cjs: writes the
// brotli (quality 11) and gzip (Zopfli) forms of the build's files next to
// them, `x.wasm.br` and `x.wasm.gz`, so that a server can send them as they
// are instead of compressing every answer on the fly at a lower level.
// `smsrent-relay --serve` does (tower-http's precompressed files); so do
// nginx's `gzip_static`/`brotli_static` and most static hosts.
//
// Left out: index.html (the relay rewrites its policy on the way out, and it
// is small), sw.js (revalidated by its modification time, which a copy of the
// compressed form would not follow), the service worker's precache list
// (written before this runs, it names only the real files), files that do
// not shrink by a tenth (the PNG icons) and files under 1 KB.
//
// The gzip form comes from Zopfli (npm @gfx/zopfli, installed by
// scripts/setup.sh into SMSRENT_TOOLS): the same format any gzip reader
// takes, about 5 % smaller than zlib's level 9 (582 KB against 616 for the
// app's wasm), at a few seconds per build.
//
// Trunk runs it with TRUNK_STAGING_DIR and TRUNK_PROFILE.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('precompress: TRUNK_STAGING_DIR is not set (run me from a Trunk hook)');
  process.exit(1);
}

// A debug build (`trunk serve`, `trunk build` without --release) is for the
// developer's own browser: its wasm is many times bigger, and Zopfli on it
// would hold up every rebuild for nothing.
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') {
  console.log(`precompress: skipped (${process.env.TRUNK_PROFILE} build)`);
  process.exit(0);
}

const tools = process.env.SMSRENT_TOOLS || path.join(os.homedir(), '.cache', 'smsrent-tools');
let zopfli;
try {
  zopfli = require(path.join(tools, 'node_modules', '@gfx', 'zopfli'));
} catch {
  console.error(`precompress: no Zopfli in ${tools}: run scripts/setup.sh`);
  process.exit(1);
}

const SKIP = new Set(['index.html', 'sw.js']);
const MIN_BYTES = 1024;

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The brotli and gzip forms of `raw` worth keeping (a tenth smaller at least). */
async function forms(raw) {
  const all = {
    br: zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gz: Buffer.from(await zopfli.gzipAsync(raw, { numiterations: 5 })),
  };
  return Object.entries(all).filter(([, bytes]) => bytes.length <= raw.length * 0.9);
}

async function main() {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const sizes = { raw: 0, br: 0, gz: 0 };
  let written = 0;
  for (const file of walk(staging)) {
    const name = path.basename(file);
    if (SKIP.has(name) || name.endsWith('.br') || name.endsWith('.gz')) continue;
    const raw = fs.readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const kept = await forms(raw);
    if (kept.length > 0) sizes.raw += raw.length;
    for (const [ext, bytes] of kept) {
      fs.writeFileSync(`${file}.${ext}`, bytes);
      sizes[ext] += bytes.length;
      written += 1;
    }
  }
  console.log(
    `precompress: ${written} files written; ${kb(sizes.raw)} -> brotli ${kb(sizes.br)}, gzip ${kb(sizes.gz)}`,
  );
}

main().catch((e) => {
  console.error(`precompress: ${e.stack || e}`);
  process.exit(1);
});
