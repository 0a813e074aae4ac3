import { decodeHtmlEntities } from '@crossline/core/sdk';

/** Tags that end a line or a block: read as a line break. */
const blockTag =
  /<\/?(?:br|hr|p|div|li|ul|ol|tr|td|th|table|pre|blockquote|h[1-6]|section|article|header|footer)\b[^<>]*>/gi;

/**
 * The text of an HTML body: block tags and `<br>` as line breaks, other tags dropped, entities
 * read (numeric, the usual named ones, and accented letters such as `&oacute;`, `&eogon;`). A
 * `<` not followed by a letter or `/` is text, as in `price < 100`. Linear in the body's length
 * (no pattern backtracks across a `<`).
 */
export function htmlText(html: string): string {
  return decodeHtmlEntities(html.replace(blockTag, '\n').replace(/<\/?[a-z][^<>]*>/gi, ''));
}
