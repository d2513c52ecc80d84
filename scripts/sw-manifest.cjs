#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): writes the service worker of this
// build. Lists every file Trunk staged (index.html, the hashed js, wasm and
// css, the manifest, the icons), derives the build version from their names
// and contents, and fills both into assets/sw.js, written as sw.js next to
// index.html. Same files, same version; any change, a new version, hence a
// new cache and the "A new version is ready" banner.
//
// Trunk runs it with TRUNK_STAGING_DIR (the build about to replace dist/)
// and TRUNK_SOURCE_DIR (where index.html lives). Plain Node, no packages.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || path.resolve(__dirname, '..');
if (!staging) {
  console.error('sw-manifest: TRUNK_STAGING_DIR is not set (run me from a Trunk hook)');
  process.exit(1);
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
function files(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...files(path.join(dir, entry.name), `${rel}/`));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

const built = files(staging).filter((rel) => rel !== 'sw.js' && !rel.startsWith('.'));
// Fetched only when needed, cached once used, never at install: language
// tables when their language is chosen (src/i18n), demo mode's simulator
// worker when demo mode starts (src/api/demo).
const DEMO = ['demo-worker.js', 'demo.js', 'demo_bg.wasm'];
const isLazy = (rel) => rel.startsWith('i18n/') || DEMO.includes(rel);
const shell = built.filter((rel) => !isLazy(rel));
const lazy = built.filter(isLazy);
for (const rel of DEMO) {
  if (!lazy.includes(rel)) {
    console.error(`sw-manifest: no ${rel} in ${staging} (index.html builds it)`);
    process.exit(1);
  }
}
if (!shell.includes('index.html')) {
  console.error(`sw-manifest: no index.html in ${staging}`);
  process.exit(1);
}

const build = crypto.createHash('sha256');
for (const rel of built) {
  const content = crypto.createHash('sha256').update(fs.readFileSync(path.join(staging, rel)));
  build.update(`${rel}\0${content.digest('hex')}\n`);
}
const version = build.digest('hex').slice(0, 16);

const template = fs.readFileSync(path.join(source, 'assets', 'sw.js'), 'utf8');
for (const mark of ['__SW_VERSION__', '__SW_SHELL__', '__SW_LAZY__']) {
  if (!template.includes(mark)) {
    console.error(`sw-manifest: assets/sw.js lacks ${mark}`);
    process.exit(1);
  }
}
const sw = template
  .replace("'__SW_VERSION__'", JSON.stringify(version))
  .replace('__SW_SHELL__', JSON.stringify(shell, null, 2))
  .replace('__SW_LAZY__', JSON.stringify(lazy, null, 2));
fs.writeFileSync(path.join(staging, 'sw.js'), sw);
console.log(`sw-manifest: sw.js for build ${version}, ${shell.length} files cached, ${lazy.length} on use`);
