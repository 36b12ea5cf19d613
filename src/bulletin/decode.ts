// Bytes → text: detects UTF-8 (with or without BOM), UTF-16 (with BOM) and GB18030/GBK without flags.
import { isUtf8 } from 'node:buffer';
import { BulletinError } from './errors.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

const BOMS: readonly { bytes: readonly number[]; encoding: Encoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Decodes a bulletin's bytes. The order is deterministic rather than statistical: a BOM decides;
 * otherwise valid UTF-8 is UTF-8 (GBK text almost never forms valid UTF-8); otherwise GB18030, which
 * is a superset of GBK and GB2312 and can decode any byte sequence. Statistical detectors guess
 * wrong on short Chinese texts, and a wrong guess would silently garble the whole issue.
 */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new BulletinError(file, 1, 'the file is empty');
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, index) => bytes[index] === byte));
  if (bom) {
    const text = decodeStrict(bytes.subarray(bom.bytes.length), bom.encoding);
    if (text === null)
      throw new BulletinError(
        file,
        1,
        `the file starts with a ${bom.encoding} byte-order mark but is not valid ${bom.encoding}`,
      );
    return checkText({ text, encoding: bom.encoding }, file);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new BulletinError(
      file,
      lineOfByte(bytes, nul),
      'this is not a text file (it holds NUL bytes); save the bulletin as plain text',
    );
  }
  // isUtf8 validates in native code; decoding valid UTF-8 then needs no fatal mode.
  if (isUtf8(bytes)) return checkText({ text: UTF8.decode(bytes), encoding: 'utf-8' }, file);
  return checkText({ text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }, file);
}

const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function decodeStrict(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Control characters other than tab, line feed, carriage return and form feed (which PDF extraction
// leaves at page breaks) do not occur in a bulletin; a few of them mean a binary file or a wrong encoding.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

function checkText(decoded: DecodedText, file: string): DecodedText {
  const found = CONTROL.test(decoded.text) ? decoded.text.match(CONTROLS) : null;
  if (found && found.length > Math.max(2, decoded.text.length / 1000)) {
    const index = decoded.text.search(CONTROL);
    const line = decoded.text.slice(0, index).split(/\r\n|\r|\n/).length;
    throw new BulletinError(
      file,
      line,
      `this does not look like text (${found.length} control or undecodable characters as ${decoded.encoding}); save the bulletin as plain text in UTF-8 or GB18030`,
    );
  }
  if (decoded.text.trim() === '') throw new BulletinError(file, 1, 'the file holds only whitespace');
  return decoded;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a || (bytes[index] === 0x0d && bytes[index + 1] !== 0x0a)) line++;
  }
  return line;
}
