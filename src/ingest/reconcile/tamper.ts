/**
 * Tampering caught without a list of bad words: a copy that reads something else where the other copy
 * names a known issuing authority (issuers.ts). In 000 all nine occurrences of 吉林省人民政府 became a
 * betting brand — in titles, 落款 and body — and the aligned diff against 001 shows
 * each one.
 *
 * A difference at a known name is a replacement, not an ordinary reading, when the other side
 * - puts at least two characters of its own there (a plain omission or an abbreviation like 省政府 for
 *   吉林省人民政府 only deletes),
 * - keeps less than half of the name, and
 * - does not read another known issuer (吉林省人民政府办公厅 for 吉林省人民政府 is a reading).
 * Both directions are checked, so a tampered text is caught whichever copy outranks the other.
 */
import type { Finding } from '../../gazette/model.ts';
import { findIssuerNames, isKnownIssuer, type IssuerRegister } from '../structure/issuers.ts';
import type { Hunk, Pair, Unit } from './variants.ts';
import { partAt, quote } from './variants.ts';

export interface TamperPlace {
  /** The copy whose text replaced the name. */
  side: 'authoritative' | 'copy';
  line: number;
  /** Clause id in the published document ('' for the header). */
  clause: string;
  /** The known name, as printed in the other copy. */
  name: string;
  /** What this copy prints instead. */
  substitute: string;
}

/** Where a position of one side falls in the other; an insertion at a boundary counts as inside. */
function mapPosition(hunks: readonly View[], p: number, edge: 'start' | 'end'): number {
  let delta = 0;
  for (const h of hunks) {
    if (h.xs < p && p < h.xe) return edge === 'start' ? h.ys : h.ye;
    const before = edge === 'start' ? h.xe < p || (h.xe === p && h.xs < p) : h.xe <= p;
    if (before) delta += h.ye - h.ys - (h.xe - h.xs);
  }
  return p + delta;
}

/** A hunk seen from the side holding the name (x) towards the side that may have replaced it (y). */
interface View {
  xs: number;
  xe: number;
  ys: number;
  ye: number;
  hunk: Hunk;
}

function replacements(register: IssuerRegister, x: Unit, y: Unit, views: readonly View[]): Array<{ name: [number, number]; substitute: [number, number]; hunks: Hunk[] }> {
  const found: Array<{ name: [number, number]; substitute: [number, number]; hunks: Hunk[] }> = [];
  for (const { start, end } of findIssuerNames(register, x.form.chars)) {
    const touching = views.filter((v) => (v.xs < end && v.xe > start) || (v.xs === v.xe && v.xs > start && v.xs < end));
    if (touching.length === 0) continue;
    const inserted = touching.reduce((n, v) => n + v.ye - v.ys, 0);
    const removed = touching.reduce((n, v) => n + Math.max(0, Math.min(v.xe, end) - Math.max(v.xs, start)), 0);
    if (inserted < 2 || removed * 2 <= end - start) continue;
    const ys = mapPosition(views, start, 'start');
    const ye = mapPosition(views, end, 'end');
    if (isKnownIssuer(register, y.form.chars.slice(ys, ye).join(''))) continue;
    found.push({ name: [start, end], substitute: [ys, ye], hunks: touching.map((v) => v.hunk) });
  }
  return found;
}

/** Replaced issuer names in the aligned pairs of one comparison, and the hunks they account for. */
export function findTampering(pairs: readonly Pair[], register: IssuerRegister): { places: TamperPlace[]; hunks: Set<Hunk> } {
  const places: TamperPlace[] = [];
  const hunks = new Set<Hunk>();
  for (const p of pairs) {
    if (!p.hunks) continue;
    const forward = p.hunks.map((h) => ({ xs: h.aStart, xe: h.aEnd, ys: h.bStart, ye: h.bEnd, hunk: h }));
    const backward = p.hunks.map((h) => ({ xs: h.bStart, xe: h.bEnd, ys: h.aStart, ye: h.aEnd, hunk: h }));
    for (const [side, x, y, views] of [
      ['copy', p.auth, p.copy, forward],
      ['authoritative', p.copy, p.auth, backward],
    ] as const) {
      for (const r of replacements(register, x, y, views)) {
        r.hunks.forEach((h) => hunks.add(h));
        places.push({
          side,
          line: partAt(y, r.substitute[0]).line,
          clause: p.auth.kind === 'header' ? '' : partAt(p.auth, side === 'copy' ? r.name[0] : r.substitute[0]).key,
          name: quote(x, r.name[0], r.name[1], 0),
          substitute: quote(y, r.substitute[0], r.substitute[1], 0),
        });
      }
    }
  }
  return { places, hunks };
}

/** One severe finding per source line, however many names the line lost. */
export function tamperFindings(places: readonly TamperPlace[], file: string, otherFile: string): Finding[] {
  const byLine = new Map<number, TamperPlace[]>();
  for (const p of places) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, at]) => ({
      kind: 'issuer-tampered',
      severity: 'severe' as const,
      file,
      line,
      clause: at[0]!.clause,
      message:
        at.map((p) => `「${p.substitute}」出现在 ${otherFile} 印作发文机关「${p.name}」的位置`).join('；') +
        '：发文机关的名称被换成了不是发文机关的文字。',
      action: '该副本不用于发布的正文、发文机关或标题；替换进去的文字不列为校勘记。',
    }));
}
