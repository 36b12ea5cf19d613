// HTML written in TypeScript: every value put into an `html` template is escaped as text unless it is
// already Html (the result of another `html` template or `trustedHtml`).

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** As Nunjucks' autoescape writes it: the pages were Nunjucks templates once, and print the same bytes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}

/** Markup that is printed as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Markup made elsewhere and already safe: rendered bulletin bodies, sanitized Markdown, the frame's content. */
export function trustedHtml(value: string): Html {
  return new Html(value);
}

/** A value in a template: text is escaped; null, undefined and false print nothing; lists print each item. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] as string;
  for (let i = 0; i < values.length; i++) out += printed(values[i]) + (strings[i + 1] as string);
  return new Html(out);
}

function printed(value: HtmlValue | undefined): string {
  if (value instanceof Html) return value.value;
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(printed).join('');
  return '';
}
