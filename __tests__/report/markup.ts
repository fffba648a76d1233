/** Structural checks on rendered Markdown: balanced HTML blocks and well-formed tables. */
import MarkdownIt from 'markdown-it';

/** Cells of a table line, split on pipes that no backslash escapes. */
export function cellCount(line: string): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i += 1;
    else if (line[i] === '|') pipes += 1;
  }
  return pipes - 1;
}

/** Problems found; empty when every table row has its header's cell count and tags balance. */
export function markupProblems(markdown: string): string[] {
  const problems: string[] = [];
  const opens = markdown.match(/<details>/g)?.length ?? 0;
  const closes = markdown.match(/<\/details>/g)?.length ?? 0;
  if (opens !== closes) problems.push(`${opens} <details> but ${closes} </details>`);
  let depth = 0;
  for (const m of markdown.matchAll(/<\/?details>/g)) {
    depth += m[0] === '<details>' ? 1 : -1;
    if (depth < 0) problems.push(`</details> before its <details> at ${m.index}`);
  }
  const lines = markdown.split('\n');
  let columns = 0;
  let tableRows = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    if (!line.endsWith(' |')) problems.push(`line ${i + 1} does not end its row: ${line}`);
    if (columns === 0) columns = cellCount(line);
    else if (cellCount(line) !== columns) problems.push(`line ${i + 1} has a wrong cell count`);
    if (!/^\| (---:?|:?---) /.test(line)) tableRows += 1;
  }
  if (!markdown.endsWith('\n')) problems.push('no final newline');
  // Every table line must have become a table row in a real GFM parser.
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const parsedRows = tokens.filter((t) => t.type === 'tr_open').length;
  if (parsedRows !== tableRows) problems.push(`${tableRows} table lines but ${parsedRows} rows`);
  return problems;
}
