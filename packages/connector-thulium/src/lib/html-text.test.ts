import { describe, expect, it } from 'vitest';
import { htmlText } from './html-text.js';

const collapsed = (html: string) => htmlText(html).replace(/\s+/g, ' ').trim();

describe('htmlText', () => {
  it('reads block tags and line breaks with attributes as breaks, drops other tags', () => {
    expect(collapsed('a<br class="x">b<hr/>c<table><tr><td>d</td><td>e</td></tr></table>')).toBe(
      'a b c d e',
    );
    expect(collapsed('<div>line one</div><div>line <b>two</b></div><pre>three</pre>')).toBe(
      'line one line two three',
    );
    expect(htmlText('price < 100 > 50, ask Jan &lt;jan@x.pl&gt;')).toBe(
      'price < 100 > 50, ask Jan <jan@x.pl>',
    );
  });

  it('reads entities as HTML does', () => {
    expect(htmlText('&oacute;&Oacute;&eogon;&zdot;&Lstrok;&nacute;&eth;&THORN;')).toBe('óÓężŁńðÞ');
    expect(htmlText('&bdquo;x&rdquo; &ndash; &#150; &#x2014; &#128;')).toBe('„x” – – — €');
    expect(htmlText('&#0;&#xD800;&#1114112;')).toBe('\ufffd\ufffd\ufffd');
    expect(htmlText('&AMP; &amp;amp; &unknown; &#99999999999999999999;')).toBe(
      '& &amp; &unknown; &#99999999999999999999;',
    );
  });

  it('reads a megabyte of unclosed tags in one pass (a backtracking pattern took minutes)', () => {
    const body = '<p '.repeat(350_000);
    expect(htmlText(body)).toBe(body);
  });
});
