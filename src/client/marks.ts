// Marks on the page's performance timeline (jianbao:script, searched, documents): where a search's time
// goes, read by `npm run bench`, visible in any browser's performance panel.
export type MarkName = 'script' | 'searched' | 'documents';

export function mark(name: MarkName): void {
  performance.mark(`jianbao:${name}`);
}
