// The index files about documents rather than words: stored documents for results, sections, years, issues.

import type { IssueRuns, SearchEntry, SectionRuns, StoredDocument } from './format.ts';
import type { SearchDocument } from './types.ts';

/** What the entry, sections and issues files say about the documents, in id order. */
export interface DocumentTables {
  sections: SearchEntry['sections'];
  years: SearchEntry['years'];
  sectionRuns: SectionRuns;
  issueRuns: IssueRuns;
  /** Each document's index into sections. */
  sectionOf: number[];
}

/** Sections are numbered in order of first appearance, so appending documents never renumbers old ones. */
export function describeDocuments(docs: readonly SearchDocument[]): DocumentTables {
  const sections: SearchEntry['sections'] = [];
  const sectionIndex = new Map<string, number>();
  const sectionOf = docs.map((doc) => {
    let index = sectionIndex.get(doc.sectionSlug);
    if (index === undefined) {
      index = sections.push([doc.sectionSlug, doc.sectionTitle]) - 1;
      sectionIndex.set(doc.sectionSlug, index);
    }
    return index;
  });
  const years = runs(docs, (doc) => doc.date.slice(0, 4)).map(
    ({ first, end, value }): [string, number, number] => [value, first, end],
  );
  const issueRuns = runs(docs, (doc) => doc.date).map(({ first, end, value }): [string, number] => [
    value,
    end - first,
  ]);
  const sectionRuns = runs(sectionOf, String).flatMap(({ first, end }) => [
    sectionOf[first] as number,
    end - first,
  ]);
  return { sections, years, sectionRuns, issueRuns, sectionOf };
}

/** The stored documents of one docs/<chunk>.json file. */
export function storedDocuments(
  docs: readonly SearchDocument[],
  sectionOf: readonly number[],
  chunk: number,
  chunkSize: number,
): StoredDocument[] {
  const stored: StoredDocument[] = [];
  for (let id = chunk * chunkSize; id < Math.min(docs.length, (chunk + 1) * chunkSize); id++) {
    const doc = docs[id] as SearchDocument;
    stored.push([doc.url, doc.title, sectionOf[id] as number, doc.date, doc.issueTitle, doc.paragraphs]);
  }
  return stored;
}

/** Maximal runs of consecutive items with the same value. */
function runs<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): { first: number; end: number; value: string }[] {
  const found: { first: number; end: number; value: string }[] = [];
  items.forEach((item, index) => {
    const value = keyOf(item);
    const last = found[found.length - 1];
    if (last && last.value === value && last.end === index) last.end = index + 1;
    else found.push({ first: index, end: index + 1, value });
  });
  return found;
}
