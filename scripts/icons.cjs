#!/usr/bin/env node
// Renders the app's icons from their SVG sources with Debian's headless
// Chromium (through the e2e suite's playwright-core; no browser download):
//
//   assets/icon.svg          -> assets/icons/icon-{192,512}.png  (purpose "any")
//   assets/icon-maskable.svg -> assets/icons/icon-maskable-{192,512}.png,
//                               assets/icons/apple-touch-icon.png (180, full bleed)
//   assets/icon.svg          -> assets/icons/favicon-32.png, assets/favicon.ico (16, 32, 48)
//
// The PNGs are committed; run this again after editing an SVG:
//   node scripts/icons.cjs            (needs `npm ci` in e2e/ once)
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const { chromium } = require(path.join(root, 'e2e', 'node_modules', 'playwright-core'));

const assets = path.join(root, 'assets');
const out = path.join(assets, 'icons');

const jobs = [
  { svg: 'icon.svg', size: 192, file: 'icon-192.png' },
  { svg: 'icon.svg', size: 512, file: 'icon-512.png' },
  { svg: 'icon-maskable.svg', size: 192, file: 'icon-maskable-192.png' },
  { svg: 'icon-maskable.svg', size: 512, file: 'icon-maskable-512.png' },
  { svg: 'icon-maskable.svg', size: 180, file: 'apple-touch-icon.png' },
  { svg: 'icon.svg', size: 32, file: 'favicon-32.png' },
];
const icoSizes = [16, 32, 48];

/** One SVG at one size, as PNG bytes with a transparent background. */
async function render(page, svgText, size) {
  await page.setViewportSize({ width: size, height: size });
  const src = `data:image/svg+xml;base64,${Buffer.from(svgText).toString('base64')}`;
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;background:transparent}` +
      `img{display:block;width:${size}px;height:${size}px}</style></head>` +
      `<body><img src="${src}" alt=""></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** An .ico holding PNG images (supported by every current browser). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const svg = (name) => fs.readFileSync(path.join(assets, name), 'utf8');
    for (const job of jobs) {
      const png = await render(page, svg(job.svg), job.size);
      fs.writeFileSync(path.join(out, job.file), png);
      console.log(`assets/icons/${job.file} (${job.size}x${job.size}, ${png.length} bytes)`);
    }
    const images = [];
    for (const size of icoSizes) images.push({ size, png: await render(page, svg('icon.svg'), size) });
    const bytes = ico(images);
    fs.writeFileSync(path.join(assets, 'favicon.ico'), bytes);
    console.log(`assets/favicon.ico (${icoSizes.join(', ')} px, ${bytes.length} bytes)`);
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
