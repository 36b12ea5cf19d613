// Unsigned LEB128 varints, written at build time and read in the browser by the same code.

/**
 * Writes a varint below 2^31 at `at` (the buffer must have room) and returns the offset after it: the
 * builder's hot loop, where a method call per varint cost a third of the time.
 */
export function writeVarintAt(bytes: Uint8Array, at: number, value: number): number {
  let offset = at;
  let rest = value;
  while (rest >= 0x80) {
    bytes[offset++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  bytes[offset++] = rest;
  return offset;
}

/** A growable byte buffer that varints and byte strings are appended to. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 16) {
    this.bytes = new Uint8Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Any integer in [0, 2^53); bit operations only below 2^31, where they are exact. */
  writeVarint(value: number): void {
    this.reserve(8);
    let rest = value;
    while (rest >= 0x80000000) {
      this.bytes[this.length++] = (rest % 128) | 0x80;
      rest = Math.floor(rest / 128);
    }
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  writeBytes(bytes: ArrayLike<number>): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes written so far (a view, not a copy). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads varints from a byte range in order. */
export class ByteReader {
  position: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.position = start;
  }

  atEnd(): boolean {
    return this.position >= this.end;
  }

  readVarint(): number {
    const bytes = this.bytes;
    let byte = bytes[this.position++] as number;
    if (byte < 0x80) return byte;
    let value = byte & 0x7f;
    let scale = 128;
    for (;;) {
      if (this.position >= this.end) throw new RangeError('varint runs past the end of its range');
      byte = bytes[this.position++] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }
}
