/**
 * Finds a Chromium for Playwright: end-to-end tests and PDF export both launch the browser through here.
 * Order: $CHROMIUM_PATH, Playwright's own download (if someone installed one), then the Debian package.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from 'playwright';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  playwrightPath: () => string | null;
}

const defaultLookup: ChromiumLookup = {
  env: process.env,
  exists: existsSync,
  playwrightPath: () => {
    try {
      return chromium.executablePath();
    } catch {
      return null;
    }
  },
};

/** Returns the path of a Chromium executable, or throws an Error that says how to get one. */
export function findChromium(lookup: ChromiumLookup = defaultLookup): string {
  const fromEnv = lookup.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (lookup.exists(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there. Fix the path or unset it.`);
  }
  const bundled = lookup.playwrightPath();
  if (bundled && lookup.exists(bundled)) return bundled;
  const system = SYSTEM_CANDIDATES.find((p) => lookup.exists(p));
  if (system) return system;
  throw new Error(
    'No Chromium found for Playwright. Install one with `sudo apt-get install chromium fonts-noto-cjk` ' +
      '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome/Chromium executable. ' +
      `Looked at: $CHROMIUM_PATH, Playwright's browser cache, ${SYSTEM_CANDIDATES.join(', ')}.`,
  );
}

/** Launch options shared by the test config and the PDF exporter. */
export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true };
}
