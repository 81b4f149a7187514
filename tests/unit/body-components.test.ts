import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALLOWED_JSX } from '../../src/ingest/emit/mdx.ts';

describe('body components', () => {
  it('registers exactly the JSX elements the emitter may write', () => {
    const index = readFileSync('src/components/body/index.ts', 'utf8');
    const registered = /bodyComponents = \{ ([^}]+) \}/.exec(index)?.[1]?.split(', ').sort();
    expect(registered).toEqual(Object.keys(ALLOWED_JSX).sort());
  });
});
