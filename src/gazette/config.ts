/**
 * A gazette's configuration (README, "Start a new gazette site"): everything that makes one 政府公报 site
 * differ from another — its name and registration, its issuing authorities, how it numbers its issues, its
 * masthead and colour. One file per site (gongbao.config.ts at the project root) is read by both the Astro
 * integration (src/integration/gongbao.ts) and the ingest (src/build/config.ts); the pipeline receives it as
 * data. Pure: imports only zod and the 发文字号 reader.
 */
import { z } from 'zod';
import { parseDocumentNumber } from './doc-number.ts';

/** A template holds its placeholder exactly once: 「第{number}期」. */
const template = (placeholder: string) =>
  z.string().refine((t) => t.split(`{${placeholder}}`).length === 2, { message: `须恰好包含一次 {${placeholder}}` });

const nonEmpty = z.string().trim().min(1, { message: '不能为空' });

export const IssuerSchema = z.strictObject({
  /** The full official name, as signed in a 落款: 「国务院办公厅」. */
  name: nonEmpty,
  /** Short forms the gazette's own documents use for it (「省政府」): read as the full name in titles and issuer lists. */
  aliases: z.array(nonEmpty).default([]),
  /** 机关代字 of the numbers it issues (「国办发」): a number with one of them signed by another known issuer is reported. */
  codes: z.array(nonEmpty).default([]),
  /**
   * ASCII initials for a code whose characters the pinyin table of doc-number.ts lacks or reads otherwise
   * (src/ingest/structure/issuers.ts numberSlug)
   * (「{ 蚌政发: 'bzf' }」): its documents' URLs. The search page resolves a typed slug only from the table.
   */
  slugs: z.record(z.string(), z.string().regex(/^[a-z]+$/, { message: '应为小写拉丁字母' })).default({}),
});

export const NumberingSchema = z.strictObject({
  /** The issue within its year, e.g. 「第{number}期」 or 「第{number}号」. */
  number: template('number'),
  /** The cumulative number after it, when printed, e.g. 「（总第{cumulative}期）」. */
  cumulative: template('cumulative'),
});

export const GazetteConfigSchema = z.strictObject({
  /** 刊名, e.g. 「国务院公报」. */
  name: nonEmpty,
  shortName: nonEmpty,
  /** 编辑出版 */
  publisher: nonEmpty,
  /** 主办 */
  sponsor: nonEmpty,
  issn: z.string().regex(/^\d{4}-\d{3}[\dX]$/, { message: '应为 ISSN 格式，如 1004-3438' }),
  cn: z.string().regex(/^\d{2}-\d{4}\/[A-Z]$/, { message: '应为国内统一刊号格式，如 11-1611/D' }),
  /** 刊期, e.g. 「半月刊」「旬刊」. */
  frequency: nonEmpty,
  site: z.strictObject({
    /** The public origin (canonical links, sitemap, feeds); SITE_URL overrides it at deploy time. */
    url: z.url({ message: '应为完整网址，如 https://gongbao.example.org' }),
    /** The folder the site is served from; BASE_PATH overrides it. */
    base: z.string().default('/'),
  }),
  /** Whose law the documents are (schema.org legislationJurisdiction), e.g. 「中华人民共和国」. */
  jurisdiction: nonEmpty,
  /** Known issuing authorities (发文机关): a document's issuer is published only when it is one of them. */
  issuers: z.array(IssuerSchema).min(1, { message: '至少列出一个发文机关' }),
  numbering: NumberingSchema,
  /** TOC column titles the gazette prints (「国务院文件」): a block with one of them is a column, never an entry. */
  sections: z.array(nonEmpty).default([]),
  /** 刊头 words under the name on the home page, e.g. 传达政令 宣传政策. */
  masthead: z.array(nonEmpty).default([]),
  /** A 发文字号 the search page's help writes in its several forms; default: the first number of the site. */
  searchExample: z
    .string()
    .refine((n) => parseDocumentNumber(n) !== null, { message: '应为完整的发文字号：机关代字、〔年份〕、序号和「号」' })
    .nullable()
    .default(null),
  /** The legal note every page's footer carries. */
  legalNote: nonEmpty,
  /** The accent colour (#rrggbb). */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: '应为 #rrggbb 颜色' }),
  /** A logo under public/ shown before the name in the header (a site path), or null. */
  logo: z.string().startsWith('/', { message: '应为 public/ 下的站内路径，如 /logo.svg' }).nullable().default(null),
});

export type GazetteConfig = z.infer<typeof GazetteConfigSchema>;
export type GazetteConfigInput = z.input<typeof GazetteConfigSchema>;
export type Issuer = z.infer<typeof IssuerSchema>;
export type Numbering = z.infer<typeof NumberingSchema>;

/** The accent colour of src/styles/global.css (公报红): a gazette with another colour gets a theme rule. */
export const STYLESHEET_COLOUR = '#a4161a';

/** A configuration that does not validate: one line per problem, field path first (「numbering.number：须恰好包含一次 {number}」). */
export class GazetteConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`公报配置有误：\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'GazetteConfigError';
  }
}

/** Plain-Chinese wording for zod's own codes; a message the schema set itself is kept. */
function problemText(issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? issue.path.map(String).join('.') : '（整个配置）';
  const text =
    issue.code === 'invalid_type'
      ? issue.input === undefined
        ? '缺少此项'
        : `类型应为 ${issue.expected}`
      : issue.code === 'unrecognized_keys'
        ? `未知的配置项 ${issue.keys.join('、')}`
        : issue.message;
  return `${path}：${text}`;
}

/** Validates a configuration; throws GazetteConfigError naming every wrong field. */
export function parseGazetteConfig(input: unknown): GazetteConfig {
  const r = GazetteConfigSchema.safeParse(input, { reportInput: true });
  if (!r.success) throw new GazetteConfigError(r.error.issues.map(problemText));
  const config = r.data;
  const stray = config.issuers.flatMap((i, k) => Object.keys(i.slugs).filter((c) => !i.codes.includes(c)).map((c) => `issuers.${k}.slugs：「${c}」不在该机关的 codes 中`));
  if (stray.length) throw new GazetteConfigError(stray);
  const names = config.issuers.map((i) => i.name);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new GazetteConfigError([`issuers：发文机关重复列出：${[...new Set(twice)].join('、')}`]);
  return config;
}

/** For a gongbao.config.ts: `export default defineGazette({...})` — validated where it is written. */
export const defineGazette = (input: GazetteConfigInput): GazetteConfig => parseGazetteConfig(input);
