/**
 * Finds a Chromium for Playwright: end-to-end tests and PDF export both launch the browser through here.
 * Order: $CHROMIUM_PATH, Playwright's own download (if someone installed one), a system Chromium that is
 * really executable, then the one `npm ci` brings (@sparticuz/chromium, Linux x64), so a machine with
 * Node alone can build and test.
 *
 * The npm Chromium is unpacked by us, not by the package: its own unpacker writes the whole browser into the temp
 * folder, reuses whatever binary is there without checking the version, and unpacks the libraries it
 * bundles (libnss3, libnspr4, libexpat) only when it believes it runs on AWS. Its recommended flags are not
 * used either: `--single-process` kills a second browser context, `--disable-web-security` has no place in
 * tests. We never import its code; we only read the archives in its bin/ folder.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type LaunchOptions } from 'playwright';
import { tarEntries } from './tar.ts';

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

/** The platforms @sparticuz/chromium's npm package has a binary for. */
const NPM_CHROMIUM_PLATFORMS = ['linux-x64'];

/** @sparticuz/chromium as installed: its version, its bin/ folder, and the cache its unpacked copies go to. */
export interface NpmChromium {
  version: string;
  bin: string;
  cache: string;
}

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  /** `${process.platform}-${process.arch}` */
  platform: string;
  /** A regular file we may execute (a path that merely exists, or a device bound over it, does not count). */
  executable: (path: string) => boolean;
  playwrightPath: () => string | null;
  npmChromium: () => NpmChromium | null;
}

export interface FoundChromium {
  source: 'CHROMIUM_PATH' | 'playwright' | 'system' | '@sparticuz/chromium';
  executablePath: string;
  /** The npm Chromium: its bin/ folder, to be unpacked into the folder of executablePath before launch. */
  unpackFrom?: string;
  /** Added to the browser's environment. */
  env: Record<string, string>;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function installedNpmChromium(): NpmChromium | null {
  try {
    // The resolved path is the real one: a work folder's linked node_modules leads to the project's cache.
    const pkg = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..');
    const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
    const bin = join(pkg, 'bin');
    if (!existsSync(join(bin, 'chromium.br'))) return null;
    const project = pkg.slice(0, pkg.lastIndexOf(`${sep}node_modules${sep}`));
    return { version, bin, cache: join(project, '.cache', 'chromium') };
  } catch {
    return null;
  }
}

const defaultLookup: ChromiumLookup = {
  env: process.env,
  platform: `${process.platform}-${process.arch}`,
  executable: isExecutableFile,
  playwrightPath: () => {
    try {
      return chromium.executablePath();
    } catch {
      return null;
    }
  },
  npmChromium: installedNpmChromium,
};

/**
 * The npm Chromium's environment: its bundled libraries first on the library path, and a fontconfig file
 * of its own that lists only the fonts it ships (pages bring their fonts; system fonts stay out).
 */
export function npmChromiumEnv(dir: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const inherited = env['LD_LIBRARY_PATH'];
  return { LD_LIBRARY_PATH: inherited ? `${dir}/lib:${inherited}` : `${dir}/lib`, FONTCONFIG_FILE: `${dir}/fonts.conf` };
}

/** Which Chromium to launch, or throws an Error that says how to get one. Pure given the lookup. */
export function findChromium(lookup: ChromiumLookup = defaultLookup): FoundChromium {
  const fromEnv = lookup.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (lookup.executable(fromEnv)) return { source: 'CHROMIUM_PATH', executablePath: fromEnv, env: {} };
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but that is not an executable file. Fix the path or unset it.`);
  }
  const bundled = lookup.playwrightPath();
  if (bundled && lookup.executable(bundled)) return { source: 'playwright', executablePath: bundled, env: {} };
  const system = SYSTEM_CANDIDATES.find((p) => lookup.executable(p));
  if (system) return { source: 'system', executablePath: system, env: {} };
  const npm = NPM_CHROMIUM_PLATFORMS.includes(lookup.platform) ? lookup.npmChromium() : null;
  if (npm) {
    const dir = join(npm.cache, npm.version);
    return { source: '@sparticuz/chromium', executablePath: join(dir, 'chromium'), unpackFrom: npm.bin, env: npmChromiumEnv(dir, lookup.env) };
  }
  throw new Error(
    'No Chromium found for Playwright. On Linux x64 `npm ci` installs one (@sparticuz/chromium); elsewhere set ' +
      'CHROMIUM_PATH to a Chrome/Chromium executable, or install one (Debian/Ubuntu: `sudo apt-get install chromium`). ' +
      `Looked at: $CHROMIUM_PATH, Playwright's browser cache, ${SYSTEM_CANDIDATES.join(', ')}, @sparticuz/chromium (${lookup.platform}).`,
  );
}

const fontsConf = (dir: string): string =>
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${dir}/fonts</dir>\n  <cachedir>${dir}/fontconfig</cachedir>\n</fontconfig>\n`;

/**
 * Unpacks the npm Chromium into `dir` (.cache/chromium/<version>/): the binary, its libraries (lib/, from the
 * package's al2023 archive) and its fonts. It is written to a private folder and renamed into place, so a
 * folder that exists is complete, and test workers starting together do not see each other's half-written files.
 * SwiftShader (software WebGL) is left packed: we launch with --disable-gpu.
 */
function unpackNpmChromium(bin: string, dir: string): void {
  if (existsSync(join(dir, 'chromium'))) return;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(join(partial, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 });
  for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
    for (const entry of tarEntries(brotliDecompressSync(readFileSync(join(bin, archive))))) {
      const path = join(partial, entry.path);
      if (entry.kind === 'dir') mkdirSync(path, { recursive: true });
      // Its fonts.conf lists AWS folders; ours is written below.
      else if (entry.path !== 'fonts.conf') {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, entry.data, { mode: entry.mode });
      }
    }
  }
  writeFileSync(join(partial, 'fonts.conf'), fontsConf(dir));
  try {
    renameSync(partial, dir);
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw err; // else another process was first
  }
}

let resolved: FoundChromium | null = null;

/** The Chromium of this machine, unpacked when it is the npm one (once per process). */
export function resolveChromium(): FoundChromium {
  if (!resolved) {
    const found = findChromium();
    if (found.unpackFrom) unpackNpmChromium(found.unpackFrom, dirname(found.executablePath));
    resolved = found;
  }
  return resolved;
}

/** Launch options shared by the test config and the PDF exporter. */
export function chromiumLaunchOptions(): LaunchOptions {
  const found = resolveChromium();
  const options: LaunchOptions = { executablePath: found.executablePath, args: CHROMIUM_ARGS, headless: true };
  return Object.keys(found.env).length > 0 ? { ...options, env: { ...process.env, ...found.env } } : options;
}
