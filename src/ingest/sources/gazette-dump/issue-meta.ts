/**
 * Issue furniture of a gazette dump (content/sources/001_2dbcd8b680e63142.txt): cover facts, inside cover (motto, 刊期,
 * 出版日期, 目录, 编辑委员会, 编辑出版 masthead), photo captions and the back-cover 简介.
 *
 * Every line is read by what it says, not where it sits, so the next issue's dump parses too. Lines
 * that only carry a structure (「目录」「CONTENTS」「编辑委员会」, the 简介 heading) go to `removals`
 * with a reason; a printed line from which a value was read (「第4期(复总第888期)」) is kept verbatim in
 * `meta`, so the character ledger finds every character either published or removed.
 */
import type { DocumentKind, DocumentNumber, EditorialRole, Finding, Removal, TocEntry, TocSection } from '../../../gazette/model.ts';
import { isBlank, type Line } from '../../text/lines.ts';
import { leftover, remove } from '../../text/removals.ts';
import { lineBlocks } from '../../structure/layout.ts';
import { toMatchForm } from '../../../gazette/width.ts';
import { parseDocumentNumberLenient } from '../../../gazette/doc-number.ts';
import type { NumberingPatterns } from '../../../gazette/numbering.ts';
import type { IngestGazette } from '../../structure/gazette.ts';

/** Pinyin running titles: 「JILINSHENG RENMIN ZHENGFU GONGBAO」「JUANSHOUYU」「CONTENTS」 (an acronym such as IMS is not one). */
export const isPinyinHeader = (text: string): boolean => /^[A-Z][A-Z ]{4,}[A-Z]$/.test(text.trim());

const REASON_PINYIN = 'pinyin/English running title (typographic furniture)';

/** Facts read from the cover and the inside cover; null where the issue does not print them. */
export interface IssueFacts {
  gazette: string | null;
  year: number | null;
  number: number | null;
  cumulative: number | null;
  published: string | null;
  frequency: string | null;
  sponsor: string | null;
}

export interface MetaRead {
  /** Printed lines a value was read from, verbatim (SourceParse.meta). */
  meta: Record<string, string>;
  removals: Removal[];
  findings: Finding[];
}

export const emptyFacts = (): IssueFacts => ({
  gazette: null,
  year: null,
  number: null,
  cumulative: null,
  published: null,
  frequency: null,
  sponsor: null,
});

/** One printed line → the facts it states, or null when it states none. */
type FactReader = (text: string) => Partial<IssueFacts> | null;

/** The readers of fact lines; the issue number in the gazette's own numbering (GazetteConfig.numbering). */
const factReaders = (numbering: NumberingPatterns): Array<{ key: string; read: FactReader }> => [
  { key: 'gazette', read: (t) => (/^\S+公报$/.test(t) ? { gazette: t } : null) },
  { key: 'year', read: (t) => (/^\d{4}$/.test(t) ? { year: Number(t) } : null) },
  {
    key: 'issue',
    read: (t) => {
      // 「第4期(复总第888期)」 on the cover, 「2023年第4期」 inside.
      const m = numbering.issueLine.exec(t);
      if (!m) return null;
      return { number: Number(m[2]), ...(m[1] ? { year: Number(m[1]) } : {}), ...(m[3] ? { cumulative: Number(m[3]) } : {}) };
    },
  },
  {
    key: 'cumulative',
    read: (t) => {
      const m = numbering.cumulativeLine.exec(t);
      return m ? { cumulative: Number(m[1]) } : null;
    },
  },
  {
    key: 'frequency',
    read: (t) => {
      const m = /^[(（]\s*(\S{1,3}刊)\s*[)）]$/.exec(t);
      return m?.[1] ? { frequency: m[1] } : null;
    },
  },
  {
    key: 'published',
    read: (t) => {
      const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*出版$/.exec(t);
      return m?.[1] && m[2] && m[3] ? { published: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` } : null;
    },
  },
  {
    key: 'sponsor',
    read: (t) => {
      const m = /^(\S+?)\s*主办$/.exec(t);
      return m?.[1] ? { sponsor: m[1] } : null;
    },
  },
];

/**
 * Reads the fact lines of a cover or inside cover into `facts` (first value wins; a later, different
 * value is reported as `issue-facts-disagree`) and records each line in `read.meta` under
 * `${place}.${key}`. Returns the lines that state no fact (motto …), pinyin titles removed. With
 * `stopAtText`, the first such line ends the facts and everything from it on is returned (the cover
 * story follows the cover facts, and its text must not be read as facts).
 */
export function readFacts(lines: Line[], place: string, facts: IssueFacts, read: MetaRead, file: string, numbering: NumberingPatterns, stopAtText = false): Line[] {
  const rest: Line[] = [];
  const readers = factReaders(numbering);
  for (const l of lines) {
    if (stopAtText && rest.length) {
      rest.push(l);
      continue;
    }
    const text = l.text.trim();
    if (!text) continue;
    if (isPinyinHeader(text)) {
      remove(read.removals, l.line, text, REASON_PINYIN);
      continue;
    }
    const hit = readers.map((f) => ({ key: f.key, value: f.read(text) })).find((f) => f.value !== null);
    if (!hit?.value) {
      rest.push(l);
      continue;
    }
    const metaKey = read.meta[`${place}.${hit.key}`] === undefined ? `${place}.${hit.key}` : `${place}.${hit.key}.l${l.line}`;
    read.meta[metaKey] = text;
    for (const [k, v] of Object.entries(hit.value) as Array<[keyof IssueFacts, string | number]>) {
      const known = facts[k];
      if (known === null) Object.assign(facts, { [k]: v });
      else if (known !== v) {
        read.findings.push({
          kind: 'issue-facts-disagree',
          severity: 'warning',
          file,
          line: l.line,
          message: `第${l.line}行「${text}」给出的 ${k} 是 ${v}，但前面一行给出的是 ${known}。`,
          action: '保留先出现的值',
        });
      }
    }
  }
  return rest;
}

const PAGE = /[\s.．·…]*[(（]\s*(\d+)\s*[)）]$/;
const NUMBER_TAIL = /[(（]([^()（）]*号)[)）]$/;

/** The line of a block that holds character `offset` of the block's lines joined. */
function lineAt(block: Line[], offset: number): number {
  let end = 0;
  for (const l of block) {
    end += l.text.length;
    if (offset < end) return l.line;
  }
  return block.at(-1)?.line ?? 0;
}

/**
 * 目录: blocks ending in a page number 「(4)」「…（31）」「.....（39）」 are entries, other blocks are
 * section headings. An entry's lines are joined as printed; its 发文字号 is the trailing parenthetical
 * before the page (「(吉政发〔2022〕21号)」), read leniently because the TOC loses brackets
 * (「（吉政办发\n2022〕27号）」) — each such repair is reported as `toc-repaired`.
 */
/** A TOC column title is a few characters (「省政府办公厅文件」); longer, it is an entry that lost its page. */
const SECTION_TITLE_CHARS = 12;

export function parseToc(blocks: Line[][], file: string, columns: readonly string[] = []): { sections: TocSection[]; findings: Finding[] } {
  const sections: TocSection[] = [];
  const findings: Finding[] = [];
  for (const block of blocks) {
    const printed = block.map((l) => l.text).join('');
    const page = PAGE.exec(printed);
    const first = block[0];
    if (!first) continue;
    if (!page) {
      // A column title is short (「省政府文件」) or one the gazette names (`columns`, GazetteConfig.sections); a
      // block that carries a 发文字号 or reads like a document title is an entry whose page number was lost,
      // kept as printed under the section heading.
      if (!columns.some((c) => toMatchForm(c) === toMatchForm(printed)) && (NUMBER_TAIL.test(printed) || [...printed].length > SECTION_TITLE_CHARS))
        findings.push({
          kind: 'toc-page-missing',
          severity: NUMBER_TAIL.test(printed) ? 'error' : 'warning',
          file,
          line: first.line,
          message: `目录第${first.line}行的「${printed.slice(0, 30)}」没有页码，只能当作栏目标题，无法与正文中的文件对应。`,
          action: '按栏目标题发布；请补上页码',
        });
      sections.push({ title: printed, entries: [] });
      continue;
    }
    const head = printed.slice(0, page.index);
    const tail = NUMBER_TAIL.exec(head);
    let docNumber: DocumentNumber | null = null;
    if (tail?.[1]) {
      const found = parseDocumentNumberLenient(tail[1]);
      docNumber = found?.number ?? null;
      if (found?.repaired) {
        const at = lineAt(block, tail.index + tail[0].length - 1);
        findings.push({
          kind: 'toc-repaired',
          severity: 'warning',
          file,
          line: at,
          message: `目录把「${head.slice(0, tail.index)}」的发文字号印作「${tail[1]}」（第${lineAt(block, tail.index)}–${at}行），缺了一个括号；读作${found.number.normalized}。`,
          action: '为建立链接修复了发文字号；目录条目照印保留',
        });
      }
    }
    const entry: TocEntry = {
      title: (tail ? head.slice(0, tail.index) : head).trim(),
      printed,
      docNumber,
      page: Number(page[1]),
      document: null,
      source: { file, line: first.line },
    };
    const section = sections.at(-1) ?? { title: '', entries: [] };
    if (sections.length === 0) sections.push(section);
    section.entries.push(entry);
  }
  return { sections, findings };
}

const KEY_VALUE = /^([^：:\s]{1,8})\s*[：:]\s*(.*)$/;
const isWide = (c: string | undefined): boolean => c !== undefined && /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u.test(c);

/**
 * 编辑委员会: 「主任：习树茂」, and names wrapped over several lines (「委员：陆勇 吴哲峰」「雷达 秦政」 …).
 * Names are listed in printed order; the 「：」 separators go to the ledger.
 */
export function parseEditorialBoard(lines: Line[], removals: Removal[]): EditorialRole[] {
  const roles: EditorialRole[] = [];
  for (const l of lines) {
    const m = KEY_VALUE.exec(l.text.trim());
    const role = m?.[1] ? { role: m[1], names: [] as string[] } : roles.at(-1);
    if (!role) continue;
    if (m) roles.push(role);
    const names = (m ? (m[2] ?? '') : l.text).split(/\s+/).filter(Boolean);
    role.names.push(...names);
    remove(removals, l.line, leftover(l.text, m ? [role.role, ...names] : names), 'metadata syntax');
  }
  return roles;
}

/**
 * 编辑出版 block: 「key：value」 lines; a line without a key continues the value above — joined directly
 * when both sides are Chinese (「吉林省机关事务」「管理局文印中心」), with a space otherwise (two phone numbers).
 */
export function parseMasthead(lines: Line[], removals: Removal[]): Record<string, string> {
  const masthead: Record<string, string> = {};
  let last: string | null = null;
  for (const l of lines) {
    const text = l.text.trim();
    const m = KEY_VALUE.exec(text);
    if (m?.[1]) {
      last = m[1];
      masthead[last] = m[2] ?? '';
      remove(removals, l.line, leftover(text, [m[1], m[2] ?? '']), 'metadata syntax');
    } else if (last !== null) {
      const before = masthead[last] ?? '';
      masthead[last] = before + (isWide(before.at(-1)) && isWide(text[0]) ? '' : ' ') + text;
    }
  }
  return masthead;
}

/** The inside cover read: facts come back through `facts`, the rest here. */
export interface InsideCover {
  motto: string[];
  sections: TocSection[];
  editorialBoard: EditorialRole[];
  masthead: Record<string, string>;
  statement: string | null;
}

export const isTocHeading = (text: string): boolean => /^(?:目\s*录|CONTENTS)$/i.test(text);
const BOARD_HEADING = /^编辑委员会$/;
/** An inside-cover statement is a sentence or two (001 l.120); anything longer is misplaced text. */
const STATEMENT_CHARS = 60;
const MAX_STATEMENTS = 2;
const isStatement = (block: Line[]): boolean => block.length <= 3 && block.reduce((n, l) => n + [...l.text.replace(/\s/g, '')].length, 0) <= STATEMENT_CHARS;

/**
 * Inside cover: the gazette name, motto and issue facts before 「目录」; the TOC up to 「编辑委员会」;
 * the board; then masthead blocks (「编辑出版：…」) and statements (「…具有同等效力」, Issue.statement).
 */
export function parseInsideCover(lines: Line[], facts: IssueFacts, read: MetaRead, file: string, gazette: Pick<IngestGazette, 'config' | 'numbering'>): InsideCover {
  const tocAt = lines.findIndex((l) => isTocHeading(l.text.trim()));
  const before = tocAt < 0 ? lines : lines.slice(0, tocAt);
  const motto = readFacts(before, 'insideCover', facts, read, file, gazette.numbering).map((l) => l.text.trim());

  const after = tocAt < 0 ? [] : lines.slice(tocAt);
  const blocks = lineBlocks(after);
  const tocBlocks: Line[][] = [];
  let i = 0;
  for (; i < blocks.length; i++) {
    const block = blocks[i] ?? [];
    const text = block.map((l) => l.text).join('');
    if (block.length === 1 && (isTocHeading(text) || isPinyinHeader(text))) {
      for (const l of block) remove(read.removals, l.line, l.text, isPinyinHeader(text) ? REASON_PINYIN : 'TOC heading (the TOC is issue.sections)');
      continue;
    }
    if (BOARD_HEADING.test(text) || KEY_VALUE.test(block[0]?.text ?? '')) break;
    tocBlocks.push(block);
  }
  const toc = parseToc(tocBlocks, file, gazette.config.sections);
  read.findings.push(...toc.findings);

  let editorialBoard: EditorialRole[] = [];
  const masthead: Record<string, string> = {};
  const statements: string[] = [];
  for (; i < blocks.length; i++) {
    const block = blocks[i] ?? [];
    const first = block[0];
    if (!first) continue;
    if (BOARD_HEADING.test(first.text)) {
      remove(read.removals, first.line, first.text, 'heading of the editorial board (issue.editorialBoard)');
      const members = block.length > 1 ? block.slice(1) : (blocks[++i] ?? []);
      editorialBoard = parseEditorialBoard(members, read.removals);
    } else if (KEY_VALUE.test(first.text)) {
      Object.assign(masthead, parseMasthead(block, read.removals));
    } else if (isStatement(block) && statements.length < MAX_STATEMENTS) {
      statements.push(block.map((l) => l.text).join('\n'));
    } else {
      // Not a statement: text the adapter could not place (a document whose 发文字号 line is lost), and
      // so is all that follows. Left out of every field, the ledger reports it; named here at its start.
      const last = blocks.at(-1)!.at(-1)!;
      read.findings.push({
        kind: 'dump-unplaced',
        severity: 'error',
        file,
        line: first.line,
        message: `内封编辑出版信息之后，第${first.line}–${last.line}行的文字既不是编辑出版信息也不是声明，无法归入任何文件（可能缺少发文字号行或标题行）。`,
        action: '这些文字不发布；本来源的期次和文件暂不公布，直至来源修复',
      });
      break;
    }
  }
  return { motto, sections: toc.sections, editorialBoard, masthead, statement: statements.length ? statements.join('\n') : null };
}

/** Photo captions 「①2月16日，…」: one per line, marker kept. */
export const isCaptionLine = (text: string): boolean => /^[\u2460-\u2473]/.test(text.trim());

/** Back-cover 简介: the heading (removed, the field names it) and its paragraphs joined by newlines. */
export function parseAbout(lines: Line[], removals: Removal[]): string | null {
  const filled = lines.filter((l) => !isBlank(l.text));
  const [heading, ...paragraphs] = filled;
  if (!heading) return null;
  remove(removals, heading.line, heading.text, 'heading of the back-cover 简介 (issue.about)');
  return paragraphs.length ? paragraphs.map((l) => l.text.trim()).join('\n') : null;
}

/** What a TOC entry is matched against. */
export interface TocTarget {
  title: string;
  kind: DocumentKind;
  docNumber: DocumentNumber | null;
}

/**
 * Which document a TOC entry names: the same 发文字号, else the same title (widths, spaces and dashes
 * ignored: the TOC prints 2021-2035 where the text has 2021—2035), else — for a column without its own
 * title, such as 卷首语 — the document of the section's kind. Returns the index in `targets`, or -1.
 */
export function matchTocEntry(entry: TocEntry, section: TocSection, targets: TocTarget[], taken: ReadonlySet<number>): number {
  const free = (i: number): boolean => !taken.has(i);
  const byNumber = targets.findIndex((t, i) => free(i) && entry.docNumber !== null && t.docNumber?.normalized === entry.docNumber.normalized);
  if (byNumber >= 0) return byNumber;
  const title = toMatchForm(entry.title);
  const byTitle = targets.findIndex((t, i) => free(i) && toMatchForm(t.title) === title);
  if (byTitle >= 0) return byTitle;
  return targets.findIndex((t, i) => free(i) && t.kind === section.title);
}
