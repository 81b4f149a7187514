/**
 * Government web pages (gov.cn content columns, gz.gov.cn full pages): HTML read as text (html.ts),
 * the document's own text taken from the page's content container, the 政府信息公开 metadata block
 * (索引号, 文号, 成文日期, 发布机关 …) read as metadata, and everything else dropped as page chrome.
 *
 * The content container is found by where the prose is, not by site-specific ids: the deepest element
 * that still holds nearly all sentences of the page (menus and footers have none). Hidden duplicates
 * (display:none) and scripts never count.
 */
import type { Element } from 'hast';
import type { Removal, SourceParse } from '../../gazette/model.ts';
import type { SourceInput } from '../text/lines.ts';
import { remove } from '../text/removals.ts';
import type { HtmlBlock } from '../text/html.ts';
import { dropBlock, ownTag, readHtml } from '../text/html.ts';
import type { Para } from '../structure/official.ts';
import { parseOfficial } from '../structure/official.ts';

/** Share of the page's prose the content container must hold. */
const CONTENT_SHARE = 0.8;
const CHROME = 'page chrome (navigation, header, footer)';

/**
 * Labels of the 政府信息公开 metadata block as sites print them (spaces inside, e.g. 「文　　号」,
 * do not matter). A list, because the same `label：value` shape also prints site chrome
 * (「主办单位：…」「联系我们：…」) that is no metadata of the document.
 */
const META_LABELS = new Set([
  '索引号', '分类', '主题分类', '发布机构', '发布机关', '发文机关', '成文日期', '发布日期', '名称', '标题', '文号',
  '发文字号', '主题词', '统一编号', '实施日期', '失效日期', '有效性', '文件状态', '来源', '公开方式',
]);

/** Prose: sentences with Chinese punctuation. Menus, link lists and footers have none. */
const PROSE = /[。，；]/;

const weight = (b: HtmlBlock): number =>
  b.kind === 'text'
    ? PROSE.test(b.text)
      ? [...b.text].length
      : 0
    : b.table.rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.text.length, 0), 0);

/** The deepest element holding at least CONTENT_SHARE of the page's prose (paragraphs and tables). */
function contentContainer(blocks: HtmlBlock[]): Element | null {
  const counted = blocks.filter((b) => weight(b) > 0);
  const total = counted.reduce((n, b) => n + weight(b), 0);
  const inside = new Map<Element, number>();
  for (const b of counted) for (const el of b.ancestors) inside.set(el, (inside.get(el) ?? 0) + weight(b));
  let best: Element | null = null;
  let depth = -1;
  for (const b of counted)
    b.ancestors.forEach((el, d) => {
      if (d > depth && (inside.get(el) ?? 0) >= CONTENT_SHARE * total) {
        best = el;
        depth = d;
      }
    });
  return best;
}

const normLabel = (s: string): string => s.replace(/[\s\u3000]+/g, '');

interface MetaChunk {
  text: string;
  line: number;
  /** Index of the block it comes from: a label's value is looked for in the next cell of the same table only. */
  block: number;
}

/**
 * `label：value` pairs from metadata chunks in reading order: a list item 「文　　号： 穗府办规〔2021〕7号」
 * or two table cells 「索引号：」「11440100MB2C90856P/2023-00331」. Returns the indexes of the chunks used.
 */
function readMetaPairs(chunks: MetaChunk[], meta: Record<string, string>, removals: Removal[]): Set<number> {
  const used = new Set<number>();
  chunks.forEach((c, i) => {
    const m = /^([^：:]{2,10})[：:]\s*(.*)$/.exec(c.text);
    const label = normLabel(m?.[1] ?? '');
    // A label already read, or a value running into another label (「发布日期：… 浏览次数：-」), is chrome.
    if (!m || !META_LABELS.has(label) || label in meta || m[2]!.includes('：')) return;
    const next = chunks[i + 1];
    const fromNext = !m[2] && next !== undefined && next.block === c.block && !/^[^：:]{2,10}[：:]/.test(next.text);
    const value = fromNext ? next.text : m[2]!.trim();
    // 「文件状态：」 whose value a script fills in: nothing to publish, the label is chrome.
    if (!value) return;
    meta[label] = value;
    used.add(i);
    if (fromNext) used.add(i + 1);
    remove(removals, c.line, c.text.slice(m[1]!.length, c.text.length - m[2]!.length), 'metadata syntax');
  });
  return used;
}

export function parseGovernmentWeb(input: SourceInput): SourceParse {
  const { file } = input;
  const html = readHtml(file, input.text);
  const removals: Removal[] = [...html.removals];
  const container = contentContainer(html.blocks);
  const inContent = (b: HtmlBlock): boolean => container === null || b.ancestors.includes(container);

  // Metadata: chunks outside the content, in reading order (table cells one by one).
  const outside = html.blocks.filter((b) => !inContent(b));
  const chunks: MetaChunk[] = [];
  outside.forEach((b, k) => {
    if (b.kind === 'text') chunks.push({ text: b.text, line: b.line, block: k });
    else
      for (const r of [...b.table.header, ...b.table.rows])
        for (const c of r.cells) chunks.push({ text: c.text, line: b.cellLines.get(c) ?? r.source.line, block: k });
  });
  const meta: Record<string, string> = {};
  const used = readMetaPairs(chunks, meta, removals);
  const usedBlocks = new Set(chunks.filter((_, i) => used.has(i)).map((c) => c.block));
  outside.forEach((b, k) => {
    if (!usedBlocks.has(k)) dropBlock(b, CHROME, removals);
  });
  // A metadata table also holds empty or unlabelled cells: only the used cells are published.
  chunks.forEach((c, i) => {
    if (usedBlocks.has(c.block) && !used.has(i)) remove(removals, c.line, c.text, CHROME);
  });

  const headline = outside.find((b) => b.kind === 'text' && ownTag(b) === 'h1');
  const titleHint = meta['名称'] ?? meta['标题'] ?? (headline?.kind === 'text' ? headline.text : null);

  const paras: Para[] = html.blocks
    .filter(inContent)
    .map((b) => (b.kind === 'text' ? { kind: 'text', text: b.text, line: b.line } : { kind: 'table', table: b.table, line: b.line }));
  const first = paras[0]?.line ?? 1;
  const r = parseOfficial({
    file,
    kind: 'government-web',
    paras,
    titleHint,
    meta,
    span: { from: first, to: paras[paras.length - 1]?.line ?? first },
  });
  removals.push(...r.removals);
  return { file, kind: 'government-web', meta: {}, issue: null, documents: [r.document], findings: r.findings, removals };
}
