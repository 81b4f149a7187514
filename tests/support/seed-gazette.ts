/** The seed gazette (gongbao.config.ts) as the ingest's stages take it, for tests that call a stage directly. */
import SEED from '../../gongbao.config.ts';
import { ingestGazette } from '../../src/ingest/structure/gazette.ts';

export { SEED };
export const SEED_READER = ingestGazette(SEED);
export const SEED_ISSUERS = SEED_READER.issuers;
