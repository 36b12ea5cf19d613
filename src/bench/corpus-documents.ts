// Generated issues → search documents, numbered as the site numbers article URLs (issues/<date>/<n>/).
import { DEFAULT_SECTION_SLUGS, slugFromTitle } from '../bulletin/slugs.ts';
import type { SearchDocument } from '../search/types.ts';
import type { CorpusIssue } from './corpus.ts';

interface IssueContent {
  date: string;
  issueTitle: string;
  sections: { title: string; articles: { title: string; paragraphs: string[] }[] }[];
}

/** One document per article, numbered through the issue as the site's URLs are (issues/<date>/<n>/). */
export function issueDocuments(issue: IssueContent): SearchDocument[] {
  let ordinal = 0;
  return issue.sections.flatMap((section) =>
    section.articles.map((article) => ({
      url: `issues/${issue.date}/${++ordinal}/`,
      title: article.title,
      paragraphs: article.paragraphs,
      sectionSlug: DEFAULT_SECTION_SLUGS[section.title] ?? slugFromTitle(section.title),
      sectionTitle: section.title,
      date: issue.date,
      issueTitle: issue.issueTitle,
    })),
  );
}

/** The documents of a generated corpus (src/bench/corpus.ts), oldest issue first. */
export function corpusDocuments(corpus: readonly CorpusIssue[]): SearchDocument[] {
  return corpus.flatMap((issue, index) =>
    issueDocuments({ date: issue.date, issueTitle: `电子政务简报 第${index + 1}期`, ...issue.model }),
  );
}
