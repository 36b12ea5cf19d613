// The `html` template escapes what it prints, as Nunjucks' autoescape does, unless it is already markup.
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from '../../src/site/html.ts';

describe('html templates', () => {
  it('escapes text values, attributes included', () => {
    const title = `<script>"a" & 'b'</script>`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;">&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;</a>',
    );
    expect(escapeHtml('{{ 7 * 7 }}')).toBe('{{ 7 * 7 }}');
  });

  it('prints markup as it is: nested templates and trusted HTML, once', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${trustedHtml('<br>')}</p>`.value).toBe('<p><b>&lt;i&gt;</b><br></p>');
  });

  it('prints nothing for null, undefined and false, numbers as digits, lists item by item', () => {
    const none = null;
    const missing = undefined;
    expect(html`[${none}${missing}${false}]`.value).toBe('[]');
    expect(html`${0}/${21}`.value).toBe('0/21');
    expect(html`<ul>${['<a>', html`<li>b</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>b</li></ul>');
  });
});
