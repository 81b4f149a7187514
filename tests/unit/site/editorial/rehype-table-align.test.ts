/** A GFM column alignment becomes a class, not an inline style the Content-Security-Policy blocks. */
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { rehypeTableAlign } from '../../../../src/site/editorial/rehype-table-align.ts';

const table = ['| 生态 | 条数 |', '| --- | ---: |', '| 科技企业 | 5 |'].join('\n');

describe('rehypeTableAlign', () => {
  it('turns align into the class align-right', async () => {
    const code = String(await compile(table, { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeTableAlign] }));
    expect(code).toContain('"align-right"');
    expect(code).not.toMatch(/textAlign|text-align/);
  });

  it('without it the compiler writes an inline style', async () => {
    expect(String(await compile(table, { remarkPlugins: [remarkGfm] }))).toMatch(/textAlign|text-align/);
  });
});
