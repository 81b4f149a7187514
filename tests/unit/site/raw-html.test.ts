/**
 * Source text reaches a page only through Astro expressions, which escape it. The one way around that is
 * `set:html` (and `innerHTML` in a browser script): every use in src/ must be JSON with `<` escaped inside a
 * <script type="application/…json">.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = readdirSync('src', { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && /\.(astro|ts)$/.test(d.name))
  .map((d) => join(d.parentPath, d.name));

const uses = files.flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .flatMap((line, i) => (/set:html|innerHTML|outerHTML|insertAdjacentHTML|is:raw/.test(line) ? [{ at: `${f}:${i + 1}`, line: line.trim() }] : [])),
);

describe('raw HTML in pages', () => {
  it('is only escaped JSON', () => {
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      const json = /<script[^>]*type="application\/(?:ld\+)?json"[^>]*set:html=\{JSON\.stringify\([^)]*\)\.replaceAll\('<', '\\\\u003c'\)\}/.test(u.line);
      expect(json, u.at).toBe(true);
    }
  });

  it('document bodies use no raw HTML at all', () => {
    const body = readdirSync(join('src', 'components', 'body')).map((n) => readFileSync(join('src', 'components', 'body', n), 'utf8'));
    expect(body.length).toBeGreaterThan(5);
    for (const text of body) expect(text).not.toMatch(/set:html|is:raw|innerHTML/);
  });
});
