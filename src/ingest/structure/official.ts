/**
 * The parts of an official document (公文, GB/T 9704) read from a list of paragraphs, whatever the
 * source format: title, 发文字号, 主送机关, the notice of an 印发 notice, 落款 (issuers and date),
 * the attached plan's title, body, 附件, and the 版记 lines (公开方式, 印发). The scraped-record,
 * government-web and Markdown adapters turn their input into paragraphs and hand them here.
 */
import type { Attachment, Block, DocumentNumber, Finding, Promulgation, Removal, SourceDocument, SourceKind, Table } from '../../gazette/model.ts';
import { buildBody, parseClauseLabel } from './clauses.ts';
import { buildLegalBody, isLegalNorm, parseArticleLabel, parseDivisionHeading } from './legal-norm.ts';
import type { BodyItem } from './clauses.ts';
import { parseDocumentNumber } from '../../gazette/doc-number.ts';
import { stripLayoutSpaces } from '../../gazette/width.ts';
import { emptyDocument, issuersFromTitle } from './document.ts';
import { isDateLine, isoDate } from '../text/dates.ts';
import { remove, takeMeta } from '../text/removals.ts';

export type Para =
  | { kind: 'text'; text: string; line: number }
  /** A heading in the source's own markup (Markdown ##), which may still carry a clause label. */
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'table'; table: Omit<Table, 'id'>; line: number };

export interface OfficialInput {
  file: string;
  kind: SourceKind;
  paras: Para[];
  /** Title found outside the paragraphs (page <h1>, Markdown `# `, a metadata field). */
  titleHint?: string | null;
  /** Metadata already read by the adapter; trailer lines (公开方式, 印发, 附注) are added to it. */
  meta?: Record<string, string>;
  span: { from: number; to: number };
}

export interface OfficialResult {
  document: SourceDocument;
  findings: Finding[];
  removals: Removal[];
}

type TextPara = Extract<Para, { kind: 'text' | 'heading' }>;

const isText = (p: Para | undefined): p is TextPara => p !== undefined && p.kind !== 'table';
const SENTENCE_PUNCT = /[。，,；;：:！？!?]/;

/** Short, unpunctuated, unnumbered: a title line, a plan title, an issuer in a 落款. */
const isNameLike = (t: string, max: number): boolean =>
  t.length <= max &&
  !SENTENCE_PUNCT.test(t) &&
  !parseClauseLabel(t) &&
  !isDateLine(t) &&
  !parseDocumentNumber(t) &&
  !parseDivisionHeading(t) &&
  !parseArticleLabel(t);

/**
 * 主送机关: 「各省、自治区、直辖市人民政府，国务院各部委、各直属机构：」 — a list of bodies ending in a
 * colon. A preamble 「根据《…》…作如下补充、修改：」 also ends in a colon but cites titles.
 */
const isAddressees = (t: string): boolean =>
  /[：:]$/.test(t) && t.length <= 200 && !/[。；;《》]/.test(t) && !parseClauseLabel(t);

/** 附件 / 附件1 / 附件 2 on its own line: an attachment starts. */
const ATTACHMENT_LABEL = /^附件\s*\d*$/;
/** 「附件：1.广州市家庭医生签约服务质量监测指标体系（2023年）」: the first entry of a list of attachments. */
const ATTACHMENT_LIST = /^附件\s*[：:]\s*1[.．、]/;
/** 「附件：社会公用计量标准建设项目（略）」: an attachment the source omits. */
const OMITTED_ATTACHMENT = /^(附件\s*\d*)[：:]\s*(.+?)[（(]略[）)]$/;
/** 「附件:吉林省残疾预防行动领导小组成员单位名单附件」: the next attachment's label glued to the reference. */
const GLUED_LABEL = /^(附件\s*\d*[：:].+?)(附件\s*\d*)$/;
const OMITTED = /[（(]略[）)]$/;
/** 附注 printed under the 落款: 「（此件公开发布）」「（本文有删减）」. */
const NOTE = /^[（(](?:此件|本文|本件)[^（）()]*[）)]$/;
const PUBLIC_MODE = /^(公开方式)\s*[：:]\s*(.+)$/;
/** 版记 印发 line: 「广州市人民政府办公厅秘书处 2025年7月4日印发」. */
const PRINTED_BY = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
/** A 责任单位/职责分工 parenthetical closing an item: what an unnumbered item still shows. */
const RESPONSIBILITY = /[（(][^（）()]*(?:责任单位|負責|负责|分工)[^（）()]*[）)]$/;

interface Signature {
  /** Index of the first issuer paragraph and of the date paragraph. */
  from: number;
  date: number;
}

/** The first 落款: a date line right after one to three issuer lines. */
function findSignature(paras: Para[], start: number): Signature | null {
  for (let i = start; i < paras.length; i++) {
    const p = paras[i];
    if (!isText(p) || p.kind !== 'text' || !isDateLine(p.text)) continue;
    let from = i;
    while (from > start && i - from < 3) {
      const q = paras[from - 1];
      if (!isText(q) || q.kind !== 'text' || !isNameLike(q.text, 60)) break;
      from--;
    }
    if (from < i) return { from, date: i };
  }
  return null;
}

const splitIssuers = (lines: string[]): string[] => lines.flatMap((l) => l.split(/[\s、]+/)).filter(Boolean);

/**
 * An unnumbered paragraph standing where an item belongs: right after a title-only section
 * 「(二十五)加强法治保障。」 whose siblings all open with a numbered item, itself shaped like an
 * item (a title sentence, a 责任单位 parenthetical). The number is reported, not invented.
 */
function missingNumbers(items: TextPara[], file: string): Finding[] {
  const labels = items.map((p) => parseClauseLabel(p.text));
  const titleOnlySection = (i: number): boolean => {
    const l = labels[i];
    const rest = items[i]?.text.slice(l?.label.length ?? 0) ?? '';
    return l?.level === 'section' && /^[^。]+。$/.test(rest);
  };
  let openedByItem = 0;
  const suspects: number[] = [];
  for (let i = 0; i + 1 < items.length; i++) {
    if (!titleOnlySection(i)) continue;
    const next = labels[i + 1];
    if (next?.level === 'item') openedByItem++;
    else if (!next && /^[^。]{2,40}。/.test(items[i + 1]?.text ?? '') && RESPONSIBILITY.test(items[i + 1]?.text ?? ''))
      suspects.push(i + 1);
  }
  if (openedByItem < 3) return [];
  // Items numbered straight through the document (D4: 1.…50.) or restarting under each section.
  const itemNumbers = labels.flatMap((l) => (l?.level === 'item' ? [l.number] : []));
  const restarts = itemNumbers.slice(1).includes(1);
  return suspects.map((i) => {
    const before = labels.slice(0, i).filter((l) => l?.level === 'item');
    const last = before[before.length - 1]?.number ?? 0;
    const expected = restarts ? 1 : last + 1;
    const p = items[i]!;
    return {
      kind: 'number-missing',
      severity: 'warning',
      file,
      line: p.line,
      message:
        `这一段处在「${expected}.」一项应在的位置（在「${items[i - 1]!.text}」之后，并像每个编号项一样带有责任单位），` +
        `但没有编号；前面的编号到${last}为止。`,
      action: '只作报告；这一段照印刷原样发布，不加编号。',
    } satisfies Finding;
  });
}

/** 「吉林省人民政府令」 on its own line (layout spaces ignored): a 政府令 starts. */
export const isOrderHeading = (t: string): boolean => /^[^\s（()）《》〔〕]{2,20}政府令$/.test(stripLayoutSpaces(t));
const ORDER_NUMBER = /^第\s*\d+\s*号$/;
/** 「…现予公布，自2023年3月1日起施行。」: the promulgation sentence, with the date it takes effect. */
const PROMULGATES = /现予(?:公布|发布)/;
const EFFECTIVE = /自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起施行/;

/**
 * The head of a 政府令: 「吉林省人民政府令」「第 301 号」, the promulgation sentence, the signatory
 * (「省  长  胡玉亭」) and the date; the paragraph after the date is the title of the 规章 it publishes.
 * Returns the fields and how many paragraphs they take, or null when the paragraphs open otherwise.
 */
export function readPromulgation(
  paras: Para[],
): { promulgation: Promulgation; length: number; printedDate: string | null; dateLine: number | null; lines: Record<string, number> } | null {
  const texts = paras.slice(0, 6).map((p) => (p.kind === 'table' ? '' : p.text.trim()));
  if (!isOrderHeading(texts[0] ?? '')) return null;
  let k = 1;
  const number = ORDER_NUMBER.test(texts[k] ?? '') ? stripLayoutSpaces(texts[k++]!) : null;
  const sentence = texts[k] ?? '';
  if (!PROMULGATES.test(sentence)) return null;
  k++;
  const signatory = texts[k] && !isDateLine(texts[k]!) && isNameLike(texts[k]!, 30) ? texts[k++]! : null;
  const date = texts[k] && isDateLine(texts[k]!) ? texts[k++]! : null;
  const dateLine = date ? (paras[k - 1]?.line ?? null) : null;
  const lineOf = (i: number): number => paras[i]?.line ?? 0;
  return {
    lines: { order: lineOf(0), ...(number ? { orderNumber: lineOf(1) } : {}), promulgation: lineOf(number ? 2 : 1) },
    printedDate: date,
    promulgation: {
      order: stripLayoutSpaces(texts[0]!),
      number,
      sentence,
      // 「省  长  胡玉亭」: the office is letter-spaced, one space parts it from the name.
      signatory: signatory ? signatory.replace(/^(\S)\s+(\S)\s+/, '$1$2 ').replace(/\s+/g, ' ') : null,
      promulgated: isoDate(date),
      effective: isoDate(EFFECTIVE.exec(sentence)?.[1]),
    },
    length: k,
    dateLine,
  };
}

export function parseOfficial(input: OfficialInput): OfficialResult {
  const order = readPromulgation(input.paras);
  const result = parseOfficialText(order ? { ...input, paras: input.paras.slice(order.length) } : input);
  if (!order) return result;
  const { promulgation } = order;
  const doc = result.document;
  // The 令 publishes the 规章: its title is the document's, the 令 gives kind, issuer, signatory and dates.
  doc.kind = '政府令';
  doc.promulgation = promulgation;
  doc.lines = { ...doc.lines, ...order.lines };
  doc.issuers = [promulgation.order.replace(/令$/, '')];
  doc.signature = { issuer: promulgation.signatory, date: order.printedDate, source: order.dateLine ? { file: input.file, line: order.dateLine } : null };
  doc.date = promulgation.promulgated ?? doc.date;
  // 「吉林省人民政府令第301号」 reads as an order number (year 0), which gives the 令 its slug.
  doc.docNumber ??= promulgation.number ? parseDocumentNumber(`${promulgation.order}${promulgation.number}`) : null;
  return result;
}

function parseOfficialText(input: OfficialInput): OfficialResult {
  const { file, paras } = input;
  const findings: Finding[] = [];
  const removals: Removal[] = [];
  const meta: Record<string, string> = { ...input.meta };

  // 1. Head: title lines, 发文字号, 主送机关.
  let docNumber: DocumentNumber | null = null;
  const titleLines: TextPara[] = [];
  let addressees: TextPara | null = null;
  let i = 0;
  for (; i < paras.length && i < 8; i++) {
    const p = paras[i];
    if (!isText(p) || p.kind !== 'text') break;
    const dn = parseDocumentNumber(p.text);
    if (dn && !docNumber) docNumber = dn;
    else if (isAddressees(p.text)) {
      addressees = p;
      i++;
      break;
    } else if (isNameLike(p.text, 100)) titleLines.push(p);
    else break;
  }
  if (!addressees) {
    // No 主送机关 (rules, interpretations): the head is the title and number lines only.
    i = titleLines.length + (docNumber ? 1 : 0);
  }
  const printedTitle = titleLines.map((p) => p.text).join('') || input.titleHint || '';

  // 2. 落款, and with it the notice of an 印发 notice.
  const sig = findSignature(paras, i);
  let notice: string | null = null;
  let stream: Para[];
  if (sig) {
    const between = paras.slice(i, sig.from);
    const afterDate = paras.slice(sig.date + 1);
    const isCover = between.every((p) => isText(p) && !parseClauseLabel(p.text)) && afterDate.some(isText);
    if (isCover) {
      notice = between.map((p) => (isText(p) ? p.text : '')).join('\n') || null;
      stream = afterDate;
    } else stream = [...between, ...afterDate];
  } else stream = paras.slice(i);

  // 3. 附注 right under the 落款, then the attached plan's title (an 印发 notice only).
  let s = 0;
  let planTitle: string | null = null;
  const textAt = (k: number): string | null => {
    const p = stream[k];
    return p?.kind === 'text' ? p.text : null;
  };
  if (notice !== null) {
    for (let note = textAt(s); note !== null && NOTE.test(note); note = textAt(++s)) meta['附注'] = note;
    const plan: string[] = [];
    for (let line = textAt(s); plan.length < 2 && line !== null && isNameLike(line, 50); line = textAt(++s)) plan.push(line);
    planTitle = plan.join('') || null;
  }

  // 4. Body, attachments and 版记, in one pass.
  const bodyItems: BodyItem[] = [];
  const bodyTexts: TextPara[] = [];
  interface Pending {
    attachment: Omit<Attachment, 'body'>;
    items: BodyItem[];
  }
  const attachments: Pending[] = [];
  const target = (): BodyItem[] => attachments[attachments.length - 1]?.items ?? bodyItems;
  const startAttachment = (label: string, title: string, line: number, omitted = false): void => {
    attachments.push({
      attachment: { id: `att${attachments.length + 1}`, label, title, omitted, source: { file, line } },
      items: [],
    });
  };
  const rest = stream.slice(s);
  // 「附件：1.…」 lists its attachments one per paragraph: 「2.…」 continues the list, it is no item 2.
  let list: { item: { text: string }; next: number } | null = null;
  for (let k = 0; k < rest.length; k++) {
    const p = rest[k]!;
    const source = { file, line: p.line };
    if (p.kind === 'table') {
      // 附件1 printed in the table's own title row (穗卫函〔2023〕1930号).
      const m = /^(附件\s*\d*)\n([\s\S]+)$/.exec(p.table.caption ?? '');
      if (m) startAttachment(m[1]!, m[2]!.replace(/\n/g, ''), p.line);
      target().push({ kind: 'table', table: m ? { ...p.table, caption: m[2]!.replace(/\n/g, '') } : p.table });
      continue;
    }
    const t = p.text;
    const next = rest[k + 1];
    let m: RegExpExecArray | null;
    if (list && new RegExp(`^${list.next}[.．、]\\S`).test(t)) {
      list.item.text += `\n${t}`;
      list.next++;
      continue;
    }
    list = null;
    if (p.kind === 'text' && ATTACHMENT_LABEL.test(t) && isText(next) && !ATTACHMENT_LABEL.test(next.text)) {
      startAttachment(t, next.text, p.line);
      k++;
    } else if ((m = OMITTED_ATTACHMENT.exec(t))) {
      startAttachment(m[1]!, m[2]!, p.line, true);
    } else if ((m = GLUED_LABEL.exec(t))) {
      const [, reference, label] = m as unknown as [string, string, string];
      target().push({ kind: 'text', text: reference, source });
      bodyTexts.push({ ...p, text: reference });
      const duplicate = isText(next) && next.text === label;
      if (duplicate) remove(removals, p.line, label, `attachment label glued to the reference line, repeated on line ${next.line}`);
      findings.push({
        kind: 'glued-label',
        severity: 'warning',
        file,
        line: p.line,
        message: `「${t}」把附件标签「${label}」接在了附件名称「${reference}」之后。`,
        action: duplicate
          ? `已拆开：附件名称留在正文中；接上的「${label}」与第${next.line}行的标签重复，已去掉。`
          : `已拆开：附件名称留在正文中，「${label}」作为附件的开头。`,
      });
      if (!duplicate && isText(next)) {
        startAttachment(label, next.text, p.line);
        k++;
      }
    } else if (p.kind === 'text' && (m = PUBLIC_MODE.exec(t))) {
      takeMeta(meta, removals, p, m[1]!, m[2]!);
    } else if (p.kind === 'text' && PRINTED_BY.test(t)) {
      meta['印发'] = t;
    } else if (p.kind === 'text' && NOTE.test(t)) {
      meta['附注'] = t;
    } else if (OMITTED.test(t)) {
      target().push({ kind: 'omitted', text: t, source });
    } else {
      const heading: boolean = p.kind === 'heading' && !parseClauseLabel(t);
      const item: Extract<BodyItem, { kind: 'text' | 'heading' }> = { kind: heading ? 'heading' : 'text', text: t, source };
      target().push(item);
      if (attachments.length === 0 && !heading) bodyTexts.push(p);
      if (ATTACHMENT_LIST.test(t)) list = { item, next: 2 };
    }
  }

  findings.push(...missingNumbers(bodyTexts, file));
  // A legal norm (第一条, 第二条 … in sequence) is structured as 章 节 条 款 项 目 (legal-norm.ts).
  const legal = isLegalNorm(bodyTexts.map((p) => p.text));
  const body = (legal ? buildLegalBody : buildBody)(bodyItems, { file });
  // Point this stage's findings at the block they concern (its anchor exists only now), when the
  // line names one block (an HTML page may hold the whole text on one line).
  const at = new Map<number, string | null>();
  const index = (blocks: Block[]): void =>
    blocks.forEach((b) => {
      at.set(b.source.line, at.has(b.source.line) ? null : b.id);
      if (b.type === 'clause') index(b.children);
    });
  index(body.blocks);
  for (const f of findings) f.clause ??= at.get(f.line) ?? undefined;
  findings.push(...body.findings);
  const built: Attachment[] = attachments.map((a) => {
    const r = buildBody(a.items, { idPrefix: a.attachment.id, file });
    findings.push(...r.findings);
    return { ...a.attachment, body: r.blocks };
  });

  // 5. 落款 and the fields derived from it.
  const sigLines = sig ? paras.slice(sig.from, sig.date).map((p) => (isText(p) ? p.text : '')) : [];
  const datePara = sig ? (paras[sig.date] as TextPara) : null;
  const title = stripLayoutSpaces(printedTitle);
  const metaIssuers = meta['发布机关'] ?? meta['发布单位'] ?? meta['发布机构'] ?? null;
  const issuers = sigLines.length
    ? splitIssuers(sigLines)
    : metaIssuers
      ? splitIssuers([metaIssuers])
      : issuersFromTitle(title);
  const document: SourceDocument = {
    ...emptyDocument(file, input.kind, title, input.span),
    printedTitle,
    docNumber: docNumber ?? (meta['文号'] ? parseDocumentNumber(meta['文号']) : null),
    issuers,
    addressees: addressees?.text ?? null,
    notice,
    signature: {
      issuer: sigLines.length ? sigLines.join(' ') : null,
      date: datePara?.text ?? null,
      source: datePara ? { file, line: datePara.line } : null,
    },
    date: isoDate(datePara?.text) ?? isoDate(meta['成文日期']) ?? isoDate(meta['发布日期']),
    planTitle,
    body: body.blocks,
    attachments: built,
    meta,
  };
  return { document, findings, removals };
}
