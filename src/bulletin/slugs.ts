// Section titles → stable ASCII slugs for URLs and anchors.
import { pinyin } from 'pinyin-pro';
import type { SectionSlugs } from './types.ts';

/** The four sections of the e-government bulletin; content/site.yaml may extend or override them. */
export const DEFAULT_SECTION_SLUGS: SectionSlugs = {
  国外电子政务: 'overseas-egov',
  云计算与大数据: 'cloud-bigdata',
  政务平台建设: 'platforms',
  信息化建设: 'informatization',
};

/**
 * A slug for a section no map names: its pinyin, one syllable per word part ("政务公开" →
 * "zheng-wu-gong-kai"), since that is what a Chinese reader can read back from a URL. Latin letters and
 * digits in the title are kept as they are.
 */
export function slugFromTitle(title: string): string {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const slug = syllables
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}
