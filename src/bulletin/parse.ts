// Text → bulletin structure: the parser's one entry point, a pure function over text.
import { readBlocks } from './blocks.ts';
import { BulletinError } from './errors.ts';
import { splitLines } from './lines.ts';
import { assembleBulletin } from './structure.ts';
import type { BulletinBody, SectionSlugs } from './types.ts';

export interface ParseOptions {
  /** Named in errors and warnings. */
  file: string;
  /** Line number of the text's first line in the file (after front matter). */
  firstLine?: number;
  sectionSlugs?: SectionSlugs;
}

export function parseBulletinText(text: string, options: ParseOptions): BulletinBody {
  const lines = splitLines(text, options.firstLine ?? 1);
  if (lines.every((line) => line.kind === 'blank'))
    throw new BulletinError(options.file, options.firstLine ?? 1, 'the bulletin has no text');
  return assembleBulletin(readBlocks(lines), options);
}
