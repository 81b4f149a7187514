import { describe, expect, it } from 'vitest';
import { CONFIG_MODULE, gazetteModules, gongbao, THEME_MODULE, themeCss } from '../../../src/integration/gongbao.ts';
import GUOWUYUAN from '../../../examples/guowuyuan-gongbao/gongbao.config.ts';
import { SEED } from '../../support/seed-gazette.ts';

type Hook = (o: { updateConfig: (c: Record<string, unknown>) => void }) => void;

describe('the gongbao() integration', () => {
  it('sets site and base path from the configuration, adds the module plugin and the editorial MDX', () => {
    const updates: Array<Record<string, unknown>> = [];
    // Without the deploy-time overrides (src/gazette/deploy.ts), which the environment of a test may carry.
    const env = { SITE_URL: process.env['SITE_URL'], BASE_PATH: process.env['BASE_PATH'] };
    delete process.env['SITE_URL'];
    delete process.env['BASE_PATH'];
    try {
      (gongbao({ ...SEED, site: { url: 'https://gazette.example.gov.cn', base: 'gongbao' } }).hooks['astro:config:setup'] as unknown as Hook)({ updateConfig: (c) => updates.push(c) });
    } finally {
      Object.assign(process.env, Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)));
    }
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ site: 'https://gazette.example.gov.cn', base: '/gongbao/' });
    expect((updates[0]?.['integrations'] as Array<{ name: string }>).map((i) => i.name)).toEqual(['@astrojs/mdx']);
  });

  it('refuses an invalid configuration before Astro starts', () => {
    expect(() => gongbao({ ...SEED, issuers: [] })).toThrow('issuers：至少列出一个发文机关');
  });

  it('serves the configuration and the theme as virtual modules', () => {
    const plugin = gazetteModules(GUOWUYUAN);
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (id: string) => string | undefined;
    expect(resolveId(CONFIG_MODULE)).toBe(`\0${CONFIG_MODULE}`);
    expect(resolveId('./other.ts')).toBeUndefined();
    expect(load(`\0${CONFIG_MODULE}`)).toBe(`export default ${JSON.stringify(GUOWUYUAN)};\n`);
    expect(load(`\0${THEME_MODULE}`)).toBe(':root { --accent: #9e1b1b; --accent-ink: #9e1b1b; }\n');
  });

  it('adds no theme rule for the stylesheet’s own colour (the seed’s CSS stays as it was)', () => {
    expect(themeCss(SEED)).toBe('');
  });
});
