// Opens HTML reports in headless Chromium (Debian's /usr/bin/chromium) as a reader would, saves a
// full-page screenshot next to each (REPORT.png), and fails on a script error, a console error, a
// failed request or an image that did not load.
// Usage: node .ci/check-reports.mjs out/demo/image/report.html out/ci-audit/report.html ...
import { launch } from './browser.mjs';
import path from 'node:path';

const reports = process.argv.slice(2);
if (reports.length === 0) {
  console.error('usage: node .ci/check-reports.mjs REPORT.html...');
  process.exit(2);
}
const browser = await launch();
let failures = 0;
for (const report of reports) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url().slice(0, 120)}`));
  await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });
  const images = await page.$$eval('img', (all) => all.map((i) => ({ ok: i.complete && i.naturalWidth > 0,
    name: i.alt || i.src.slice(0, 60) })));
  for (const image of images.filter((i) => !i.ok)) problems.push(`image did not load: ${image.name}`);
  const screenshot = report.replace(/\.html$/, '') + '.png';
  await page.screenshot({ path: screenshot, fullPage: true });
  const text = await page.evaluate(() => document.body ? document.body.innerText.trim().length : 0);
  if (text < 100) problems.push(`the page is almost empty (${text} characters of text)`);
  if (problems.length > 0) {
    failures++;
    console.error(`FAIL ${report}:\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`ok   ${report}: ${images.length} images, screenshot ${screenshot}`);
  }
  await page.close();
}
await browser.close();
process.exit(failures === 0 ? 0 : 1);
