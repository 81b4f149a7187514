import { describe, expect, it } from 'vitest';
import { planRebuild, type BuildState, type DocumentLinks, type IssueRef } from '../../../src/build/incremental.ts';

const issues: IssueRef[] = [
  { id: '2022-23', year: 2022, number: 23 },
  { id: '2022-24', year: 2022, number: 24 },
  { id: '2023-1', year: 2023, number: 1 },
  { id: '2023-2', year: 2023, number: 2 },
];
const doc = (id: string, issue: string | null, more: Partial<DocumentLinks> = {}): DocumentLinks => ({ id, issue, date: null, citedBy: [], citations: [], ...more });
const docs = [
  doc('a', '2022-23'),
  doc('b', '2022-24', { citedBy: ['c'] }),
  doc('c', '2023-1', { citations: [{ target: 'b' }, { target: null }] }),
  doc('d', '2023-2'),
  doc('web', null, { date: '2021-05-01' }),
];
const state = (documents: Record<string, string>, issueSums: Record<string, string>, code = 'v1'): BuildState => ({ code, documents, issues: issueSums });
const base = state({ a: '1', b: '1', c: '1', d: '1', web: '1' }, { '2022-23': '1', '2022-24': '1', '2023-1': '1', '2023-2': '1' });

describe('planRebuild', () => {
  it('asks for a full build without an earlier build, after a code change, or when a page went away', () => {
    expect(planRebuild(null, base, docs, issues)).toEqual({ full: true, reason: 'no earlier build' });
    expect(planRebuild(base, { ...base, code: 'v2' }, docs, issues)).toEqual({ full: true, reason: 'the code changed' });
    const { d: _gone, ...fewer } = base.documents;
    expect(planRebuild(base, { ...base, documents: fewer }, docs, issues)).toEqual({ full: true, reason: '1 page(s) removed (d)' });
  });

  it('renders nothing when nothing changed', () => {
    expect(planRebuild(base, base, docs, issues)).toEqual({ full: false, documents: [], issues: [], years: [] });
  });

  it('a changed document brings the documents it cites and that cite it, its issue and that issue’s neighbours', () => {
    const now = { ...base, documents: { ...base.documents, c: '2' } };
    expect(planRebuild(base, now, docs, issues)).toEqual({ full: false, documents: ['b', 'c'], issues: ['2022-24', '2023-1', '2023-2'], years: ['2022', '2023'] });
  });

  it('a new issue brings the issue before it (its 「下一期」 link); a document without an issue is indexed under its date’s year', () => {
    const now = state({ ...base.documents, e: 'x', web: '2' }, { ...base.issues, '2023-3': 'x' });
    const plan = planRebuild(base, now, [...docs, doc('e', '2023-3')], [...issues, { id: '2023-3', year: 2023, number: 3 }]);
    expect(plan).toEqual({ full: false, documents: ['e', 'web'], issues: ['2023-2', '2023-3'], years: ['2021', '2023'] });
  });
});
