// Section titles → stable ASCII slugs for URLs and anchors.
import { createRequire } from 'node:module';
import type { SectionSlugs } from './types.ts';

/** The four sections of the e-government bulletin; content/site.yaml may extend or override them. */
export const DEFAULT_SECTION_SLUGS: SectionSlugs = {
  国外电子政务: 'overseas-egov',
  云计算与大数据: 'cloud-bigdata',
  政务平台建设: 'platforms',
  信息化建设: 'informatization',
};

/**
 * A slug for a title no map names (a section's, a source's): its pinyin, one syllable per word part
 * ("政务公开" → "zheng-wu-gong-kai"), since that is what a Chinese reader can read back from a URL. Latin
 * letters and digits in the title are kept as they are. Remembered (below): the same title, the same slug.
 */
export function slugFromTitle(title: string): string {
  let slug = remembered.get(title);
  if (slug === undefined) {
    slug = pinyinSlug(title);
    remembered.set(title, slug);
  }
  return slug;
}

/**
 * Slugs made so far, by title. The parse cache keeps them (src/content/cache.ts), so that a command
 * whose titles all have a slug already (`add`: the sources of a new issue are mostly known ones)
 * never loads pinyin-pro, whose dictionaries take ~0.1 s to load and ~0.05 s more on the first call.
 */
const remembered = new Map<string, string>();

export function rememberedSlugs(): ReadonlyMap<string, string> {
  return remembered;
}

/** Slugs made before (by the same code: the parse cache's key covers this file), taken as they are. */
export function rememberSlugs(slugs: Readonly<Record<string, string>>): void {
  for (const [title, slug] of Object.entries(slugs)) if (!remembered.has(title)) remembered.set(title, slug);
}

type Pinyin = typeof import('pinyin-pro').pinyin;
let pinyin: Pinyin | undefined;
const requireModule = createRequire(import.meta.url);

/**
 * What the slugs are made with, for the parse cache's key: a new pinyin-pro may read a title otherwise,
 * and remembered slugs must then be made again. Its package.json only: the dictionaries stay unloaded.
 */
export function slugMaker(): string {
  return `pinyin-pro ${(requireModule('pinyin-pro/package.json') as { version: string }).version}`;
}

function pinyinSlug(title: string): string {
  // Loaded on first use (a package the CLI's bundle leaves to Node, bin/jianbao.js).
  pinyin ??= (requireModule('pinyin-pro') as { pinyin: Pinyin }).pinyin;
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const slug = syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}
