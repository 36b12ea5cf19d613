// The search as URL parameters (?q=…&section=…&year=…&issue=…), so a search can be bookmarked and shared.
import type { SearchFilters } from '../search/query.ts';

export interface SearchState extends SearchFilters {
  q: string;
}

const FILTERS = ['section', 'year', 'issue'] as const;

export function stateFromParams(params: URLSearchParams): SearchState {
  const state: SearchState = { q: params.get('q') ?? '' };
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) state[name] = value;
  }
  return state;
}

/** Parameters in a fixed order with empty ones left out, so equal searches have equal URLs. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) {
    const value = state[name];
    if (value) params.set(name, value);
  }
  return params;
}
