// The README's example is this example's code: the ```ts block after the marker
// `<!-- example: examples/call-tracking/src/host.ts#readme -->` in the top-level README equals the
// `// #region readme` … `// #endregion readme` part of host.ts (indentation aside), which
// `npm test` type-checks (strict, exactOptionalPropertyTypes) and runs.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const marker = '<!-- example: examples/call-tracking/src/host.ts#readme -->';

/** The lines between the region markers of a source file. */
export function region(source: string, name: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region ${name}`);
  const end = lines.findIndex((line) => line.trim() === `// #endregion ${name}`);
  if (start === -1 || end <= start) throw new Error(`no region ${name}`);
  return dedent(lines.slice(start + 1, end));
}

/** The fenced ```ts block that follows `marker` in a Markdown text. */
export function blockAfter(markdown: string, after: string): string {
  const at = markdown.indexOf(after);
  if (at === -1) throw new Error(`no ${after} in the README`);
  const block = /```ts\n([\s\S]*?)\n```/.exec(markdown.slice(at + after.length));
  if (!block?.[1]) throw new Error(`no \`\`\`ts block after ${after}`);
  return dedent(block[1].split('\n'));
}

/** The lines without their common indentation and trailing spaces, joined. */
function dedent(lines: readonly string[]): string {
  const indents = lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)?.[0].length);
  const common = Math.min(...indents.map((indent) => indent ?? 0));
  return lines
    .map((line) => line.slice(common).trimEnd())
    .join('\n')
    .trim();
}

describe('the README example', () => {
  it('is the example host app', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const host = await readFile(new URL('./host.ts', import.meta.url), 'utf8');
    expect(blockAfter(readme, marker)).toBe(region(host, 'readme'));
  });

  it('reads a region and a block modulo indentation', () => {
    const source = 'a\n  // #region readme\n    one()\n      two()\n  // #endregion readme\n';
    expect(region(source, 'readme')).toBe('one()\n  two()');
    expect(blockAfter(`x\n${marker}\n\n\`\`\`ts\none()\n  two()\n\`\`\`\n`, marker)).toBe(
      'one()\n  two()',
    );
  });
});
