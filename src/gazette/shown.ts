/**
 * What a reader can see: the fields of an issue and of a document that a page or the JSON API shows.
 * The character ledger (src/ingest/check/ledger.ts) counts a character as published only when it stands
 * in one of these fields; anything else an adapter keeps is unaccounted unless removed with a reason.
 * tests/unit/site/shown.test.ts checks that the API (src/site/api.ts) and the pages carry every field listed.
 */
import type { Issue, SourceDocument } from './model.ts';

/** Issue fields printed text lives in, each on the issue page or in /api/issues/<id>.json. */
export const SHOWN_ISSUE_FIELDS = ['motto', 'sections', 'editorialBoard', 'masthead', 'captions', 'about', 'statement'] as const satisfies readonly (keyof Issue)[];

/** Issue fields derived from printed lines (kept verbatim in file metadata, SHOWN_FILE_META) or made by the ingest. */
export const DERIVED_ISSUE_FIELDS = ['id', 'gazette', 'year', 'number', 'cumulative', 'published', 'frequency', 'issn', 'cn', 'sponsor', 'publisher', 'file'] as const satisfies readonly (keyof Issue)[];

/** Document fields printed text lives in, each on the document page or in /api/documents/<id>.json. */
export const SHOWN_DOCUMENT_FIELDS = ['printedTitle', 'docNumber', 'addressees', 'notice', 'signature', 'planTitle', 'body', 'attachments', 'meta'] as const satisfies readonly (keyof SourceDocument)[];

/** Document fields derived from the printed ones or made by the ingest: never counted. */
export const DERIVED_DOCUMENT_FIELDS = ['title', 'issuers', 'date', 'kind', 'page', 'slug', 'lines', 'file', 'sourceKind', 'span'] as const satisfies readonly (keyof SourceDocument)[];

/**
 * File metadata (SourceParse.meta) shown: the cover and inside-cover lines the issue facts are read from
 * (gazette-dump/issue-meta.ts), shown as those facts on the issue page. Any other file metadata of an
 * authoritative source is on no page.
 */
export const isShownFileMeta = (key: string): boolean => /^(?:cover|insideCover)\./.test(key);
