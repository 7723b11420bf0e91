/**
 * One accessibility scan helper for the specs. Structure rules (names, roles, landmarks, ARIA) do
 * not depend on the colour scheme, so a view is scanned once in full in light, then only for the
 * colour rules in dark: the same coverage as two full scans, at about half the time.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The axe rules whose result depends on colours (and so on the theme). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

async function scan(page: Page, what: string, include: string | undefined, rules: readonly string[] | null): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  if (rules) builder = builder.withRules([...rules]);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Follows the system scheme as the app does (the `dark` class on <html>), and waits for it to apply. */
async function setScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  const html = page.locator('html');
  if (scheme === 'dark') await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  else await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);
}

/**
 * Scans what the page shows now in both themes: every rule in light, the colour rules in dark.
 * `include` narrows the scan to a selector (the part a spec is about). Leaves the page in light.
 */
export async function expectAccessible(page: Page, what: string, include?: string): Promise<void> {
  await setScheme(page, 'light');
  await scan(page, `${what} (light)`, include, null);
  await setScheme(page, 'dark');
  await scan(page, `${what} (dark)`, include, COLOUR_RULES);
  await setScheme(page, 'light');
}
