// content/site.yaml → site settings and the section slug map, with defaults for every missing value.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { BulletinError } from '../bulletin/errors.ts';
import { DEFAULT_SECTION_SLUGS } from '../bulletin/slugs.ts';
import type { SectionSlugs } from '../bulletin/types.ts';

export interface SiteSettings {
  /** The site's name, also the default start of an issue's title. */
  title: string;
  description: string;
  /** Absolute URL where the site is published (for feeds and the sitemap), e.g. "https://example.gov.cn/jianbao/". */
  url: string;
  /** Who publishes the bulletin, for feeds. */
  author: string;
}

export interface ContentConfig {
  site: SiteSettings;
  /** Section title → slug: the defaults, extended or overridden by site.yaml's `sections`. */
  sectionSlugs: SectionSlugs;
}

export const CONFIG_FILE = 'site.yaml';

export const DEFAULT_SITE: SiteSettings = {
  title: '电子政务简报',
  description: '电子政务简报：国外电子政务、云计算与大数据、政务平台建设、信息化建设动态。',
  url: 'http://localhost/',
  author: '电子政务简报编辑部',
};

export async function loadContentConfig(contentDir: string): Promise<ContentConfig> {
  const file = path.join(contentDir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { site: DEFAULT_SITE, sectionSlugs: DEFAULT_SECTION_SLUGS };
    throw error;
  }
  return parseContentConfig(text, file);
}

export function parseContentConfig(text: string, file: string): ContentConfig {
  let data: unknown;
  try {
    data = yaml.load(text) ?? {};
  } catch (error) {
    const line = ((error as { mark?: { line?: number } }).mark?.line ?? 0) + 1;
    throw new BulletinError(file, line, `not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  if (typeof data !== 'object' || data === null)
    throw new BulletinError(file, 1, 'expected settings such as "title: …" and "sections: …"');
  const record = data as Record<string, unknown>;
  const site = { ...DEFAULT_SITE };
  for (const key of Object.keys(DEFAULT_SITE) as (keyof SiteSettings)[]) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'string')
      throw new BulletinError(file, lineOfKey(text, key), `"${key}" must be text`);
    site[key] = value;
  }
  if (!site.url.endsWith('/')) site.url += '/';
  const sections = record.sections ?? {};
  if (typeof sections !== 'object' || sections === null || Array.isArray(sections)) {
    throw new BulletinError(
      file,
      lineOfKey(text, 'sections'),
      '"sections" must map each section title to a slug, e.g. "国外电子政务: overseas-egov"',
    );
  }
  const sectionSlugs: Record<string, string> = { ...DEFAULT_SECTION_SLUGS };
  for (const [title, slug] of Object.entries(sections)) {
    if (typeof slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      throw new BulletinError(
        file,
        lineOfKey(text, title),
        `the slug of section "${title}" must be lower-case ASCII letters, digits and dashes`,
      );
    }
    sectionSlugs[title] = slug;
  }
  return { site, sectionSlugs };
}

function lineOfKey(text: string, key: string): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => line.trimStart().startsWith(`${key}:`));
  return index === -1 ? 1 : index + 1;
}
