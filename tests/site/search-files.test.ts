// The search page's inlined stylesheet: text that cannot end its <style> element early.
import { describe, expect, it } from 'vitest';
import { styleElementText } from '../../src/site/search-files.ts';

describe('styleElementText', () => {
  it('refuses a stylesheet holding "</style", naming the file', () => {
    expect(() => styleElementText('p { color: red }</style><script>', 'public/css/site.css')).toThrow(
      /public\/css\/site\.css.*<\/style/,
    );
    expect(() => styleElementText('p{}</STYLE >', 'site.css')).toThrow(/<\/style/);
  });

  it('keeps any other stylesheet as it is', () => {
    const css = 'p::after { content: "</p>" } main > p { color: red }';
    expect(styleElementText(css, 'site.css')).toBe(css);
  });
});
