// The data a bulletin becomes: every later step (content, site, search) reads these types.

/** Metadata of one issue, from front matter, the file name or command-line flags. */
export interface BulletinMeta {
  /** Shown as the issue's heading, e.g. "电子政务简报 第1期". */
  title: string;
  /** ISO date, YYYY-MM-DD: the day the issue was published. */
  date: string;
  /** The issue's number when known, else null. */
  issue: number | null;
  /** Optional editor's note in Markdown (front matter `note`); never part of the bulletin text. */
  note?: string;
}

/** A problem the parser understood well enough to go on, with the 1-based line it concerns. */
export interface ParseWarning {
  line: number;
  message: string;
}

export interface Article {
  /** The number printed before the title ("1." → 1); numbering may restart per section. */
  number: number;
  title: string;
  /** The outlet named in parentheses at the end of the article, or null when there is none. */
  source: string | null;
  /** 1-based line of the title in the file. */
  line: number;
  /** Plain text of every body block in order; the source is removed from the last one. */
  paragraphs: string[];
}

export interface Section {
  /** The header without its brackets: 【国外电子政务】 → 国外电子政务. */
  title: string;
  /** Stable ASCII slug used in URLs and anchors. */
  slug: string;
  /** 1-based line of the header; 0 for the implicit section of articles that precede any header. */
  line: number;
  /** Text between the header and its first article (kept, with a warning). */
  preface: string[];
  articles: Article[];
}

/** The structure of a bulletin's text, before metadata is attached. */
export interface BulletinBody {
  /** Text before the first section or article (kept, with a warning). */
  preface: string[];
  sections: Section[];
  warnings: ParseWarning[];
}

export interface Bulletin extends BulletinBody {
  /** The file the bulletin was read from, as given. */
  file: string;
  meta: BulletinMeta;
  /**
   * A hash of the body's text as pages show it (prefaces, sections, articles: titles, numbers, sources,
   * paragraphs; not line numbers): equal hashes, equal text. Made once per parse, so a rebuild compares
   * 22,000 articles by it instead of by their text (src/site/fingerprints.ts).
   */
  bodyHash: string;
}

/** Maps a section title (without brackets) to its URL slug. */
export type SectionSlugs = Readonly<Record<string, string>>;
