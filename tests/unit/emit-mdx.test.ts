import { describe, expect, it } from 'vitest';
import { bodyToMdast, emitMdx, parseMdx, serializeMdx, UnsafeMdxError, verifyMdx } from '../../src/ingest/emit/mdx.ts';
import type { Block, ClauseBlock } from '../../src/ingest/model.ts';

const src = { file: 'content/sources/x.txt', line: 1 };

function clause(id: string, labelText: string, level: ClauseBlock['level'], title: string | null, body: string, children: Block[] = []): ClauseBlock {
  return { type: 'clause', id, source: src, label: labelText, level, number: 1, title, text: body, children };
}

const HOSTILE = [
  'import fs from "node:fs"',
  'export const x = 1',
  '  import fs from "node:fs"',
  '{process.exit(1)}',
  '<Component/>',
  '<script>alert(1)</script>',
  '# not a heading',
  '> not a quote',
  '- not a list',
  '1. not a list',
  '    not code',
  '*not emphasis* _x_ `y` [a](javascript:alert(1)) ![i](x.png)',
  '&amp; &#x7b; \\{',
  '---',
  '| a | b |',
];

describe('emitMdx', () => {
  it('emits a clause as a Clause element with a linked label and a bold title', () => {
    const out = emitMdx([clause('p1-s1', '（一）', 'section', '指导思想。', '指导思想。以习近平新时代中国特色社会主义思想为指导。')], 'd.mdx');
    expect(out).toBe(
      // 「以」 is written as a character reference: after 「。**」 a bare letter would keep ** from closing.
      '<Clause id="p1-s1" level="section" label="（一）">\n  <ClauseLabel for="p1-s1">（一）</ClauseLabel>**指导思想。**&#x4EE5;习近平新时代中国特色社会主义思想为指导。\n</Clause>\n',
    );
  });

  it('turns a title-only part into an h2', () => {
    const tree = bodyToMdast([clause('p1', '一、', 'part', '总体要求', '总体要求')]);
    const head = (tree.children[0] as { children: Array<{ type: string; depth?: number }> }).children[0];
    expect(head).toMatchObject({ type: 'heading', depth: 2 });
  });

  it.each(HOSTILE)('publishes hostile text %j as text, proven by re-parsing', (hostile) => {
    const blocks: Block[] = [
      { type: 'paragraph', id: 'para1', source: src, text: hostile },
      clause('p1', '一、', 'part', null, hostile),
    ];
    const out = emitMdx(blocks, 'd.mdx');
    const parsed = parseMdx(out);
    const texts: string[] = [];
    const walk = (n: { type: string; value?: string; children?: unknown[] }): void => {
      if (n.type === 'text' && n.value) texts.push(n.value);
      for (const c of n.children ?? []) walk(c as never);
    };
    walk(parsed as never);
    expect(texts.join('|')).toContain(hostile.trimStart());
    expect(out).not.toMatch(/^\s*(import|export)\b/m);
  });

  it('rejects a file that holds anything the emitter did not write', () => {
    const tree = bodyToMdast([{ type: 'paragraph', id: 'para1', source: src, text: '正文' }]);
    const good = serializeMdx(tree);
    expect(() => verifyMdx(good, tree, 'd.mdx')).not.toThrow();
    expect(() => verifyMdx(`import fs from "node:fs"\n\n${good}`, tree, 'd.mdx')).toThrow(UnsafeMdxError);
    expect(() => verifyMdx(`${good}\n{process.exit(1)}\n`, tree, 'd.mdx')).toThrow(/mdxFlowExpression is not allowed/);
    expect(() => verifyMdx(`${good}\n<Component/>\n`, tree, 'd.mdx')).toThrow(/<Component> is not allowed/);
    expect(() => verifyMdx(good.replace('正文', '正文改'), tree, 'd.mdx')).toThrow(/differs/);
  });
});

describe('emitMdx layout of labels and edges', () => {
  it('keeps the gap after a dotted label before digits (「1. 5G」 must not read 1.5G) and trims paragraph edges', () => {
    const out = emitMdx([clause('i1', '1.', 'item', null, '5G基站建设 '), { type: 'paragraph', id: 'para1', source: src, text: '   ' }], 'd.mdx');
    expect(out).toBe('<Clause id="i1" level="item" label="1.">\n  <ClauseLabel for="i1">1.</ClauseLabel> 5G基站建设\n</Clause>\n');
  });
});
