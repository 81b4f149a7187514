/**
 * The MDX check (src/site/editorial/remark-refs.ts) run through the MDX compiler Astro uses: a reference to a
 * missing document, clause or issue stops the compile with the MDX file and the line of the component.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { compile } from '@mdx-js/mdx';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { lineOf, remarkEditorialRefs } from '../../../../src/site/editorial/remark-refs.ts';
import { seed } from '../seed.ts';

const known = { docs: seed().documents, issues: seed().issues.map((i) => i.id) };
const dir = mkdtempSync(join(tmpdir(), 'gongbao-mdx-'));

async function check(name: string, source: string, frontmatter: Record<string, unknown> = {}): Promise<string | null> {
  const path = join(dir, name);
  writeFileSync(path, source);
  try {
    await compile(new VFile({ path, value: source, data: { astro: { frontmatter } } }), { remarkPlugins: [[remarkEditorialRefs, known]] });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('remarkEditorialRefs', () => {
  it('passes references the site has', async () => {
    const ok = ['<Cite doc="吉政办发〔2022〕26号" clause="p2-s3-i11" />', '', '<Quote doc="jzbf-2022-26" clause="p2-s5-i20" />', '', '<DocList match="科技 创新" />', '', '<IssueFacts issue="2023-4" />'];
    expect(await check('ok.mdx', ok.join('\n'))).toBeNull();
  });

  it('stops at a missing clause, a missing document and an unknown component, each with file:line', async () => {
    const bad = ['第一段。', '', '正文<Cite doc="吉政办发〔2022〕26号" clause="p9-s9" />。', '', '<DocCard doc="吉政办发〔2022〕99号" />', '', '<Table />'].join('\n');
    const message = await check('bad.mdx', bad);
    // As the message names it: relative to the project, wherever the project and the temp folder are.
    const file = relative(process.cwd(), join(dir, 'bad.mdx'));
    expect(message).toContain(`${file}:3 <Cite>：《吉林省人民政府办公厅关于印发吉林省科技创新生态优化工程实施方案的通知》没有条款 p9-s9`);
    expect(message).toContain(`${file}:5 <DocCard>：本站没有「吉政办发〔2022〕99号」这份文件`);
    expect(message).toContain(`${file}:7 <Table> 不是编辑部可用的组件`);
  });

  it('refuses an attribute written as an expression, which it cannot check', async () => {
    expect(await check('expr.mdx', '<Cite doc={"jzbf-2022-26"} />')).toContain('doc 须写成带引号的文字');
  });

  it('finds the front matter line of a missing document on disk', async () => {
    const source = ['---', 'title: 测试', 'document: 吉政办发〔2022〕98号', '---', '', '正文。'].join('\n');
    const message = await check('front.mdx', source, { document: '吉政办发〔2022〕98号' });
    expect(message).toMatch(/front\.mdx:3 front matter：本站没有「吉政办发〔2022〕98号」这份文件/);
    expect(lineOf(source, '98号')).toBe(3);
  });
});
