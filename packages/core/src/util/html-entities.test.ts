import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from './html-entities.js';

describe('decodeHtmlEntities', () => {
  it('reads numeric references, the usual names and accented letters as HTML does', () => {
    expect(decodeHtmlEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#x27;')).toBe(
      `a & b <c> "d" 'e'`,
    );
    expect(decodeHtmlEntities('zam&oacute;wienie, prosz&eogon;, &Lstrok;&oacute;d&zacute;')).toBe(
      'zamówienie, proszę, Łódź',
    );
    expect(decodeHtmlEntities('&#150; &#128; &#0; &#xD800;')).toBe('– € \ufffd \ufffd');
  });

  it('decodes once and leaves unknown names as written', () => {
    expect(decodeHtmlEntities('&amp;amp; &unknown; &#99999999999999999999;')).toBe(
      '&amp; &unknown; &#99999999999999999999;',
    );
  });
});
