/**
 * PDF render cache: a PDF is a function of the page's HTML, the stylesheets and scripts it loads, the fonts
 * those stylesheets reference, the browser and the render options. The key hashes all of them, so an
 * unchanged issue is copied from .cache/pdf/<key>.pdf instead of being rendered again. Pure helpers; the
 * file reading is injected.
 */
import { sha256Hex } from '../gazette/hash.ts';

/** Bump when the rendering procedure changes in a way the inputs do not show. */
export const RENDERER_VERSION = 'gongbao-pdf-1';

/** Site-local URLs of the stylesheets and scripts a page loads (absolute paths, as Astro writes them). */
export function pageAssets(html: string): string[] {
  const refs = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    if (!/\brel="?stylesheet"?/.test(tag)) continue;
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href) refs.add(href);
  }
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) if (m[1]) refs.add(m[1]);
  return [...refs].filter(isLocal);
}

/** URLs referenced by a stylesheet (fonts, images, imports), resolved against the stylesheet's own URL. */
export function cssReferences(css: string, cssUrl: string): string[] {
  const refs = new Set<string>();
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) if (m[2]) refs.add(m[2]);
  for (const m of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) if (m[2]) refs.add(m[2]);
  return [...refs].filter(isLocal).map((ref) => new URL(ref, new URL(cssUrl, 'http://site.invalid')).pathname);
}

function isLocal(ref: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref);
}

export interface CacheKeyInput {
  /** What is rendered: 'issue' or 'document', plus anything else that changes the procedure. */
  kind: string;
  /** The page's HTML (for an issue print view: with the TOC slots reset, see toc.ts resetTocPages). */
  html: string;
  /** url → content hash of every asset the page uses, transitively (stylesheets, scripts, fonts). */
  assets: Record<string, string>;
  /** Browser identity (executable and its version or file stamp). */
  browser: string;
  /** The page.pdf() options and emulated media. */
  options: unknown;
}


/** A stable hex key: the same inputs in any order of `assets` give the same key. */
export function cacheKey(input: CacheKeyInput): string {
  const assets = Object.keys(input.assets)
    .sort()
    .map((url) => `${url} ${input.assets[url]}`)
    .join('\n');
  return sha256Hex(
    JSON.stringify({ v: RENDERER_VERSION, kind: input.kind, browser: input.browser, options: input.options, assets, html: sha256Hex(input.html) }),
  );
}

/**
 * Hashes of every asset reachable from a page: its stylesheets and scripts, and what the stylesheets
 * reference. `read(url)` returns the bytes of a site URL (null when missing: recorded as 'missing').
 */
export function assetHashes(html: string, read: (url: string) => Uint8Array | null, memo = new Map<string, string>()): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (url: string, isCss: boolean): void => {
    if (url in out) return;
    let hash = memo.get(url);
    const bytes = hash === undefined || isCss ? read(url) : null;
    if (hash === undefined) {
      hash = bytes ? sha256Hex(bytes) : 'missing';
      memo.set(url, hash);
    }
    out[url] = hash;
    if (isCss && bytes) for (const ref of cssReferences(Buffer.from(bytes).toString('utf8'), url)) visit(ref, ref.endsWith('.css'));
  };
  for (const url of pageAssets(html)) visit(url, url.endsWith('.css'));
  return out;
}
