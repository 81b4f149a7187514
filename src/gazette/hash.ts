/** sha256 (hex) of bytes or of a string's UTF-8: every checksum of the project (sources, texts, caches, the manifest). */
import { createHash } from 'node:crypto';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
