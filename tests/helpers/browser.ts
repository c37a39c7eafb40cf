import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The flags this project's CI needs for Debian's Chromium (see DESIGN.md). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Launches headless Chromium: Debian's /usr/bin/chromium when installed, otherwise a
 * Playwright-managed Chromium if one happens to be present (never downloads one).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.WARTA_CHROMIUM ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);
  return chromium.launch({ headless: true, args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
}
