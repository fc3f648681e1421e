/**
 * A file's bytes as text, in the encoding the file itself declares: a byte order mark, else an XML
 * declaration's `encoding` (XML 1.0 §4.3.3 and Appendix F: autodetection from the first bytes), else
 * UTF-8, the encoding JSON (RFC 8259 §8.1) and XML without a declaration use.
 */

/** What reading a file as text gave: the text (without its byte order mark), or why it is not text. */
export type Decoded = { text: string } | { reason: string };

/** The first bytes of `<?xml` in UTF-16 without a byte order mark (XML 1.0 Appendix F.1). */
const UTF16LE_XML = [0x3c, 0x00, 0x3f, 0x00];
const UTF16BE_XML = [0x00, 0x3c, 0x00, 0x3f];

/** Decodes `bytes` as the file says it is encoded; undecodable bytes are a reason, never replacement characters. */
export function decodeText(bytes: Uint8Array): Decoded {
  const encoding = declaredEncoding(bytes);
  let decoder: { decode(input: Uint8Array): string };
  try {
    decoder = new TextDecoder(encoding.label, { fatal: true });
  } catch {
    return { reason: `its XML declaration names the encoding "${encoding.label}", which is not one syndicate can read; save it as UTF-8 and declare encoding="UTF-8"` };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const said = encoding.from === 'default' ? 'it is not valid UTF-8, and no XML declaration names another encoding' : `it is not valid ${encoding.label}, the encoding its ${encoding.from} declares`;
    return { reason: `${said}; save it in the encoding it declares (UTF-8 is the safe choice)` };
  }
}

function declaredEncoding(bytes: Uint8Array): { label: string; from: 'byte order mark' | 'XML declaration' | 'default' } {
  const starts = (prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts([0xef, 0xbb, 0xbf])) return { label: 'utf-8', from: 'byte order mark' };
  if (starts([0xff, 0xfe]) || starts(UTF16LE_XML)) return { label: 'utf-16le', from: 'byte order mark' };
  if (starts([0xfe, 0xff]) || starts(UTF16BE_XML)) return { label: 'utf-16be', from: 'byte order mark' };
  // The declaration is ASCII in every encoding an ASCII-compatible file may declare.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const declared = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head)?.[1];
  return declared === undefined ? { label: 'utf-8', from: 'default' } : { label: declared.toLowerCase(), from: 'XML declaration' };
}
