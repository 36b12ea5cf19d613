// The search page's script: reads the query from the URL, runs it in the browser and shows ranked results.
//
// A progressive enhancement: without it the form still submits ?q= to the same page. The page's markup
// is the contract: the script element #search-script (data-index-url, data-site-root, data-shard-count),
// #search-form with fields q, section, year (and issue, optional), #search-input, #search-status (a
// polite live region), #search-results (aria-busy while searching).
//
// Latency, measured in `npm run bench` (README, Performance): the page inlines this script in its head,
// before the stylesheet, so a query from the URL starts loading at once: its posting lists beside the
// entry file (the page names the shard count), while the page is laid out. What a reader types is
// searched quietly as they type, so pressing Enter finds everything in memory.

import type { SearchIndex, SearchResults } from '../search/query.ts';
import { mark } from './marks.ts';
import { message, resultItem, resultList } from './render-results.ts';
import { readSettings, type SearchSession, searchSession } from './session.ts';
import { paramsFromState, type SearchState, stateFromParams } from './url-state.ts';

const PAGE_SIZE = 10;
/** Quiet searching waits for typing to pause this long (an IME commit or a paste is one input). */
const WARM_DELAY_MS = 50;

interface Page {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  results: HTMLElement;
}

function findPage(): Page | null {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  const status = document.getElementById('search-status');
  const results = document.getElementById('search-results');
  if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement) || !status || !results)
    return null;
  return { form, input, status, results };
}

function start(page: Page, session: SearchSession, siteRoot: string, initial: SearchState): void {
  let latest = 0;

  const announce = (text: string): void => {
    page.status.textContent = `${session.versionWarning()}${text}`;
  };

  /** Puts a search into the form's fields (q, section, year, and issue when the page has such a field). */
  const showState = (state: SearchState): void => {
    page.input.value = state.q;
    for (const name of ['section', 'year', 'issue'] as const) {
      const field = page.form.elements.namedItem(name);
      if (field instanceof HTMLSelectElement || field instanceof HTMLInputElement)
        field.value = state[name] ?? '';
    }
  };

  const run = async (state: SearchState): Promise<void> => {
    const ticket = ++latest; // a newer search makes this one's results obsolete
    page.results.setAttribute('aria-busy', 'true');
    try {
      if (state.q.trim() === '') {
        page.results.replaceChildren();
        announce('');
        return;
      }
      const { index: opened, results: found } = await session.search(state);
      const list = resultList();
      const shown = await appendPage(opened, found, list, 0);
      mark('documents');
      if (ticket !== latest) return;
      const content: HTMLElement[] =
        found.hits.length === 0 ? [message(`没有找到包含“${state.q.trim()}”的文章。`)] : [list];
      if (shown < found.hits.length) content.push(moreButton(opened, found, list, shown));
      page.results.replaceChildren(...content);
      announce(`找到 ${found.hits.length} 篇文章`);
    } catch (error) {
      if (ticket !== latest) return;
      console.error(error);
      page.results.replaceChildren(message('搜索暂时无法使用，请稍后再试。'));
      announce('搜索出错');
    } finally {
      if (ticket === latest) page.results.setAttribute('aria-busy', 'false');
    }
  };

  const appendPage = async (
    opened: SearchIndex,
    found: SearchResults,
    list: HTMLOListElement,
    from: number,
  ) => {
    const hits = found.hits.slice(from, from + PAGE_SIZE);
    const docs = await opened.documents(hits.map((hit) => hit.doc));
    list.append(...docs.map((doc) => resultItem(doc, found.terms, siteRoot)));
    return from + hits.length;
  };

  const moreButton = (opened: SearchIndex, found: SearchResults, list: HTMLOListElement, shown: number) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'search-more';
    let count = shown;
    const label = () => `显示更多结果（还有 ${found.hits.length - count} 篇）`;
    button.textContent = label();
    button.addEventListener('click', async () => {
      const ticket = latest;
      page.results.setAttribute('aria-busy', 'true');
      button.disabled = true;
      try {
        const before = count;
        count = await appendPage(opened, found, list, count);
        if (ticket !== latest) return;
        // Keyboard users continue where the new results begin.
        list.children[before]?.querySelector('a')?.focus();
        announce(`已显示 ${count} 篇，共 ${found.hits.length} 篇文章`);
        if (count < found.hits.length) button.textContent = label();
        else button.remove();
      } catch (error) {
        console.error(error);
        announce('搜索出错');
      } finally {
        button.disabled = false;
        if (ticket === latest) page.results.setAttribute('aria-busy', 'false');
      }
    });
    return button;
  };

  /** Whatever fields the form has, as a GET submission without the script would send them. */
  const formState = (): SearchState => {
    const submitted = new URLSearchParams();
    for (const [name, value] of new FormData(page.form))
      if (typeof value === 'string') submitted.append(name, value);
    return stateFromParams(submitted);
  };

  let warmTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleWarm = (delay = WARM_DELAY_MS): void => {
    clearTimeout(warmTimer);
    warmTimer = setTimeout(() => {
      session.warm(formState(), PAGE_SIZE).catch(() => {}); // a failure shows when the search is submitted
    }, delay);
  };
  page.input.addEventListener('input', (event) => {
    const { isComposing, inputType } = event as InputEvent;
    // While an input method composes, the field holds keystrokes (pinyin), not the text meant; its
    // compositionend follows (Chromium sends no input event after it). A paste is a whole query: no pause.
    if (!isComposing) scheduleWarm(inputType === 'insertFromPaste' ? 0 : WARM_DELAY_MS);
  });
  page.input.addEventListener('compositionend', () => scheduleWarm());

  page.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(warmTimer);
    const state = formState();
    const query = paramsFromState(state).toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url === `${location.pathname}${location.search}`) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void run(state);
  });

  window.addEventListener('popstate', () => {
    const state = stateFromParams(new URLSearchParams(location.search));
    showState(state);
    void run(state);
  });

  showState(initial);
  if (initial.q.trim() !== '') void run(initial);
  else page.results.setAttribute('aria-busy', 'false');
}

// Runs in the page's head: the loading starts now, the page is wired up once it is parsed.
mark('script');
const settings = readSettings(document.currentScript);
const session = searchSession(settings);
const initial = stateFromParams(new URLSearchParams(location.search));
// The URL's query is searched now, its first page of documents requested before the page is even laid
// out; the page shows the same search once it is parsed. A failure shows then.
if (initial.q.trim() !== '') session.warm(initial, PAGE_SIZE).catch(() => {});
else session.open().catch(() => {});
const wire = () => {
  const page = findPage();
  if (page) start(page, session, settings.siteRoot, initial);
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
else wire();
