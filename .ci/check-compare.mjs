// Opens a comparison report in headless Chromium, clicks the first broken image and checks that both
// models' explanations of it are shown and loaded; fails on a script or console error.
// Usage: node .ci/check-compare.mjs DIR...   (each DIR holds report.html from `limelight compare`)
import { launch } from './browser.mjs';
import path from 'node:path';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node .ci/check-compare.mjs DIR...');
  process.exit(2);
}
const browser = await launch();
let failures = 0;
for (const dir of dirs) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  await page.goto('file://' + path.resolve(dir, 'report.html'), { waitUntil: 'load' });
  const broken = page.locator('details.changed.broken').first();
  if (await broken.count() === 0) {
    problems.push('no broken image listed');
  } else {
    await broken.locator('summary').click();
    for (const side of ['a', 'b']) {
      const image = broken.locator(`figure.explanation-${side} img`);
      if (!(await image.isVisible())) {
        problems.push(`model ${side.toUpperCase()}'s explanation is not shown after the click`);
      } else if (!(await image.evaluate((i) => i.complete && i.naturalWidth > 0))) {
        problems.push(`model ${side.toUpperCase()}'s explanation did not load`);
      }
    }
  }
  await page.screenshot({ path: path.join(dir, 'report-clicked.png'), fullPage: true });
  if (problems.length > 0) {
    failures++;
    console.error(`FAIL ${dir}:\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`ok   ${dir}: a broken image opens to both explanations`);
  }
  await page.close();
}
await browser.close();
process.exit(failures === 0 ? 0 : 1);
