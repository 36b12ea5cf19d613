// `jianbao parse FILE [--json]`: prints a bulletin's structure as an outline or as JSON.
import type { Bulletin } from '../bulletin/types.ts';
import { readBulletinFile } from '../content/bulletin-file.ts';
import { loadContentConfig } from '../content/config.ts';
import type { MetaOverrides } from '../content/meta.ts';
import type { Output } from './output.ts';

export interface ParseCommand {
  file: string;
  json: boolean;
  contentDir: string;
  overrides: MetaOverrides;
}

export async function runParse(command: ParseCommand, output: Output): Promise<number> {
  const config = await loadContentConfig(command.contentDir);
  const bulletin = await readBulletinFile(command.file, {
    sectionSlugs: config.sectionSlugs,
    siteTitle: config.site.title,
    overrides: command.overrides,
  });
  for (const warning of bulletin.warnings)
    output.error(`${bulletin.file}:${warning.line}: warning: ${warning.message}`);
  output.print(
    command.json ? `${JSON.stringify(bulletinJson(bulletin), null, 2)}\n` : formatOutline(bulletin),
  );
  return 0;
}

/** The documented JSON shape; prefaces appear only when the bulletin has them. */
export function bulletinJson(bulletin: Bulletin): object {
  return {
    file: bulletin.file,
    meta: bulletin.meta,
    ...(bulletin.preface.length > 0 ? { preface: bulletin.preface } : {}),
    sections: bulletin.sections.map((section) => ({
      title: section.title,
      slug: section.slug,
      ...(section.preface.length > 0 ? { preface: section.preface } : {}),
      articles: section.articles.map((article) => ({
        number: article.number,
        title: article.title,
        source: article.source,
        line: article.line,
        paragraphs: article.paragraphs,
      })),
    })),
    warnings: bulletin.warnings,
  };
}

export function formatOutline(bulletin: Bulletin): string {
  const articles = bulletin.sections.flatMap((section) => section.articles);
  const lines = [
    `${bulletin.meta.title}（${bulletin.meta.date}）`,
    `${bulletin.sections.length} sections, ${articles.length} articles, ${articles.filter((article) => article.source).length} with a source, ${bulletin.warnings.length} warnings`,
  ];
  if (bulletin.preface.length > 0) lines.push('', `preface: ${bulletin.preface.length} paragraphs`);
  for (const section of bulletin.sections) {
    lines.push('', `【${section.title}】 ${section.slug}`);
    for (const article of section.articles) {
      const characters = article.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
      lines.push(`  ${article.number}. ${article.title}`);
      lines.push(
        `     line ${article.line} · ${article.source ?? '(no source)'} · ${article.paragraphs.length} paragraphs, ${characters} characters`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
