/**
 * Bytes of a source file → text, or a clear reason why not. Every source passes through here first, so
 * a broken file (binary, empty, wrong encoding, absurdly large) becomes one error naming the file and line
 * while the other sources still publish.
 */
import type { Finding } from '../../gazette/model.ts';

/** A gazette issue dump is ~100 KB; anything this large is not a source text. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

export type Decoded = { ok: true; text: string; findings: Finding[] } | { ok: false; error: Finding };

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function error(file: string, line: number, kind: string, message: string): Decoded {
  return { ok: false, error: { kind, severity: 'error', file, line, message, action: '本来源未读入；网站其余部分照常生成' } };
}

const STRICT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

/** The text of valid UTF-8, or null: the decoder's check is the one firstInvalidUtf8 makes, natively. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** Offset of the first byte where strict UTF-8 decoding fails (in bytes that are not UTF-8), for the message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 (RFC 3629 §4).
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += len;
  }
  return -1;
}

const CJK = /[\u3400-\u9fff]/gu;

export function decodeSource(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return error(file, 1, 'empty-source', `${file} 第1行：文件为空，没有可发布的内容。`);
  if (bytes.length > MAX_SOURCE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return error(file, 1, 'source-too-large', `${file} 第1行：文件大小 ${mb} MB，来源文本最大 ${MAX_SOURCE_BYTES / 1024 / 1024} MB（一整期公报约 0.1 MB）。`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return error(file, lineAt(bytes, nul), 'binary-source', `${file} 第${lineAt(bytes, nul)}行：含有 NUL 字节，这是二进制文件，不是文本。`);

  const findings: Finding[] = [];
  const note = (kind: string, message: string, action: string): void => {
    findings.push({ kind, severity: 'info', file, line: 1, message, action });
  };

  let text: string;
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) {
    text = utf8;
  } else {
    const bad = firstInvalidUtf8(bytes);
    // GB18030 is a superset of GBK/GB2312, the usual legacy encodings of Chinese government texts.
    const gb = new TextDecoder('gb18030').decode(bytes);
    const cjk = gb.match(CJK)?.length ?? 0;
    if (gb.includes('\uFFFD') || cjk < gb.replace(/\s/g, '').length / 4) {
      const line = lineAt(bytes, bad);
      return error(file, line, 'invalid-encoding', `${file} 第${line}行：偏移 ${bad} 处的字节 0x${(bytes[bad] ?? 0).toString(16)} 不是有效的 UTF-8，文件也不是 GB18030/GBK 文本。`);
    }
    text = gb;
    note('decoded-gb18030', `${file} is not UTF-8; it was decoded as GB18030 (GBK).`, 'decoded as GB18030');
  }

  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    note('bom-removed', `${file} starts with a byte-order mark.`, 'BOM removed');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    note('line-endings-normalised', `${file} has CR or CRLF line endings.`, 'line endings normalised to LF');
  }
  const control = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    return error(file, line, 'binary-source', `${file} line ${line}: contains control character U+${control[0].codePointAt(0)?.toString(16).padStart(4, '0')} — not a plain text.`);
  }
  return { ok: true, text, findings };
}
