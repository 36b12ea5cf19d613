// The bulletin parser: bytes and text in, typed bulletin structure out. Pure functions only.
export { joinBrokenLines, readBlocks } from './blocks.ts';
export { type DecodedText, decodeBytes, type Encoding } from './decode.ts';
export { BulletinError } from './errors.ts';
export { type ParseOptions, parseBulletinText } from './parse.ts';
export { DEFAULT_SECTION_SLUGS, slugFromTitle } from './slugs.ts';
export { IMPLICIT_SECTION } from './structure.ts';
export type * from './types.ts';
