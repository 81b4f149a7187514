import { describe, expect, it } from 'vitest';
import { dropBlock, inClass, readHtml } from '../../../src/ingest/text/html.ts';
import type { HtmlBlock } from '../../../src/ingest/text/html.ts';
import type { Removal } from '../../../src/gazette/model.ts';

const texts = (blocks: HtmlBlock[]): string[] => blocks.map((b) => (b.kind === 'text' ? b.text : '[table]'));

describe('readHtml: hostile markup never reaches the text', () => {
  const hostile = [
    '<p onclick="steal()">　　第一段<script>alert(1)</script>文字</p>',
    '<style>p{color:red}</style><iframe src="https://evil.example/"></iframe>',
    '<p>支持<span id="stock_sz000661"><a href="javascript:alert(2)" onmouseover="x()">长春高新</a></span><span id="quote_sz000661"></span>区发展</p>',
    '<!-- <p>注释里的段落</p> -->',
    '<div style="display:none">隐藏的重复正文</div><div hidden>也隐藏</div>',
    '<p><img src="https://hotlink.example/a.png" onerror="boom()">图后文字</p>',
    '<noscript><p>请启用脚本</p></noscript><object data="x.swf">对象</object>',
    '<p>&lt;script&gt;不是标签&amp;</p>',
  ].join('\n');
  const r = readHtml('hostile.html', hostile);

  it('keeps only the text, anchor text included, so linked words stay whole', () => {
    expect(texts(r.blocks)).toEqual(['第一段文字', '支持长春高新区发展', '图后文字', '<script>不是标签&']);
    expect(JSON.stringify(r.blocks.map((b) => (b.kind === 'text' ? b.text : '')))).not.toMatch(/javascript|onclick|onerror|evil|hotlink|alert/);
  });

  it('accounts for everything it drops, with a reason', () => {
    const reasons = new Set(r.removals.map((x) => x.reason));
    for (const reason of ['script', 'style', 'embedded frame (iframe)', 'HTML comment', 'hidden element (display:none)', 'image not republished (hotlinked)', 'script fallback (noscript)', 'embedded object', 'HTML character reference (decoded)', 'HTML markup'])
      expect(reasons).toContain(reason);
    expect(r.removals.find((x) => x.reason === 'script')).toEqual({ line: 1, text: '<script>alert(1)</script>', reason: 'script' });
    expect(r.removals.find((x) => x.reason === 'HTML comment')).toEqual({ line: 4, text: '<!-- <p>注释里的段落</p> -->', reason: 'HTML comment' });
    expect(r.removals.find((x) => x.reason === 'HTML character reference (decoded)')).toEqual({ line: 8, text: '&lt; &gt; &amp;', reason: 'HTML character reference (decoded)' });
  });

  it('strips U+3000 indents at paragraph edges and gives source lines', () => {
    expect(r.blocks.map((b) => b.line)).toEqual([1, 3, 6, 8]);
  });

  it('lets an adapter drop a block into the ledger, line by line', () => {
    const removals: Removal[] = [];
    dropBlock(r.blocks[1]!, 'test', removals);
    expect(removals).toEqual([{ line: 3, text: '支持', reason: 'test' }, { line: 3, text: '长春高新', reason: 'test' }, { line: 3, text: '区发展', reason: 'test' }]);
    expect(inClass(r.blocks[1]!, /^stock_/)).toBe(false);
  });
});

describe('readHtml: tables', () => {
  const html = `<table>
<tr><td colspan="3">附件1<br>指标体系</td></tr>
<tr><td>类 别</td><td>序 号</td><td>指 标</td></tr>
<tr><td rowspan="2"><p>基</p><p>础</p></td><td>1</td><td>住所</td></tr>
<tr><td>2</td><td><p>就业</p><p>参保</p></td></tr>
<tr><td colspan="2">合计</td><td>100</td></tr>
</table>`;
  const [block] = readHtml('t.html', html).blocks;

  it('keeps rowspan and colspan, takes a full-width first row as the caption and short labels as the header', () => {
    expect(block?.kind).toBe('table');
    if (block?.kind !== 'table') return;
    const t = block.table;
    expect(t.caption).toBe('附件1\n指标体系');
    expect(t.columns).toBe(3);
    expect(t.header).toEqual([
      { cells: [{ text: '类别', rowspan: 1, colspan: 1, header: true }, { text: '序号', rowspan: 1, colspan: 1, header: true }, { text: '指标', rowspan: 1, colspan: 1, header: true }], kind: 'data', source: { file: 't.html', line: 3 } },
    ]);
    expect(t.rows.map((row) => row.cells.map((c) => [c.text, c.rowspan, c.colspan]))).toEqual([
      [['基础', 2, 1], ['1', 1, 1], ['住所', 1, 1]],
      [['2', 1, 1], ['就业\n参保', 1, 1]],
      [['合计', 1, 2], ['100', 1, 1]],
    ]);
    expect(t.rows.map((row) => row.source.line)).toEqual([4, 5, 6]);
  });

  it('reads a layout table (one cell per row, or a wrapper of another table) as flow', () => {
    const r = readHtml('l.html', '<table><tr><td><p>标题</p><p>正文。</p></td></tr></table>');
    expect(texts(r.blocks)).toEqual(['标题', '正文。']);
    const nested = readHtml('n.html', '<table><tr><td>说明</td><td><table><tr><td>甲</td><td>乙</td></tr><tr><td>1</td><td>2</td></tr></table></td></tr></table>');
    expect(texts(nested.blocks)).toEqual(['说明', '[table]']);
  });
});
