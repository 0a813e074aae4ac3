import { decodeHtmlEntities } from '@crossline/core/sdk';

/** What a reply's text is written in. */
export type TextFormat = 'text' | 'html' | 'markdown';

/** HTML as plain text: blocks and `<br>` become line breaks, links keep their address. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(
      /<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/a\s*>/gi,
      (_, href: string, label: string) => {
        const inner = label.replace(/<[^>]*>/g, '').trim();
        return inner === '' || inner === href ? href : `${inner} (${href})`;
      },
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|h[1-6]|ul|ol|table|tr|blockquote|pre)\s*>/gi, '\n\n')
    .replace(/<(p|div|h[1-6]|ul|ol|table|tr|blockquote|pre)\b[^>]*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<[^>]*>/g, '');
  return decodeHtmlEntities(text);
}

/** Markdown as plain text: emphasis and headings marks dropped, links keep their address. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*$/gm, '')
    .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_, alt: string, url: string) =>
      alt ? `${alt} (${url})` : url,
    )
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_, label: string, url: string) =>
      label === url ? url : `${label} (${url})`,
    )
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^([ \t]*)[*+][ \t]+/gm, '$1- ')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_\n]*?\S)\2(?![\w*])/g, '$1$3')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, '');
}

/**
 * The reply as EmpikPlace takes it — plain text only: HTML or Markdown converted, line breaks
 * normalised, trailing spaces and runs of blank lines dropped, the footer added after a blank
 * line (converted the same way).
 */
export function toPlainText(text: string, format: TextFormat, footer?: string): string {
  const convert = (value: string) => {
    const plain =
      format === 'html' ? htmlToText(value) : format === 'markdown' ? markdownToText(value) : value;
    return plain
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t\u00a0]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  };
  const body = convert(text);
  const end = footer === undefined ? '' : convert(footer);
  return end === '' ? body : body === '' ? end : `${body}\n\n${end}`;
}
