/**
 * The gazette an ingest reads for (runIngest(files, { gazette })): its configuration (src/gazette/config.ts)
 * and what the stages derive from it once — the issuer register and the patterns of its issue numbering.
 */
import type { GazetteConfig } from '../../gazette/config.ts';
import { numberingPatterns, type NumberingPatterns } from '../../gazette/numbering.ts';
import { issuerRegister, type IssuerRegister } from './issuers.ts';

export interface IngestGazette {
  config: GazetteConfig;
  issuers: IssuerRegister;
  numbering: NumberingPatterns;
}

export const ingestGazette = (config: GazetteConfig): IngestGazette => ({
  config,
  issuers: issuerRegister(config.issuers),
  numbering: numberingPatterns(config.numbering),
});
