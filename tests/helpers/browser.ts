import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs (package `chromium`) when it is missing. */
export const CHROMIUM = process.env.SYNDICATE_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser is there; tests that need it say so loudly when it is not. */
export const haveChromium = existsSync(CHROMIUM);

if (!haveChromium) {
  console.warn(`\n*** CHROMIUM ABSENT: ${CHROMIUM} not found; the browser tests are SKIPPED, not passed. Install Debian's chromium package (.ci/run does). ***\n`);
}

/**
 * Starts headless Chromium. The flags keep it from reaching for Google's services at start (this
 * machine has no network; without them it retries DNS lookups and stalls) and let it run as root.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
