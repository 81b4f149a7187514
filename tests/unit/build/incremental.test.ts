import { describe, expect, it } from 'vitest';
import { planRebuild, type BuildState, type DocumentLinks, type IssueRef, type ReportLinks } from '../../../src/build/incremental.ts';

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
const reports: Record<string, string> = { 's/1.txt': '1', 's/2.txt': '1', 's/web.html': '1' };
/** Source 1's findings name document b; source web's name web. */
const links: ReportLinks = { 's/1.txt': ['b'], 's/2.txt': [], 's/web.html': ['web'] };
/** Every document in kind/通知; b and web also in year/2021. */
const groupsOf = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, ['kind/通知', ...(id === 'b' || id === 'web' ? ['year/2021'] : [])]]));
const state = (documents: Record<string, string>, issueSums: Record<string, string>, code = 'v1', reportSums = reports): BuildState => ({
  code,
  documents,
  issues: issueSums,
  reports: reportSums,
  groups: groupsOf(Object.keys(documents)),
  links: {},
});
const base = state({ a: '1', b: '1', c: '1', d: '1', web: '1' }, { '2022-23': '1', '2022-24': '1', '2023-1': '1', '2023-2': '1' });

describe('planRebuild', () => {
  it('asks for a full build without an earlier build, after a code change, or when a page went away', () => {
    expect(planRebuild(null, base, docs, issues, links)).toEqual({ full: true, reason: 'no earlier build' });
    expect(planRebuild(base, { ...base, code: 'v2' }, docs, issues, links)).toEqual({ full: true, reason: 'the code changed' });
    const { d: _gone, ...fewer } = base.documents;
    expect(planRebuild(base, { ...base, documents: fewer }, docs, issues, links)).toEqual({ full: true, reason: '1 page(s) removed (d)' });
    const { 's/2.txt': _source, ...otherReports } = reports;
    expect(planRebuild(base, { ...base, reports: otherReports }, docs, issues, links)).toEqual({ full: true, reason: '1 page(s) removed (s/2.txt)' });
  });

  it('renders nothing when nothing changed', () => {
    expect(planRebuild(base, base, docs, issues, links)).toEqual({ full: false, documents: [], issues: [], years: [], reports: [], groups: [] });
  });

  it('a changed document brings the documents it cites and that cite it, its issue and that issue’s neighbours', () => {
    const now = { ...base, documents: { ...base.documents, c: '2' } };
    expect(planRebuild(base, now, docs, issues, links)).toEqual({ full: false, documents: ['b', 'c'], issues: ['2022-24', '2023-1', '2023-2'], years: ['2022', '2023'], reports: [], groups: ['kind/通知'] });
  });

  it('a new issue brings the issue before it (its 「下一期」 link); a document without an issue is indexed under its date’s year', () => {
    const now = state({ ...base.documents, e: 'x', web: '2' }, { ...base.issues, '2023-3': 'x' });
    const plan = planRebuild(base, now, [...docs, doc('e', '2023-3')], [...issues, { id: '2023-3', year: 2023, number: 3 }], links);
    expect(plan).toEqual({ full: false, documents: ['e', 'web'], issues: ['2023-2', '2023-3'], years: ['2021', '2023'], reports: ['s/web.html'], groups: ['kind/通知', 'year/2021'] });
  });

  it('a source’s report page is rendered again when its part of the report changed, it is new, or a document its findings name changed', () => {
    const now = state({ ...base.documents, b: '2' }, base.issues, 'v1', { ...reports, 's/2.txt': '2', 's/3.txt': '1' });
    const plan = planRebuild(base, now, docs, issues, { ...links, 's/3.txt': [] });
    expect(plan.full === false && plan.reports).toEqual(['s/1.txt', 's/2.txt', 's/3.txt']);
  });

  it('a changed document brings the index groups it is in and those it was in', () => {
    const now = { ...state({ ...base.documents, c: '2' }, base.issues), groups: { ...groupsOf(Object.keys(base.documents)), c: ['kind/意见', 'issuer/省政府'] } };
    const plan = planRebuild(base, now, docs, issues, links);
    expect(plan.full === false && plan.groups).toEqual(['issuer/省政府', 'kind/意见', 'kind/通知']);
  });
});
