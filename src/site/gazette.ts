/**
 * The configured gazette as pages and components read it (src/integration/gongbao.ts serves the module; the
 * schema is src/gazette/config.ts): its facts, and its issue labels in its own numbering.
 */
import config from 'virtual:gongbao/config';
import { issueLabel as label, issueNumberLabel as numberLabel } from '../gazette/numbering.ts';

export const gazette = config;

/** Facts about the publication that every page shows. */
export const GAZETTE = { name: config.name, shortName: config.shortName, publisher: config.publisher, legalNote: config.legalNote };

/** 2023年第4期（复总第888期）, in the configured numbering. */
export const issueLabel = (i: Parameters<typeof label>[0]): string => label(i, config.numbering);

/** 第4期（复总第888期） */
export const issueNumberLabel = (i: Parameters<typeof numberLabel>[0]): string => numberLabel(i, config.numbering);
