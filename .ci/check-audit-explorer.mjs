// Uses an audit report's image explorer in headless Chromium as an auditor would, and checks what it
// shows against the audit's own audit.json: filtering by a label, a tag, a slice, a cluster and a
// property range shows as many images as audit.json's rows say; clicking an explained image shows its
// explanation. Fails on any script error.
// Usage: node .ci/check-audit-explorer.mjs AUDIT_DIR...   (each holding report.html and audit.json)
import { launch } from './browser.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node .ci/check-audit-explorer.mjs AUDIT_DIR...');
  process.exit(2);
}
const browser = await launch();
let failures = 0;
for (const dir of dirs) {
  const audit = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  const checked = [];
  page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.setDefaultTimeout(10000);
  try {
    await page.goto('file://' + path.resolve(dir, 'report.html'), { waitUntil: 'load' });
    await explore(page, audit, problems, checked);
  } catch (e) {
    problems.push(`the explorer could not be used: ${e.message.split('\n')[0]}`);
  }
  const size = readFileSync(path.join(dir, 'report.html')).length;
  if (problems.length > 0) {
    failures++;
    console.error(`FAIL ${dir}:\n  ${problems.join('\n  ')}`);
  } else {
    console.log(`ok   ${dir} (${(size / 1e6).toFixed(2)} MB): ${checked.join('; ')}`);
  }
  await page.close();
}
await browser.close();
process.exit(failures === 0 ? 0 : 1);

async function explore(page, audit, problems, checked) {
  const rows = audit.rows;
  const expect = async (what, wanted) => {
    const shown = Number((await page.textContent('#count')).split(' ')[0]);
    checked.push(`${what}: ${shown}`);
    if (shown !== wanted) problems.push(`${what}: the page shows ${shown} images, audit.json has ${wanted}`);
  };
  const reset = async () => {
    for (const id of ['#f-label', '#f-predicted', '#f-outcome', '#f-tag', '#f-property']) {
      await page.selectOption(id, '');
    }
    if (await page.isVisible('#clear-group')) await page.click('#clear-group');
  };

  await expect('all', rows.length);
  const label = rows[rows.length - 1].label;
  await page.selectOption('#f-label', label);
  await expect(`label ${label}`, rows.filter((r) => r.label === label).length);
  await page.selectOption('#f-outcome', 'mistake');
  await expect(`label ${label}, mistakes`, rows.filter((r) => r.label === label && r.label !== r.predicted).length);
  await reset();
  const tags = Object.keys(audit.tagCounts);
  if (tags.length > 0) {
    await page.selectOption('#f-tag', tags[0]);
    await expect(`tag ${tags[0]}`, rows.filter((r) => r.tags.includes(tags[0])).length);
    await reset();
  }
  if (audit.slices.length > 0) {
    await page.click('tr[data-slice="0"]');
    await expect(`slice ${audit.slices[0].description}`, audit.slices[0].members.length);
    await reset();
  }
  if (audit.clusters.length > 0) {
    await page.click('tr[data-cluster="0"]');
    await expect(`cluster ${audit.clusters[0].id}`, audit.clusters[0].members.length);
    await reset();
  }
  await page.selectOption('#f-property', 'brightness');
  await page.fill('#f-min', '100');
  await expect('brightness >= 100', rows.filter((r) => r.properties.brightness >= 100).length);
  await page.fill('#f-min', '');
  await reset();

  // drill down: an explained image shows its explanation
  let explained = null;
  for (let p = 0; p < 500 && explained === null; p++) {
    explained = await page.$('#grid figure:has(figcaption:text("\u2605"))');
    if (explained === null) {
      const before = await page.textContent('#page');
      await page.click('#next');
      if ((await page.textContent('#page')) === before) break;
    }
  }
  if (explained === null) {
    problems.push('no explained image could be found in the grid');
    return;
  }
  const index = Number(await explained.getAttribute('data-index'));
  await explained.click();
  const overlay = await page.$eval('#detail img.explanation', (i) => i.complete && i.naturalWidth > 0)
    .catch(() => false);
  const text = await page.textContent('#detail');
  if (!overlay) problems.push(`clicking ${rows[index].path} shows no explanation image`);
  if (!text.includes(rows[index].path) || !text.includes('explanation of')) {
    problems.push(`the detail of ${rows[index].path} lacks its path or explanation`);
  }
  checked.push(`drill-down ${rows[index].path}`);
}
