// Browser tests' Chromium: Debian's build, headless, making no network requests of its own.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchDebianChromium } from '../../src/bench/chromium.ts';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

const missingReason = existsSync(CHROMIUM_PATH)
  ? null
  : `${CHROMIUM_PATH} not found (install it with: apt-get install -y chromium)`;

/**
 * describe() for tests that drive Chromium. On a machine without it they are skipped with the reason
 * printed; in CI (CI=true) they run anyway, and launchChromium() fails them with that reason.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (missingReason && process.env.CI !== 'true') {
    console.warn(`skipping "${name}": ${missingReason}`);
    describe.skip(`${name} (skipped: ${missingReason})`, body);
  } else {
    describe(name, body);
  }
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (missingReason) throw new Error(`the browser tests need Chromium: ${missingReason}`);
  return launchDebianChromium(extraArgs);
}
