// Renders results as DOM nodes (never HTML strings: titles and text come from bulletins and are not trusted).
import type { ResultDocument } from '../search/query.ts';
import { highlight, snippet, type TextSegment } from '../search/snippet.ts';

export function resultItem(doc: ResultDocument, terms: readonly string[], siteRoot: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'search-result-title';
  const link = document.createElement('a');
  link.href = siteRoot + doc.url;
  appendSegments(link, highlight(doc.title, terms));
  heading.append(link);

  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const section = document.createElement('span');
  section.className = 'search-result-section';
  section.textContent = doc.sectionTitle;
  const date = document.createElement('time');
  date.dateTime = doc.date;
  date.textContent = doc.date;
  meta.append(section, ' · ', date, ` · ${doc.issueTitle}`);

  const text = document.createElement('p');
  text.className = 'search-result-snippet';
  appendSegments(text, snippet(doc.paragraphs, terms));
  item.append(heading, meta, text);
  return item;
}

export function resultList(): HTMLOListElement {
  const list = document.createElement('ol');
  list.className = 'search-results-list';
  return list;
}

export function message(text: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-message';
  paragraph.textContent = text;
  return paragraph;
}

function appendSegments(parent: HTMLElement, segments: readonly TextSegment[]): void {
  for (const segment of segments) {
    if (segment.mark) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      parent.append(mark);
    } else {
      parent.append(segment.text);
    }
  }
}
