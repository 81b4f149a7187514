/**
 * Campus web pages (004, 北华大学): a news item quoting excerpts of a policy text.
 *
 *   category · title · 发布时间:… | 栏目:… · the title again, broken by the page (dropped) · intro ·
 *   excerpts separated by NBSP-only lines · 上一条/下一条 · 关闭 · footer
 *
 * Excerpt numbering skips on purpose (二、5. 6. 7. 三、8. 11. …): buildBody reports such gaps at
 * info level only, and nothing here raises them.
 */
import type { Finding, Removal, SourceParse } from '../../gazette/model.ts';
import type { BodyItem } from '../structure/clauses.ts';
import { buildBody } from '../structure/clauses.ts';
import { repairLayout } from '../structure/layout.ts';
import { emptyDocument } from '../structure/document.ts';
import { isoDate } from '../text/dates.ts';
import { type Line, type SourceInput, splitLines } from '../text/lines.ts';
import { leftover, remove } from '../text/removals.ts';

/** 「发布时间:2021-04-13 | 栏目:决策参考」: key:value pairs separated by |. */
const HEADER = /^发布时间\s*[:：]/;
const NAVIGATION = /^(?:上一条|下一条|上一篇|下一篇)\s*[:：]|^(?:关闭|关闭窗口|返回顶部|打印)$/;
const FOOTER = /^(?:版权所有|Copyright|©)/i;

/**
 * The footer's fields, 「版权所有 北华大学    地址:吉林省吉林市滨江东路3999号   邮编:132013」 (004, last line):
 * the holder of 版权所有 is the publisher of the page; fields are separated by runs of spaces.
 */
function footerMeta(text: string): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const field of text.split(/\s{2,}|\u3000+/)) {
    const holder = /^(?:版权所有|Copyright|©)\s*(?:©\s*)?(.+)$/i.exec(field.trim());
    const pair = /^([^:：]+?)\s*[:：]\s*(.+)$/.exec(field.trim());
    if (holder) meta['publisher'] = holder[1]!.trim();
    else if (pair) meta[pair[1]!] = pair[2]!;
  }
  return meta;
}

export function parseCampusPage(input: SourceInput): SourceParse {
  const { file } = input;
  // NBSP-only lines separate excerpt groups: to the reader they are blank.
  const lines = splitLines(input.text).filter((l) => l.text.trim() !== '');
  const removals: Removal[] = [];
  const findings: Finding[] = [];
  const meta: Record<string, string> = {};
  const items: BodyItem[] = [];

  const headerAt = lines.findIndex((l) => HEADER.test(l.text.trim()));
  const head = headerAt >= 0 ? lines.slice(0, headerAt) : lines.slice(0, 1);
  // Before the header: the category (栏目 heading of the site), then the title.
  const titleLine: Line | undefined = head[head.length - 1];
  const title = titleLine?.text.trim() ?? '';
  if (head.length > 1) meta['category'] = head.slice(0, -1).map((l) => l.text.trim()).join(' ');

  const header = lines[headerAt];
  if (header) {
    const published: string[] = [];
    for (const pair of header.text.split('|')) {
      const m = /^\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$/.exec(pair);
      if (!m) continue;
      meta[m[1]!] = m[2]!;
      published.push(m[1]!, m[2]!);
    }
    remove(removals, header.line, leftover(header.text, published), 'metadata syntax');
  }

  let i = headerAt + 1;
  // The page repeats the title, broken over lines and missing characters: drop it, but say so.
  const repeat: Line[] = [];
  while (i < lines.length && title.includes(lines[i]!.text.trim()) && lines[i]!.text.trim().length >= 4)
    repeat.push(lines[i++]!);
  if (repeat.length) {
    for (const l of repeat) remove(removals, l.line, l.text, 'duplicate of the title, broken by the page layout');
    findings.push({
      kind: 'duplicate-title-dropped',
      severity: 'info',
      file,
      line: repeat[0]!.line,
      message: `Lines ${repeat[0]!.line}–${repeat[repeat.length - 1]!.line} repeat the title in pieces (「${repeat.map((l) => l.text.trim()).join('」「')}」).`,
      action: 'dropped; the title on line ' + (titleLine?.line ?? 1) + ' is used',
    });
  }

  let last = titleLine?.line ?? 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (NAVIGATION.test(t)) remove(removals, l.line, t, 'site navigation');
    else if (FOOTER.test(t)) {
      Object.assign(meta, footerMeta(t));
      remove(removals, l.line, t, 'site footer');
    }
    else {
      items.push({ kind: 'text', text: t, source: { file, line: l.line } });
      last = l.line;
    }
  }

  // 13 items print their title alone, 「6.激发人才创新活力。」, and the text on the next line (l.21/23):
  // one item, as in the gazette dump (repairLayout's item-body-joined).
  const layout = repairLayout(items, { file });
  removals.push(...layout.removals);
  const body = buildBody(layout.items, { file });
  findings.push(...layout.findings, ...body.findings);
  const document = {
    ...emptyDocument(file, 'campus-page', title, { from: titleLine?.line ?? 1, to: last }),
    date: isoDate(meta['发布时间']),
    body: body.blocks,
    meta,
  };
  return { file, kind: 'campus-page', meta: {}, issue: null, documents: [document], findings, removals };
}
