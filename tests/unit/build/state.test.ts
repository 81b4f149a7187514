/** readProject (src/build/state.ts): what the plan reads of the generated files, and what it reuses from the last build. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../src/build/state.ts';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'gongbao-state-'));
  for (const dir of ['content/documents', 'content/issues', 'src']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'src/x.ts'), 'export {};\n');
  const doc = (id: string, citedBy: string[]) => ({ id, issue: '2023-4', date: '2022-11-01', kind: '通知', issuers: ['吉林省人民政府办公厅'], citedBy, citations: [{ target: null }, { target: 'b' }] });
  writeFileSync(join(root, 'content/documents/a.json'), JSON.stringify(doc('a', [])));
  writeFileSync(join(root, 'content/documents/b.json'), JSON.stringify(doc('b', ['a'])));
  writeFileSync(join(root, 'content/issues/2023-4.json'), JSON.stringify({ id: '2023-4', year: 2023, number: 4 }));
  writeFileSync(join(root, 'content/report.json'), JSON.stringify({ sources: [], counts: { bySeverity: {}, byKind: {} }, files: [], ledger: [] }));
  return root;
}

describe('readProject', () => {
  it('reads each document’s links (citation targets only) and index groups', () => {
    const { state, documents } = readProject(project());
    expect(documents.map((d) => [d.id, d.citedBy, d.citations])).toEqual([
      ['a', [], [{ target: 'b' }]],
      ['b', ['a'], [{ target: 'b' }]],
    ]);
    expect(state.links['b']).toEqual(documents[1]);
    expect(Object.keys(state.groups)).toEqual(['a', 'b']);
  });

  it('takes an unchanged document’s links from the last build made by the same code, and parses it again otherwise', () => {
    const root = project();
    const { state } = readProject(root);
    // A recorded state that says something else about 'a' proves which one was used: the file is not read for it.
    const before = { ...state, links: { ...state.links, a: { ...state.links['a']!, citedBy: ['recorded'] } }, groups: { ...state.groups, a: ['year/recorded'] } };
    const reused = readProject(root, before);
    expect(reused.state.links['a']?.citedBy).toEqual(['recorded']);
    expect(reused.state.groups['a']).toEqual(['year/recorded']);
    // The file changed: parsed again.
    writeFileSync(join(root, 'content/documents/a.json'), JSON.stringify({ id: 'a', issue: null, date: '2021-01-02', kind: '通知', issuers: [], citedBy: ['b'], citations: [] }));
    expect(readProject(root, before).state.links['a']?.citedBy).toEqual(['b']);
    // Other code: nothing is reused (a fresh copy of the project, where 'a' is unchanged).
    expect(readProject(project(), before).state.links['a']?.citedBy).toEqual(['recorded']);
    expect(readProject(project(), { ...before, code: 'other' }).state.links['a']?.citedBy).toEqual([]);
  });
});
