import { describe, expect, it } from 'vitest';
import { toPlainText } from './plain-text.js';

describe('toPlainText', () => {
  it('converts HTML: blocks and breaks to lines, links keep their address, entities decoded, footer added', () => {
    const html =
      '<div><p>Dzień dobry,</p><p>paczka &amp; faktura<br>wysłane.</p><ul><li>one</li><li>two</li></ul><a href="https://x.example/t">track</a></div><script>x()</script>';
    expect(toPlainText(html, 'html', '<b>Shop</b> &#8211; team')).toBe(
      'Dzień dobry,\n\npaczka & faktura\nwysłane.\n\n- one\n- two\n\ntrack (https://x.example/t)\n\nShop – team',
    );
  });

  it('converts Markdown: headings, emphasis, code, lists, quotes and links', () => {
    const markdown =
      '# Title\n\n> quoted *text*\n\n* item **bold**\n+ `code`\n\n![logo](https://x.example/l.png) [https://x.example](https://x.example)';
    expect(toPlainText(markdown, 'markdown')).toBe(
      'Title\n\nquoted text\n\n- item bold\n- code\n\nlogo (https://x.example/l.png) https://x.example',
    );
  });

  it('leaves plain text as it is, line endings and blank runs normalised', () => {
    expect(toPlainText('a *b* <c>\r\n\r\n\r\n\r\nd  ', 'text', 'Footer')).toBe(
      'a *b* <c>\n\nd\n\nFooter',
    );
  });
});
