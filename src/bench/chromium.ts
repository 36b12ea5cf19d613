// Debian's Chromium as the benchmarks and browser tests drive it: headless, making no requests of its own.
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps trying hosts this machine cannot reach. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchDebianChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Resolves once the whole browser has gone quiet: its processes together used under 10 ms of CPU in the
 * last 100 ms (measured through the DevTools protocol's SystemInfo.getProcessInfo), or after `limitMs`.
 * Resolves with the milliseconds waited, or null when the limit came first.
 *
 * Why: each new context opens a window, and Debian's Chromium then loads its own omnibox popup (a
 * chrome:// WebUI page) in another renderer for ~0.8 s and ~0.7 s of CPU. A page opened in that
 * instant shares this 2-core machine with it, which a reader's browser, already open, does not
 * (first queries measured 296 ms median in that state, 188 ms once the browser was quiet; 32 each).
 */
export async function browserQuiet(browser: Browser, limitMs = 5000): Promise<number | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const cpuSeconds = async () => {
      const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
        processInfo: { cpuTime: number }[];
      };
      return processInfo.reduce((sum, process) => sum + process.cpuTime, 0);
    };
    const start = performance.now();
    let last = await cpuSeconds();
    while (performance.now() - start < limitMs) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await cpuSeconds();
      if (now - last < 0.01) return performance.now() - start;
      last = now;
    }
    return null;
  } finally {
    await session.detach();
  }
}
