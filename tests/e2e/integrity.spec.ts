/** Whole-site checks over the built dist/: links, anchors, origins, scripts, stable clause URLs. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { test, expect } from './fixtures.ts';
import { checkCss, checkLinks } from '../support/links.ts';

const DIST = 'dist';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(DIST, path)];
  });
}

const all = walk(DIST);
const htmlFiles = all.filter((p) => p.endsWith('.html'));

test('zero broken internal links, zero missing #anchors, zero references to other origins', () => {
  const files = htmlFiles.map((path) => ({ path, html: readFileSync(join(DIST, path), 'utf8') }));
  const exists = new Set(all);
  const problems = [
    ...checkLinks(files, all),
    ...all.filter((p) => p.endsWith('.css')).flatMap((p) => checkCss(p, readFileSync(join(DIST, p), 'utf8'), exists)),
  ];
  expect(problems).toEqual([]);
  expect(htmlFiles.length).toBeGreaterThan(250);
});

test('no script or event handler from any source reaches dist/', () => {
  for (const path of htmlFiles) {
    const html = readFileSync(join(DIST, path), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    for (const attrs of scripts) {
      // our bundled modules, or inert JSON data
      expect(attrs, `${path}: <script${attrs}>`).toMatch(/type="module" src="\/_astro\/|type="application\/(ld\+)?json"|src="\/pagefind\//);
    }
    expect(html, path).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html, path).not.toMatch(/javascript:/i);
    expect(html, path).not.toMatch(/<iframe/i);
  }
});

test('every page declares a Content-Security-Policy that allows only its own origin', () => {
  const pages = htmlFiles.filter((p) => !p.startsWith('c/') && !p.startsWith('n/'));
  for (const path of pages) {
    const html = readFileSync(join(DIST, path), 'utf8');
    expect(html, path).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';`);
  }
});

test('budget: the longest document page is under 100 KB compressed (HTML+CSS+JS), its own JavaScript under 10 KB', () => {
  const gz = (path: string): number => gzipSync(readFileSync(join(DIST, path))).length;
  const docs = htmlFiles.filter((p) => /^documents\/[^/]+\/index\.html$/.test(p));
  const longest = docs.reduce((a, b) => (statSync(join(DIST, b)).size > statSync(join(DIST, a)).size ? b : a));
  const html = readFileSync(join(DIST, longest), 'utf8');
  const assets = [...new Set([...html.matchAll(/(?:href|src)="\/(_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1] ?? ''))];
  const js = assets.filter((a) => a.endsWith('.js')).reduce((n, a) => n + gz(a), 0);
  const total = gz(longest) + assets.reduce((n, a) => n + gz(a), 0);
  console.log(`budget ${longest}: ${(total / 1024).toFixed(1)} KB compressed (own JS ${(js / 1024).toFixed(1)} KB)`);
  expect(total).toBeLessThan(100 * 1024);
  expect(js).toBeLessThan(10 * 1024);
});
