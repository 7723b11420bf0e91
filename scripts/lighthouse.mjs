#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse (desktop preset) with the system Chromium against the built
// app served locally; prints the four category scores. Run `npm run build` first.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { existsSync } from 'node:fs';
import { chromiumPath } from './find-chromium.mjs';
import { startServer } from './serve-dist.mjs';

if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  console.error('lighthouse: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const port = 4399;
const server = await startServer(port);
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath() ?? undefined,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const presets = process.argv.includes('--mobile') ? [] : ['desktop'];
  const results = {};
  for (const preset of presets.length ? presets : ['mobile']) {
    const config = preset === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
    const run = await lighthouse(`http://127.0.0.1:${port}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] }, config);
    const categories = run?.lhr.categories ?? {};
    results[preset] = Object.fromEntries(Object.entries(categories).map(([k, v]) => [k, Math.round((v.score ?? 0) * 100)]));
    const failing = Object.values(run?.lhr.audits ?? {}).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable');
    console.log(`${preset}: performance ${results[preset].performance} · accessibility ${results[preset].accessibility} · best practices ${results[preset]['best-practices']} · SEO ${results[preset].seo}`);
    for (const a of failing) console.log(`  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
