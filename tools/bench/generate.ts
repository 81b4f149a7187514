/**
 * Synthetic gazette archive for the scale benchmark (npm run bench, issue 9): N issues in the layout of
 * content/sources/001 (a PDF-to-text dump of a whole issue), made by re-laying real documents —
 * the four official documents of the seed issue as printed (with their page breaks and TAB tables) and the
 * documents of tests/fixtures/corpus (read with their own adapters, written back as dump paragraphs) — under
 * new years, issue numbers and 发文字号 serials, with every paragraph varied (vary.ts).
 *
 * Pure: the caller reads the seed and corpus files and writes what `generateIssue` returns.
 *
 * Composition of an issue (6 documents, the real archive's ~1,000 issues / 6,000 documents): cover story,
 * 卷首语, 政务要闻, and either three official documents or two plus 人事任免 (every third issue).
 */
import type { Block, SourceDocument, Table } from '../../src/gazette/model.ts';
import { isDateLine } from '../../src/ingest/text/dates.ts';
import { splitLines } from '../../src/ingest/text/lines.ts';
import { parseGazetteDump } from '../../src/ingest/sources/gazette-dump/index.ts';
import { parseSource } from '../../src/ingest/sources/index.ts';
import { ingestGazette } from '../../src/ingest/structure/gazette.ts';
import SEED from '../../gongbao.config.ts';
import { stripLayoutSpaces } from '../../src/gazette/width.ts';
import { bigramPool, breakParagraph, hash32, pick, rng, varyText, type Rng } from './vary.ts';

/** The archive is the seed gazette's (gongbao.config.ts): its templates are read as its dump is. */
const GAZETTE = ingestGazette(SEED);

export interface SourceText {
  file: string;
  text: string;
}

/** One paragraph of the dump: a line of text, or consecutive lines (TAB rows, 主送 + notice). */
type Unit = string[];

type Agency = '吉政发' | '吉政办发' | '吉政办函';

/** An official document ready to be re-laid: header facts and the body as dump paragraphs. */
export interface OfficialTemplate {
  /** Where it comes from (seed file + line, or corpus file). */
  origin: string;
  agency: Agency;
  plan: string;
  addressees: string;
  notice: string;
  /** Body paragraphs after the plan title, as printed (seed) or written back (corpus). */
  body: Unit[];
  /** Characters of the body, for TOC page estimates. */
  chars: number;
}

/** The seed issue's own columns, as printed. */
export interface ColumnTemplates {
  coverTitle: string[];
  coverBody: string[];
  editorialTitle: string[];
  editorialBody: string[];
  motto: string[];
  board: string[];
  masthead: string[];
  statement: string;
  appointments: string[];
  news: string[];
  captions: string[];
  about: string[];
}

export interface Templates {
  officials: OfficialTemplate[];
  columns: ColumnTemplates;
  pool: string[];
  gazette: string;
}

const ISSUERS: Record<Agency, string> = { 吉政发: '吉林省人民政府', 吉政办发: '吉林省人民政府办公厅', 吉政办函: '吉林省人民政府办公厅' };
const ADDRESSEES = '各市（州）人民政府，长白山管委会，长春新区、中韩（长春）国际合作示范区管委会，各县（市）人民政府，省政府各厅委办、各直属机构，驻吉中直有关部门、单位：';

const linesOf = (text: string, from: number, to: number): string[] =>
  splitLines(text)
    .filter((l) => l.line >= from && l.line <= to)
    .map((l) => l.text);

/**
 * Runs of non-blank lines, verbatim (unlike lineBlocks, which trims: a TAB row's leading empty cell — a merged
 * 领域 — must survive).
 */
function blocksOf(lines: string[]): Unit[] {
  const out: Unit[] = [];
  let current: string[] = [];
  for (const l of lines) {
    if (l.trim() === '') {
      if (current.length) out.push(current);
      current = [];
    } else current.push(l.includes('\t') ? l : l.trim());
  }
  if (current.length) out.push(current);
  return out;
}

/** The seed issue's official documents, cut out of the dump by the spans the real reader finds. */
function seedOfficials(seed: SourceText): OfficialTemplate[] {
  const parse = parseGazetteDump(seed, GAZETTE);
  const out: OfficialTemplate[] = [];
  for (const doc of parse.documents) {
    if (!doc.docNumber || !['通知', '意见', '方案', '函', '决定', '办法', '规定'].includes(doc.kind) || !doc.planTitle) continue;
    const raw = linesOf(seed.text, doc.span.from, doc.span.to);
    const units = blocksOf(raw);
    // title · 发文字号 · 主送 + notice · issuer · date · plan title · body
    const dateAt = units.findIndex((u) => u.length === 1 && isDateLine(u[0] ?? ''));
    if (dateAt < 0) continue;
    const header = units[2] ?? [];
    const agency: Agency = doc.docNumber.agency === '吉政发' ? '吉政发' : doc.docNumber.agency === '吉政办函' ? '吉政办函' : '吉政办发';
    const body = units.slice(dateAt + 2);
    out.push({
      origin: `${seed.file}:${doc.span.from}`,
      agency,
      plan: stripLayoutSpaces(doc.planTitle),
      addressees: header[0] ?? ADDRESSEES,
      notice: header.slice(1).join('') || '现印发给你们，请认真贯彻执行。',
      body,
      chars: body.reduce((n, u) => n + u.join('').length, 0),
    });
  }
  return out;
}

/** TAB rows of a table: the grid rebuilt from rowspan/colspan, a spanned position printed as an empty cell. */
export function tableRows(table: Pick<Table, 'header' | 'rows' | 'columns'>): string[] {
  const rows = [...table.header, ...table.rows];
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]?.[c] !== undefined) c++;
      for (let dr = 0; dr < Math.max(1, cell.rowspan); dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colspan); dc++) {
          const line = grid[r + dr];
          if (line) line[c + dc] = dr === 0 && dc === 0 ? cell.text.replace(/[\t\r\n]+/g, ' ').trim() : '';
        }
      }
      c += Math.max(1, cell.colspan);
    }
  });
  const width = Math.max(table.columns, ...grid.map((g) => g.length));
  return grid.map((g) => Array.from({ length: width }, (_, i) => g[i] ?? '').join('\t'));
}

/** Dump paragraphs of model blocks: clause label + text, children after; tables as TAB rows under their caption. */
function blockUnits(blocks: readonly Block[]): Unit[] {
  const out: Unit[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'clause':
        out.push([`${b.label}${b.text}`]);
        out.push(...blockUnits(b.children));
        break;
      case 'table': {
        if (b.table.caption) out.push([b.table.caption]);
        const rows = tableRows(b.table);
        if (b.table.columns < 2) out.push(...rows.filter(Boolean).map((r) => [r]));
        else out.push(rows);
        break;
      }
      default:
        if (b.text.trim()) out.push([b.text]);
    }
  }
  return out.map((u) => u.map((l) => l.replace(/\r?\n/g, ''))).filter((u) => u.some((l) => l.trim() !== ''));
}

/** A corpus document as an official document of this gazette: its plan (or its subject) under a 吉林 印发 notice. */
function corpusOfficial(doc: SourceDocument, file: string): OfficialTemplate | null {
  const body: Unit[] = blockUnits(doc.body);
  doc.attachments.forEach((a, i) => {
    const label = /\d/.test(a.label) || doc.attachments.length === 1 ? a.label : `附件${i + 1}`;
    if (a.omitted) {
      body.push([`${label}：${a.title}（略）`]);
      return;
    }
    body.push([label]);
    if (a.title) body.push([a.title]);
    body.push(...blockUnits(a.body));
  });
  if (body.length === 0) return null;
  const subject = /关于(.+?)(?:的通知)?$/.exec(doc.title)?.[1] ?? doc.title;
  const plan = stripLayoutSpaces(doc.planTitle ?? `关于${subject.replace(/^印发/, '')}的实施办法`).replace(/[《》]/g, '');
  const government = doc.issuers.some((i) => /(?:人民政府|国务院)$/.test(i));
  return {
    origin: file,
    agency: government ? '吉政发' : '吉政办发',
    plan,
    addressees: doc.addressees && /[：:]$/.test(doc.addressees) ? doc.addressees : ADDRESSEES,
    notice: `《${plan}》已经省政府同意，现印发给你们，请认真贯彻执行。`,
    body,
    chars: body.reduce((n, u) => n + u.join('').length, 0),
  };
}

/** The seed issue's cover story, 卷首语, inside cover, 任免, 要闻, captions and 简介, as printed. */
function seedColumns(seed: SourceText): ColumnTemplates {
  const lines = splitLines(seed.text).map((l) => l.text);
  const find = (test: (t: string) => boolean, from = 0): number => lines.findIndex((t, i) => i >= from && test(t.trim()));
  const parse = parseGazetteDump(seed, GAZETTE);
  const byKind = (kind: string) => parse.documents.find((d) => d.kind === kind);
  const cover = byKind('封面');
  const editorial = byKind('卷首语');
  const appointments = byKind('任免');
  const news = byKind('要闻');
  if (!cover || !editorial || !appointments || !news) throw new Error(`${seed.file}: the seed issue must have a cover story, 卷首语, 任免 and 要闻`);

  const coverBlocks = blocksOf(linesOf(seed.text, cover.span.from, cover.span.to));
  const coverTitle = coverBlocks.filter((b) => !/[。！？]$/.test(b.join(''))).map((b) => b.join(''));
  const coverBody = coverBlocks.filter((b) => /[。！？]$/.test(b.join(''))).map((b) => b.join(''));
  const [, editorialTitle = [], ...editorialBody] = blocksOf(linesOf(seed.text, editorial.span.from, editorial.span.to));

  const toc = find((t) => t === '目录');
  const board = find((t) => t === '编辑委员会', toc);
  const firstDoc = parse.documents.filter((d) => d.docNumber && d.kind !== '任免').reduce((m, d) => Math.min(m, d.span.from), Infinity);
  const afterBoard = blocksOf(lines.slice(board, firstDoc - 1));
  const gazette = lines[find((t) => t !== '')]?.trim() ?? '';
  const inside = lines.findIndex((t, i) => i > find((x) => x === 'JUANSHOUYU') && t.trim() === gazette);
  const insideBlocks = blocksOf(lines.slice(inside + 1, toc));
  const capFrom = find((t) => /^[\u2460-\u2473]/.test(t));
  const aboutFrom = find((t) => /简介$/.test(t), capFrom);
  return {
    coverTitle,
    coverBody,
    editorialTitle,
    editorialBody: editorialBody.map((b) => b.join('')),
    motto: insideBlocks[0] ?? [],
    board: afterBoard[1] ?? [],
    statement: afterBoard.find((b) => b.length === 1 && /效力$/.test(b[0] ?? ''))?.[0] ?? '',
    masthead: afterBoard.find((b) => /^编辑出版/.test(b[0] ?? '')) ?? [],
    appointments: blocksOf(linesOf(seed.text, appointments.span.from, appointments.span.to)).slice(1).map((b) => b.join('')),
    news: blocksOf(linesOf(seed.text, news.span.from, news.span.to)).map((b) => b.join('')),
    captions: blocksOf(lines.slice(capFrom, aboutFrom)).map((b) => b.join('')),
    about: blocksOf(lines.slice(aboutFrom)).map((b) => b.join('')),
  };
}

/**
 * Reads the seed issue (001 layout) and the other real documents into templates. Sources that are not
 * official documents with a body (news, encyclopedia, campus pages) are skipped; so is any that fails to parse.
 */
export function buildTemplates(seed001: SourceText, others: readonly SourceText[]): Templates {
  const officials = seedOfficials(seed001);
  // Copies of the seed's own documents (000's scraped records) would only repeat them.
  const seedNumbers = new Set(parseGazetteDump(seed001, GAZETTE).documents.flatMap((d) => (d.docNumber ? [d.docNumber.normalized] : [])));
  for (const src of others) {
    let docs: SourceDocument[] = [];
    try {
      docs = parseSource(src, GAZETTE).documents;
    } catch {
      continue;
    }
    for (const doc of docs) {
      if (!doc.docNumber || seedNumbers.has(doc.docNumber.normalized) || ['任免', '要闻', '卷首语', '封面'].includes(doc.kind)) continue;
      const t = corpusOfficial(doc, src.file);
      if (t) officials.push(t);
    }
  }
  if (officials.length === 0) throw new Error('bench: no official document to re-lay');
  const gazette = seed001.text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '吉林省人民政府公报';
  // Bigrams from Simplified text only (the re-laid bodies): a Traditional character would make the reader
  // treat a paragraph as Traditional (002) and convert it for matching.
  const texts = [seed001.text, ...officials.flatMap((o) => o.body.map((u) => u.join('')))];
  return { officials, columns: seedColumns(seed001), pool: bigramPool(texts), gazette };
}

export interface IssueSpec {
  /** 0-based position in the archive. */
  index: number;
  year: number;
  number: number;
  cumulative: number;
}

/** Position → year and number: 24 issues a year (半月刊), the last of `total` issues in `lastYear`. */
export function issueSpec(index: number, total: number, lastYear = 2022): IssueSpec {
  const firstYear = lastYear - Math.floor((total - 1) / 24);
  return { index, year: firstYear + Math.floor(index / 24), number: (index % 24) + 1, cumulative: index + 1 };
}

export interface GeneratedDocument {
  kind: '封面' | '卷首语' | '通知' | '任免' | '要闻';
  title: string;
  docNumber: string | null;
  /** The slug the pipeline is expected to give it. */
  slug: string;
}

export interface GeneratedIssue {
  /** File name under content/sources/ (sorted by position). */
  file: string;
  text: string;
  id: string;
  documents: GeneratedDocument[];
}

const INITIALS: Record<Agency, string> = { 吉政发: 'jzf', 吉政办发: 'jzbf', 吉政办函: 'jzbh' };

/** Wraps a TOC entry over lines of at most `width` characters, as the printed TOC does. */
function wrap(text: string, width: number): string[] {
  const cs = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < cs.length; i += width) out.push(cs.slice(i, i + width).join(''));
  return out;
}

/** A TOC entry: the title wrapped at 22 characters, the 发文字号 and page on its last line (a number split over lines is read, but the ledger then cannot find it printed whole). */
function tocEntry(title: string, tail: string): string[] {
  const lines = wrap(title, 22);
  lines[lines.length - 1] += tail;
  return lines;
}

/** 「2月14日」 → the issue's month, wherever a month-day date opens a paragraph or a caption. */
const retime = (text: string, month: number): string => text.replace(/(^|[\u2460-\u2473])(\d{1,2})月(\d{1,2})日/u, (_, pre: string, _m: string, d: string) => `${pre}${month}月${d}日`);

/** A title no earlier issue used: varied again until it is new. */
function uniqueTitle(base: string, r: Rng, pool: readonly string[], used: Set<string>, keep = 2): string {
  for (let k = 0; k < 50; k++) {
    const t = varyText(base, r, pool, { every: 6, keepHead: keep, keepTail: 2 });
    if (!used.has(t)) {
      used.add(t);
      return t;
    }
  }
  throw new Error(`bench: no unique variant of 「${base}」`);
}

export interface GeneratorState {
  /** Titles already given (cover stories, 卷首语, plans): the reconcile stage groups untitled-number documents by title. */
  titles: Set<string>;
}

export const newState = (): GeneratorState => ({ titles: new Set() });

/**
 * One synthetic issue in the 001 layout. Deterministic in (templates, spec, total); `state` keeps titles
 * unique across the archive, so call it for indexes 0, 1, 2 … in order.
 */
export function generateIssue(t: Templates, spec: IssueSpec, state: GeneratorState): GeneratedIssue {
  const { year, number, cumulative } = spec;
  const r = rng(`gongbao-bench ${year}-${number}`);
  const vary = (s: string): string => varyText(s, r, t.pool);
  const month = Math.ceil(number / 2);
  const day = number % 2 === 1 ? 15 : 28;
  const id = `${year}-${number}`;
  const c = t.columns;

  const withAppointments = spec.index % 3 === 2;
  const officialCount = withAppointments ? 2 : 3;
  const officials = Array.from({ length: officialCount }, (_, k) => t.officials[(spec.index * 3 + k) % t.officials.length] as OfficialTemplate)
    // 省政府文件 before 省政府办公厅文件, as the TOC prints them
    .map((tpl, k) => ({ tpl, k }))
    .sort((a, b) => Number(a.tpl.agency !== '吉政发') - Number(b.tpl.agency !== '吉政发') || a.k - b.k);

  const docs: GeneratedDocument[] = [];
  const out: string[] = [];
  const para = (...units: Unit[]): void => {
    for (const u of units) out.push(...u, '');
  };

  // Cover
  const coverTitle = c.coverTitle.map((l, i) => (i === c.coverTitle.length - 1 ? uniqueTitle(l, r, t.pool, state.titles) : vary(l)));
  out.push('', '', '', '');
  para([t.gazette], ['JILINSHENG RENMIN ZHENGFU GONGBAO'], [String(year)], [`第${number}期(复总第${cumulative}期)`], ['吉林省人民政府主办']);
  para(...coverTitle.map((l) => [l]));
  out.push('', '');
  for (const p of c.coverBody) para([vary(retime(p, month))], [], []);
  docs.push({ kind: '封面', title: coverTitle.join(' '), docNumber: null, slug: `${id}-cover` });
  out.push('', '');

  // 卷首语: the title over short lines, all of it printed (the seed's lost characters are not reproduced)
  const editorialTitle = uniqueTitle(c.editorialTitle.join(''), r, t.pool, state.titles, 4);
  para(['JUANSHOUYU'], wrap(editorialTitle, 6));
  for (const p of c.editorialBody) para([vary(p)]);
  docs.push({ kind: '卷首语', title: editorialTitle, docNumber: null, slug: `${id}-juanshouyu` });
  out.push('', '');

  // Official documents
  const laid = officials.map(({ tpl }, k) => {
    const serial = number * 10 + k + 1;
    const docNumber = `${tpl.agency}〔${year}〕${serial}号`;
    const issuer = ISSUERS[tpl.agency];
    const plan = uniqueTitle(tpl.plan, r, t.pool, state.titles, 3);
    const title = `${issuer}关于印发${plan}的通知`;
    const rb = rng(`${id} ${k} ${tpl.origin}`);
    const body: Unit[] = [];
    for (const u of tpl.body) {
      if (u.some((l) => l.includes('\t'))) {
        // Table cells vary too, by their own content, so a header repeated on every page fragment stays
        // identical (the reader drops the repeats) and a 计算方法/说明 sub-row keeps its prefix.
        body.push(u.map((l) => l.split('\t').map((cell) => (Array.from(cell).length > 6 ? varyText(cell, rng(`${id} ${k} ${cell}`), t.pool, { keepHead: 3, keepTail: 2 }) : cell)).join('\t')));
        continue;
      }
      // Seed paragraphs keep their own page breaks; corpus ones get breaks at about the seed's rate (1 in 5).
      const text = varyText(u.join(''), rb, t.pool);
      const seedLike = tpl.origin.includes('001_');
      for (const piece of !seedLike && rb() < 0.2 ? breakParagraph(text, rb) : [text]) body.push([piece]);
    }
    const units: Unit[] = [
      [title],
      [docNumber],
      [varyText(tpl.addressees, rb, t.pool), varyText(tpl.notice, rb, t.pool)],
      [issuer],
      [`${year}年${month}月${1 + k * 3}日`],
      [plan],
      ...body,
    ];
    docs.push({ kind: '通知', title, docNumber, slug: `${INITIALS[tpl.agency]}-${year}-${serial}` });
    return { tpl, title, docNumber, units };
  });

  // 人事任免 and 政务要闻
  const appointmentNumbers = [number * 2 - 1, number * 2];
  const appointments = withAppointments
    ? c.appointments.map((e, i) => vary(retime(e, month)).replace(/（吉政干任〔\d{4}〕[\d-]+号）$/, `（吉政干任〔${year}〕${appointmentNumbers[i] ?? number * 2}号）`))
    : [];
  const appointmentRange = `吉政干任〔${year}〕${appointmentNumbers[0]}-${appointmentNumbers[Math.max(0, appointments.length - 1)]}号`;
  if (withAppointments) docs.push({ kind: '任免', title: '吉林省人民政府人事任免', docNumber: appointmentRange, slug: `jzgr-${year}-${appointmentNumbers[0]}-${appointmentNumbers[Math.max(0, appointments.length - 1)]}` });
  const news = c.news.map((e) => vary(retime(e, month)));
  docs.push({ kind: '要闻', title: '政务要闻', docNumber: null, slug: `${id}-zwyw` });

  // Inside cover with the TOC (pages estimated at ~900 characters a page, as the seed's TOC runs)
  let page = 1;
  const toc: Unit[] = [['卷首语'], tocEntry(editorialTitle, `(${page})`)];
  page += 3;
  let section = '';
  for (const d of laid) {
    const s = d.tpl.agency === '吉政发' ? '省政府文件' : '省政府办公厅文件';
    if (s !== section) toc.push([s]);
    section = s;
    toc.push(tocEntry(d.title, `(${d.docNumber})(${page})`));
    page += Math.max(1, Math.round(d.tpl.chars / 900));
  }
  if (withAppointments) toc.push(['人事任免'], tocEntry('吉林省人民政府人事任免', `(${appointmentRange})(${page})`));
  toc.push(['政务要闻'], [`政务要闻（${page}）`]);

  out.push('', '');
  para([t.gazette], c.motto);
  out.push('', '');
  para([`(半月刊)`, `${year}年第${number}期`, `(复总第${cumulative}期)`, `${year}年${month}月${day}日出版`]);
  para(['目录'], ['CONTENTS'], ...toc);
  para(['编辑委员会'], c.board);
  if (c.statement) para([c.statement]);
  para(c.masthead);

  for (const d of laid) para(...d.units);
  if (withAppointments) para(['吉林省人民政府人事任免'], ...appointments.map((e) => [e]));
  para(...news.map((e) => [e]));
  out.push('', '');
  para(...c.captions.map((p) => [vary(retime(p, month))]));
  out.push('', '');
  para(...c.about.map((p) => [p]));

  const file = `${String(spec.index + 1).padStart(5, '0')}_bench_${year}-${String(number).padStart(2, '0')}.txt`;
  return { file, text: `${out.join('\n').replace(/\n+$/, '')}\n`, id, documents: docs };
}

/** The whole archive, in order (tests and small runs; the bench writes issue by issue). */
export function generateArchive(t: Templates, issues: number, lastYear = 2022): GeneratedIssue[] {
  const state = newState();
  return Array.from({ length: issues }, (_, i) => generateIssue(t, issueSpec(i, issues, lastYear), state));
}

/** Checksum of the generator's inputs, to reuse a generated archive only when nothing changed. */
export const templatesKey = (t: Templates): string => hash32(JSON.stringify(t.officials.map((o) => [o.origin, o.chars])) + t.pool.length).toString(16);

export { pick };
