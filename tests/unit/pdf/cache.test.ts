import { describe, expect, it } from 'vitest';
import { assetHashes, cacheKey, cssReferences, pageAssets } from '../../../src/pdf/cache.ts';
import { sha256Hex } from '../../../src/gazette/hash.ts';

const HTML = `<!doctype html><html lang="zh-CN"><head>
<link rel="canonical" href="https://gongbao.example.org/issues/2023/4/print/">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/_astro/Base.abc.css">
<link rel="stylesheet" href="/_astro/print.def.css">
<script type="module" src="/_astro/page.js"></script>
<script type="application/json" id="x">{}</script>
</head><body></body></html>`;

const FILES: Record<string, string> = {
  '/_astro/Base.abc.css': `@font-face{font-family:'Gongbao Serif';src:url(/_astro/noto-1.woff2) format('woff2')}
    @font-face{font-family:'Gongbao Serif';src:url("./noto-2.woff2") format('woff2')} a{background:url(data:image/png;base64,xx)}`,
  '/_astro/print.def.css': `@page { size: A4 }`,
  '/_astro/page.js': 'console.log(1)',
  '/_astro/noto-1.woff2': 'font-one',
  '/_astro/noto-2.woff2': 'font-two',
};
const read = (url: string) => (url in FILES ? new TextEncoder().encode(FILES[url]) : null);

describe('the assets a page uses', () => {
  it('finds the stylesheets and scripts, not icons, canonical links or inline scripts', () => {
    expect(pageAssets(HTML)).toEqual(['/_astro/Base.abc.css', '/_astro/print.def.css', '/_astro/page.js']);
  });

  it('resolves url() references of a stylesheet against its own URL and skips data: URLs', () => {
    expect(cssReferences(FILES['/_astro/Base.abc.css']!, '/_astro/Base.abc.css')).toEqual(['/_astro/noto-1.woff2', '/_astro/noto-2.woff2']);
    expect(cssReferences(`@import "../x.css"; b{background:url('https://cdn.example/x.png')}`, '/_astro/a/b.css')).toEqual(['/_astro/x.css']);
  });

  it('hashes every asset reachable from the page, fonts included', () => {
    const hashes = assetHashes(HTML, read);
    expect(Object.keys(hashes).sort()).toEqual(['/_astro/Base.abc.css', '/_astro/noto-1.woff2', '/_astro/noto-2.woff2', '/_astro/page.js', '/_astro/print.def.css']);
    expect(hashes['/_astro/noto-1.woff2']).toBe(sha256Hex('font-one'));
  });
});

describe('the PDF cache key', () => {
  const base = { kind: 'issue', html: HTML, assets: assetHashes(HTML, read), browser: 'chromium 156', options: { tagged: true } };

  it('is stable for the same inputs, whatever the order of the asset list', () => {
    const reversed = Object.fromEntries(Object.entries(base.assets).reverse());
    expect(cacheKey(base)).toBe(cacheKey({ ...base, assets: reversed }));
    expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when the HTML, a font, the browser or the options change', () => {
    const key = cacheKey(base);
    expect(cacheKey({ ...base, html: `${HTML} ` })).not.toBe(key);
    const fontChanged = assetHashes(HTML, (url) => (url === '/_astro/noto-2.woff2' ? new TextEncoder().encode('other') : read(url)));
    expect(cacheKey({ ...base, assets: fontChanged })).not.toBe(key);
    expect(cacheKey({ ...base, browser: 'chromium 157' })).not.toBe(key);
    expect(cacheKey({ ...base, options: { tagged: false } })).not.toBe(key);
    expect(cacheKey({ ...base, kind: 'document' })).not.toBe(key);
  });
});
