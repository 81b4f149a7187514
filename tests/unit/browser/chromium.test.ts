import { describe, expect, it } from 'vitest';
import { findChromium, npmChromiumEnv, type ChromiumLookup, type NpmChromium } from '../../../src/browser/chromium.ts';

const NPM: NpmChromium = { version: '147.0.0', bin: '/p/node_modules/@sparticuz/chromium/bin', cache: '/p/.cache/chromium' };

function lookup(executables: string[], over: Partial<ChromiumLookup> = {}): ChromiumLookup {
  return { env: {}, platform: 'linux-x64', executable: (p) => executables.includes(p), playwrightPath: () => null, npmChromium: () => NPM, ...over };
}

const npmFound = {
  source: '@sparticuz/chromium',
  executablePath: '/p/.cache/chromium/147.0.0/chromium',
  unpackFrom: '/p/node_modules/@sparticuz/chromium/bin',
  env: { LD_LIBRARY_PATH: '/p/.cache/chromium/147.0.0/lib', FONTCONFIG_FILE: '/p/.cache/chromium/147.0.0/fonts.conf' },
};

describe('findChromium', () => {
  it('prefers $CHROMIUM_PATH over everything else', () => {
    const all = lookup(['/opt/c', '/pw/chrome', '/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/opt/c' }, playwrightPath: () => '/pw/chrome' });
    expect(findChromium(all)).toEqual({ source: 'CHROMIUM_PATH', executablePath: '/opt/c', env: {} });
  });

  it('rejects a $CHROMIUM_PATH that is not executable, naming it, without looking further', () => {
    expect(() => findChromium(lookup(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/nope' } }))).toThrow(
      'CHROMIUM_PATH is set to /nope, but that is not an executable file. Fix the path or unset it.',
    );
  });

  it("then Playwright's own browser, when it is installed", () => {
    expect(findChromium(lookup(['/pw/chrome', '/usr/bin/chromium'], { playwrightPath: () => '/pw/chrome' }))).toEqual({ source: 'playwright', executablePath: '/pw/chrome', env: {} });
  });

  it('then a system Chromium that is really executable, in the order of the candidates', () => {
    expect(findChromium(lookup(['/usr/bin/chromium-browser', '/usr/bin/google-chrome'], { playwrightPath: () => '/pw/missing' }))).toEqual({
      source: 'system',
      executablePath: '/usr/bin/chromium-browser',
      env: {},
    });
    // /usr/bin/chromium exists but is not executable (here: not in the list): skipped.
    expect(findChromium(lookup(['/usr/bin/google-chrome'])).executablePath).toBe('/usr/bin/google-chrome');
  });

  it('then the npm Chromium, in a folder of its version under the project cache, with its libraries', () => {
    expect(findChromium(lookup([]))).toEqual(npmFound);
  });

  it('keeps an inherited library path after the bundled libraries', () => {
    expect(npmChromiumEnv('/c/147.0.0', { LD_LIBRARY_PATH: '/opt/lib' })).toEqual({ LD_LIBRARY_PATH: '/c/147.0.0/lib:/opt/lib', FONTCONFIG_FILE: '/c/147.0.0/fonts.conf' });
    expect(findChromium(lookup([], { env: { LD_LIBRARY_PATH: '/opt/lib' } })).env['LD_LIBRARY_PATH']).toBe('/p/.cache/chromium/147.0.0/lib:/opt/lib');
  });

  it('does not offer the npm Chromium where it has no binary, and says what to do', () => {
    for (const platform of ['linux-arm64', 'darwin-arm64', 'win32-x64']) {
      expect(() => findChromium(lookup([], { platform }))).toThrow(`@sparticuz/chromium (${platform})`);
    }
    expect(() => findChromium(lookup([], { npmChromium: () => null }))).toThrow(/`npm ci` installs one.*set CHROMIUM_PATH.*apt-get install chromium/);
  });
});
