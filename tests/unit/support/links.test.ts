import { describe, expect, it } from 'vitest';
import { checkCss, checkLinks } from '../../support/links.ts';

const page = (body: string, head = ''): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('checkLinks', () => {
  const files = [
    { path: 'index.html', html: page('<a href="/documents/a/">a</a><a href="documents/a/#p1">p1</a>', '<link rel="stylesheet" href="/_astro/x.css">') },
    { path: 'documents/a/index.html', html: page('<section id="p1"></section><a href="#p1">self</a><a href="../../">home</a>') },
  ];

  it('accepts a consistent site', () => {
    expect(checkLinks(files, ['_astro/x.css'])).toEqual([]);
  });

  it('finds broken links, missing anchors and other origins', () => {
    const bad = [
      ...files,
      {
        path: 'b/index.html',
        html: page(
          '<a href="/nope/">x</a><a href="/documents/a/#p9">y</a><img src="https://cdn.example.com/i.png"><a href="javascript:alert(1)">z</a><div style="background:url(//evil.example/x.png)"></div>',
          '<script src="http://other.example/s.js"></script>',
        ),
      },
    ];
    expect(checkLinks(bad, ['_astro/x.css'])).toEqual([
      { page: 'b/index.html', kind: 'foreign-reference', ref: 'http://other.example/s.js' },
      { page: 'b/index.html', kind: 'broken-link', ref: '/nope/' },
      { page: 'b/index.html', kind: 'missing-anchor', ref: '/documents/a/#p9' },
      { page: 'b/index.html', kind: 'foreign-reference', ref: 'https://cdn.example.com/i.png' },
      { page: 'b/index.html', kind: 'foreign-reference', ref: 'javascript:alert(1)' },
      { page: 'b/index.html', kind: 'foreign-reference', ref: '//evil.example/x.png' },
    ]);
  });

  it('honours a base path', () => {
    const based = [{ path: 'index.html', html: page('<a href="/gongbao/documents/a/">a</a><a href="/documents/a/">outside</a>') }];
    expect(checkLinks(based, ['documents/a/index.html'], '/gongbao/').map((p) => p.ref)).toEqual(['/documents/a/']);
  });

  it('checks url() references in CSS', () => {
    const css = "@font-face{src:url(/_astro/f.woff2) format('woff2')} .x{background:url(https://fonts.example/f.css)}";
    expect(checkCss('_astro/a.css', css, new Set(['_astro/f.woff2']))).toEqual([{ page: '_astro/a.css', kind: 'foreign-reference', ref: 'https://fonts.example/f.css' }]);
  });
});
