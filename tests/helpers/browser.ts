import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium as root in a container: no sandbox, no GPU, and no background traffic
 * that would reach for the network the tests must not need.
 */
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
