// A bulletin file on disk → Bulletin: decoding, front matter, metadata and parsing put together.
import { hash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import matter from 'gray-matter';
import { decodeBytes } from '../bulletin/decode.ts';
import { BulletinError } from '../bulletin/errors.ts';
import { parseBulletinText } from '../bulletin/parse.ts';
import type { Bulletin, BulletinBody, SectionSlugs } from '../bulletin/types.ts';
import { type MetaOverrides, resolveMeta } from './meta.ts';

export interface ReadOptions {
  sectionSlugs: SectionSlugs;
  siteTitle: string;
  overrides?: MetaOverrides;
}

export async function readBulletinFile(file: string, options: ReadOptions): Promise<Bulletin> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new BulletinError(
      file,
      1,
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: error },
    );
  }
  return parseBulletinBytes(bytes, file, options);
}

export function parseBulletinBytes(bytes: Uint8Array, file: string, options: ReadOptions): Bulletin {
  const { text } = decodeBytes(bytes, file);
  const { frontMatter, frontMatterText, body, bodyFirstLine } = splitFrontMatter(text, file);
  const meta = resolveMeta({
    file,
    frontMatter,
    frontMatterText,
    overrides: options.overrides,
    siteTitle: options.siteTitle,
  });
  const parsed = parseBulletinText(body, {
    file,
    firstLine: bodyFirstLine,
    sectionSlugs: options.sectionSlugs,
  });
  return { file, meta, ...parsed, bodyHash: bodyHash(parsed) };
}

/** See Bulletin.bodyHash. Line numbers are left out: front matter added on `add` shifts them. */
function bodyHash(body: BulletinBody): string {
  const text = JSON.stringify([body.preface, body.sections], (key, value) =>
    key === 'line' ? undefined : value,
  );
  return hash('sha1', text, 'base64url');
}

export interface FrontMatterSplit {
  frontMatter: Readonly<Record<string, unknown>>;
  frontMatterText: string;
  body: string;
  /** Line of the file on which the body starts. */
  bodyFirstLine: number;
}

export function splitFrontMatter(text: string, file: string): FrontMatterSplit {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An options object keeps gray-matter from caching by content and sharing `data` between calls.
    parsed = matter(text, {});
  } catch (error) {
    const line = ((error as { mark?: { line?: number } }).mark?.line ?? 0) + 1;
    throw new BulletinError(
      file,
      line,
      `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
  const frontMatterLength = text.length - parsed.content.length;
  const bodyFirstLine = 1 + (text.slice(0, frontMatterLength).match(/\r\n|\r|\n/g)?.length ?? 0);
  return { frontMatter: parsed.data, frontMatterText: parsed.matter, body: parsed.content, bodyFirstLine };
}
