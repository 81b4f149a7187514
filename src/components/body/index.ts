/** The components an emitted MDX body may use (the names are ALLOWED_JSX in src/ingest/emit/mdx.ts). */
import Attachment from './Attachment.astro';
import AttachmentTitle from './AttachmentTitle.astro';
import Clause from './Clause.astro';
import ClauseLabel from './ClauseLabel.astro';
import CollationNote from './CollationNote.astro';
import DocTable from './DocTable.astro';
import Entry from './Entry.astro';
import Omitted from './Omitted.astro';
import Para from './Para.astro';

export const bodyComponents = { Attachment, AttachmentTitle, Clause, ClauseLabel, CollationNote, DocTable, Entry, Omitted, Para };
