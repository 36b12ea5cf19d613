// The input of the search index builder: one searchable article, as the rest of jianbao hands it over.

export interface SearchDocument {
  /** Site-root-relative, no leading slash, e.g. "issues/2014-08-14/overseas-egov-1/". */
  url: string;
  title: string;
  /** Plain text body paragraphs (never HTML). */
  paragraphs: readonly string[];
  sectionSlug: string;
  sectionTitle: string;
  /** YYYY-MM-DD of the issue. */
  date: string;
  /** E.g. "电子政务简报 第1期". */
  issueTitle: string;
  /**
   * When given, equal keys promise equal paragraphs: the builder's cache compares documents by it
   * instead of hashing every document's text on every build (the site passes its article's textKey).
   */
  textKey?: string;
}
