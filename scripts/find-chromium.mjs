// Decides which Chromium the browser tests use. Order: $CERTSCOPE_CHROMIUM, /usr/bin/chromium,
// then Playwright's own downloaded browser (returns null: Playwright picks it itself).
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** @returns {string | null} an executable path, or null to let Playwright use its own browser */
export function chromiumPath() {
  const fromEnv = process.env.CERTSCOPE_CHROMIUM;
  if (fromEnv) return fromEnv;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return null;
}
