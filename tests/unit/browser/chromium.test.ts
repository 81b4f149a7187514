import { describe, expect, it } from 'vitest';
import { findChromium, type ChromiumLookup } from '../../../src/browser/chromium.ts';

function lookup(files: string[], env: Record<string, string> = {}, bundled: string | null = null): ChromiumLookup {
  return { env, exists: (p) => files.includes(p), playwrightPath: () => bundled };
}

describe('findChromium', () => {
  it('prefers $CHROMIUM_PATH', () => {
    expect(findChromium(lookup(['/opt/c', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/c' }))).toBe('/opt/c');
  });

  it('rejects a $CHROMIUM_PATH that does not exist, naming it', () => {
    expect(() => findChromium(lookup(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope' }))).toThrow('CHROMIUM_PATH is set to /nope');
  });

  it("uses Playwright's own browser when it is installed", () => {
    expect(findChromium(lookup(['/pw/chrome', '/usr/bin/chromium'], {}, '/pw/chrome'))).toBe('/pw/chrome');
  });

  it('falls back to the Debian package', () => {
    expect(findChromium(lookup(['/usr/bin/chromium'], {}, '/pw/missing'))).toBe('/usr/bin/chromium');
  });

  it('fails with an actionable message when there is none', () => {
    expect(() => findChromium(lookup([]))).toThrow(/apt-get install chromium/);
  });
});
