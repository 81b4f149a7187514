/**
 * Damaged copies of a source, as an editor's slip or a bad PDF export makes them (issue 20): each mutant
 * carries one damage, its kind and the line of the damaged text (1-based, in the mutant). Deterministic:
 * the same text gives the same mutants, sampled by position so the whole file is covered.
 *
 * Used by tests/unit/ingest/mutants.test.ts, which asserts for every mutant either "nothing lost" or
 * "an error finding within ±2 lines of the damage".
 */

export interface Mutant {
  kind: string;
  /** Line of the damage in the mutant (for a deleted line: the line that now stands in its place). */
  line: number;
  text: string;
  /** What was done, for the table and failure messages. */
  note: string;
}

const RUNNING_HEAD = '吉林省人民政府公报　2023年第4期';

/** Evenly spread picks: at most `n` of `xs`, first and last included. */
export function spread<T>(xs: readonly T[], n: number): T[] {
  if (xs.length <= n) return [...xs];
  return Array.from({ length: n }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (n - 1))]!);
}

const DOC_NUMBER_LINE = /^\s*[\u4e00-\u9fa5]{2,10}〔\d{4}〕\s*\d+(?:-\d+)?\s*号\s*$/;
const DATE_LINE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;
const TOC_PAGE = /[（(][\d]{1,3}[）)]\s*$/;

function edit(lines: readonly string[], at: number, replace: string[]): string {
  return [...lines.slice(0, at), ...replace, ...lines.slice(at + 1)].join('\n');
}

/**
 * Mutants of a gazette dump in 001's layout. `budget` bounds the sampled kinds (deleted lines, truncation
 * points, zero-width insertions, dropped brackets, TOC page numbers) so the whole set runs in seconds.
 */
export interface DumpBudget {
  deletions: number;
  truncations: number;
  zeroWidth: number;
  runningHeads: number;
  brackets: number;
  tocPages: number;
}

export function gazetteDumpMutants(text: string, budget: DumpBudget = { deletions: 16, truncations: 8, zeroWidth: 6, runningHeads: 5, brackets: 8, tocPages: 7 }): Mutant[] {
  const lines = text.split('\n');
  const idx = (test: (l: string, i: number) => boolean): number[] => lines.flatMap((l, i) => (test(l, i) ? [i] : []));
  const out: Mutant[] = [];
  const del = (kind: string, i: number, note: string): void => {
    out.push({ kind, line: i + 1, text: edit(lines, i, []), note });
  };
  const tocAt = lines.findIndex((l) => l.trim() === '目录');
  const bodyStart = lines.findIndex((l, i) => i > tocAt && DOC_NUMBER_LINE.test(l)) - 2;

  for (const i of spread(idx((l) => l.trim() !== ''), budget.deletions)) del('deleted line', i, `l.${i + 1} 「${lines[i]!.trim().slice(0, 12)}」 deleted`);

  for (const i of spread(idx((l, i) => l.includes('〔') && (DOC_NUMBER_LINE.test(l) || i < bodyStart)), budget.brackets))
    out.push({ kind: 'dropped 〔', line: i + 1, text: edit(lines, i, [lines[i]!.replace('〔', '')]), note: `l.${i + 1} 〔 dropped` });

  for (const i of idx((l) => DOC_NUMBER_LINE.test(l))) {
    del('removed 发文字号 line', i, `l.${i + 1} 「${lines[i]!.trim()}」 deleted`);
    // The title: the nearest non-blank line above the number.
    let t = i - 1;
    while (t > 0 && lines[t]!.trim() === '') t--;
    del('removed title line', t, `title l.${t + 1} 「${lines[t]!.trim().slice(0, 12)}」 deleted`);
  }

  for (const i of idx((l) => DATE_LINE.test(l))) del('removed date line', i, `date l.${i + 1} 「${lines[i]!.trim()}」 deleted`);

  if (tocAt >= 0) del('missing 目录 line', tocAt, `l.${tocAt + 1} 目录 deleted`);

  // Body headings (001 l.800, 862), then the TOC's section headings (l.71–101).
  for (const heading of ['吉林省人民政府人事任免', '《吉林省人民政府公报》简介'])
    for (const i of idx((l) => l.trim() === heading).slice(-1)) del('removed section heading', i, `heading 「${heading}」 l.${i + 1} deleted`);
  for (const heading of ['卷首语', '省政府文件', '省政府办公厅文件', '人事任免', '政务要闻'])
    for (const i of idx((l, i) => i > tocAt && i < bodyStart && l.trim() === heading).slice(0, 1))
      del('removed TOC section heading', i, `TOC heading 「${heading}」 l.${i + 1} deleted`);

  for (const i of spread(idx((l, i) => i > tocAt && i < bodyStart && TOC_PAGE.test(l)), budget.tocPages))
    out.push({ kind: 'missing TOC page number', line: i + 1, text: edit(lines, i, [lines[i]!.replace(TOC_PAGE, '')]), note: `TOC l.${i + 1} page number dropped` });

  const filled = idx((l) => l.trim() !== '');
  for (const i of spread(filled.slice(1), budget.truncations)) {
    // Cut inside the line: half of it stays.
    const kept = [...lines[i]!].slice(0, Math.ceil([...lines[i]!].length / 2)).join('');
    out.push({ kind: 'truncated file', line: i + 1, text: [...lines.slice(0, i), kept].join('\n'), note: `cut in l.${i + 1}` });
  }

  const zw = spread(filled, budget.zeroWidth);
  zw.forEach((i, k) => {
    const mark = k % 2 === 0 ? '\u200B' : '\uFEFF';
    const cs = [...lines[i]!];
    const at = Math.max(1, Math.floor(cs.length / 2));
    out.push({ kind: 'zero-width character', line: i + 1, text: edit(lines, i, [[...cs.slice(0, at), mark, ...cs.slice(at)].join('')]), note: `U+${mark.codePointAt(0)!.toString(16).toUpperCase()} in l.${i + 1}` });
  });
  // The cover's gazette name (issue 20: a U+FEFF inside 吉林省人民政府公报 made 001 unreadable).
  const cover = lines.findIndex((l) => l.trim() === '吉林省人民政府公报');
  if (cover >= 0) out.push({ kind: 'zero-width character', line: cover + 1, text: edit(lines, cover, ['吉林省人民\uFEFF政府公报']), note: `U+FEFF in the cover name l.${cover + 1}` });

  // A running head (or a page number) left between the two halves of a paragraph broken by a page.
  const long = idx((l, i) => i > bodyStart && [...l.trim()].length > 60);
  spread(long, budget.runningHeads).forEach((i, k) => {
    const cs = [...lines[i]!.trim()];
    const at = Math.floor(cs.length / 2);
    const furniture = k % 2 === 0 ? RUNNING_HEAD : String(12 + k);
    out.push({
      kind: k % 2 === 0 ? 'running head in a paragraph' : 'page number in a paragraph',
      line: i + 3,
      text: edit(lines, i, [cs.slice(0, at).join(''), '', furniture, '', cs.slice(at).join('')]),
      note: `「${furniture}」 inside l.${i + 1}`,
    });
  });
  return out;
}

/** Mutants of a Markdown source (LawRefBook / Shanghai layout): deleted lines, truncation, zero-width, dropped 〔. */
export function markdownMutants(text: string, budget = { deletions: 8, truncations: 4, zeroWidth: 3 }): Mutant[] {
  const lines = text.split('\n');
  const filled = lines.flatMap((l, i) => (l.trim() !== '' ? [i] : []));
  const out: Mutant[] = [];
  for (const i of spread(filled, budget.deletions))
    out.push({ kind: 'deleted line', line: i + 1, text: edit(lines, i, []), note: `l.${i + 1} 「${lines[i]!.trim().slice(0, 12)}」 deleted` });
  for (const i of lines.flatMap((l, i) => (l.includes('〔') ? [i] : [])).slice(0, 3))
    out.push({ kind: 'dropped 〔', line: i + 1, text: edit(lines, i, [lines[i]!.replace('〔', '')]), note: `l.${i + 1} 〔 dropped` });
  for (const i of spread(filled.slice(1), budget.truncations)) {
    const kept = [...lines[i]!].slice(0, Math.ceil([...lines[i]!].length / 2)).join('');
    out.push({ kind: 'truncated file', line: i + 1, text: [...lines.slice(0, i), kept].join('\n'), note: `cut in l.${i + 1}` });
  }
  spread(filled, budget.zeroWidth).forEach((i, k) => {
    const mark = k % 2 === 0 ? '\u200B' : '\uFEFF';
    const cs = [...lines[i]!];
    const at = Math.max(1, Math.floor(cs.length / 2));
    out.push({ kind: 'zero-width character', line: i + 1, text: edit(lines, i, [[...cs.slice(0, at), mark, ...cs.slice(at)].join('')]), note: `U+${mark.codePointAt(0)!.toString(16).toUpperCase()} in l.${i + 1}` });
  });
  return out;
}
