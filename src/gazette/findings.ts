/**
 * What a finding asks of an editor: a decision (the text cannot settle it), a check of a repair against the
 * printed page, or nothing (information) — with what to do, in Chinese. One list for the build report
 * (src/site/report.ts) and the ingest's command-line output (scripts/ingest.ts). Pure.
 */
import type { Finding } from './model.ts';

export type Bucket = 'decide' | 'repaired' | 'info';

/** How the report and the command line head each bucket. */
export const BUCKET_LABEL: Record<Bucket, string> = { decide: '需要决定', repaired: '待核对', info: '说明' };

const COPIES_FILE = 'content/editorial/copies.json';
/** Kinds the text cannot settle: what the editor decides, against the printed page, and where it is recorded. */
const DECIDE: Record<string, { todo: string; record?: string }> = {
  'table-grouping-ambiguous': { todo: '对照印刷版，确定表格这几格是合为一组还是分开。' },
  'title-incomplete': { todo: '对照印刷版，确认标题取目录所印的写法是否正确。' },
  'number-missing': { todo: '对照印刷版，确定这一段是否是漏印编号的一项。' },
  'copy-withheld': { todo: '公报刊载了这份文件而本站未能从公报来源读出：修复公报来源，或决定以副本代替发布。', record: `决定以副本发布时，记在 ${COPIES_FILE}。` },
  'issuer-unverified': { todo: '核实发文机关是否确实存在；存在的，请技术人员把它加入已知发文机关名单。' },
  'source-withheld': { todo: '这份来源本次未发布：按同一来源的其他事项修复后重新生成。' },
};
/** Where a decision is recorded when its kind has no record file yet: the report says so. */
const NO_RECORD = '这类决定还没有记录文件：请把决定告知技术人员。';
/** Information a reader of the report may want named, by kind (the rest are counted as 其他说明). */
const INFO_LABEL: Record<string, string> = {
  'copy-variant': '副本异文（已列为校勘记）',
  'layout-break-joined': '跨页、跨栏断开的段落已接上',
  'number-gap': '编号不连续（摘录或省略）',
  'orphan-parenthetical-attached': '跨页后单独一行的责任单位已归入上一条',
  'table-header-repeated': '跨页重复的表头已去掉',
  'item-body-joined': '条目正文接回标题',
  'copy-omits-table': '副本省略了表格',
  'copy-rewrites-preamble': '副本改写了导语',
  'duplicate-title-dropped': '重复的标题已去掉',
  'issuer-tampered': '副本中发文机关被篡改（该副本不用于发布）',
};
export const OTHER_INFO = '其他说明';

type Judged = Pick<Finding, 'kind' | 'severity'>;

/** The character ledger's findings speak of the program, not the text: information for the technical staff. */
const technical = (f: Judged) => f.kind.startsWith('ledger-');

export function bucketOf(f: Judged): Bucket {
  if (f.severity === 'error' || f.kind in DECIDE) return 'decide';
  if (f.severity === 'warning' && !technical(f)) return 'repaired';
  return 'info';
}

/** What the editor does about a finding, and where the decision is recorded. */
export function todoOf(f: Judged): string {
  const bucket = bucketOf(f);
  if (bucket === 'decide') {
    const d = DECIDE[f.kind];
    return d ? `${d.todo}${d.record ?? NO_RECORD}` : '这份来源无法可靠读取：检查文件后重新生成。';
  }
  if (bucket === 'repaired') return '对照印刷版核对修复是否正确；如有误，告知技术人员。';
  return technical(f) ? '这是程序的问题，不需要编辑处理，请转告技术人员。' : '不需要处理。';
}

export const infoLabel = (f: Judged): string => INFO_LABEL[f.kind] ?? OTHER_INFO;
