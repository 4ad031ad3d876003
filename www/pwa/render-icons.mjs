// Renders the app icons' PNGs from their SVG sources with the test Chromium.
// The PNGs are committed; run this only after changing an SVG:
//   node www/pwa/render-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from '../../tests/support/browser.mjs';

const HERE = new URL('./', import.meta.url).pathname;
const ICONS = [
  // "any": the site icon as is (rounded, transparent corners); 32 px is the
  // page icon (a PNG: Chromium decodes an SVG one on the page's main thread,
  // in a document of its own, a long task on a phone).
  { svg: '../icon.svg', png: 'icon', sizes: [32, 192, 512] },
  // "maskable": full bleed, the platform crops it to its own shape.
  { svg: 'icon-maskable.svg', png: 'icon-maskable', sizes: [192, 512] },
];

const browser = await launch();
try {
  for (const { svg, png, sizes } of ICONS) {
    const src = `data:image/svg+xml;base64,${readFileSync(HERE + svg).toString('base64')}`;
    for (const size of sizes) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      writeFileSync(`${HERE}${png}-${size}.png`, await page.screenshot({ omitBackground: true }));
      await page.close();
      console.log(`${png}-${size}.png`);
    }
  }
} finally {
  await browser.close();
}
