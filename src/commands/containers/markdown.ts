/**
 * Shell blocks of a Markdown file: fenced code labelled `bash`, `sh`,
 * `shell`, `zsh`, `console` (only the `$ ` prompt lines and their
 * continuations; prompts are kept), or unlabelled blocks that name a tool.
 * Fences inside block quotes are left alone.
 */
import MarkdownIt from 'markdown-it';
import { blank, lineStarts } from '../../text-lines.js';
import type { ShellRegion } from '../engine.js';

const SHELL = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'shellsession']);
// Only block structure matters (fences); inline parsing of tables and links is skipped.
const md = new MarkdownIt();
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

export interface Fence {
  /** Offsets of the block's content (between the fence lines). */
  start: number;
  end: number;
  lang: string;
}

/** Line starts, plus one past the end so the last line's end can be read. */
function offsetsOfLines(text: string): number[] {
  return [...lineStarts(text), text.length + 1];
}

/** Every fenced block of a Markdown text, with its content's span. */
export function markdownFences(text: string): Fence[] {
  const starts = offsetsOfLines(text);
  const fences: Fence[] = [];
  for (const token of md.parse(text, {})) {
    if (token.type !== 'fence' || !token.map) continue;
    const [open, close] = token.map;
    const lastLine = text.slice(starts[close - 1], Math.max(starts[close] - 1, starts[close - 1]));
    const marker = token.markup[0];
    const closed =
      close - 1 > open &&
      new RegExp(`^\\s*\\${marker}{${token.markup.length},}\\s*$`).test(lastLine);
    const end = closed ? starts[close - 1] : Math.min(starts[close] ?? text.length, text.length);
    const start = Math.min(starts[open + 1] ?? text.length, text.length);
    const raw = text.slice(start, end);
    // The raw lines must be the content plus indentation only (not a block quote).
    const rawLines = raw.split('\n').map((l) => l.replace(/\r$/, ''));
    const contentLines = token.content.split('\n');
    if (rawLines.length !== contentLines.length) continue;
    if (
      !rawLines.every(
        (l, k) =>
          l.endsWith(contentLines[k]) &&
          /^\s*$/.test(l.slice(0, l.length - contentLines[k].length)),
      )
    )
      continue;
    fences.push({ start, end, lang: token.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '' });
  }
  return fences;
}

/** `$ ` prompt lines and their continuation lines stay; output lines are blanked. */
export function consoleCommands(block: string): string {
  const lines = block.split('\n');
  let continued = false;
  return lines
    .map((line) => {
      const prompt = /^(\s*)\$ /.exec(line);
      if (prompt) {
        continued = /\\$/.test(line);
        return `${prompt[1]}  ${line.slice(prompt[0].length)}`;
      }
      if (continued) {
        continued = /\\$/.test(line);
        return line;
      }
      return blank(line);
    })
    .join('\n');
}

/** A line that starts a command of an unlabelled block: a Python or shell program, or a tool. */
const COMMAND_LINE =
  /^\s*(\$ )?([A-Za-z_]\w*=\S*\s+)*(python[\d.]*|sh|bash|torchrun|srun|\.?\/?tools\/)\s/m;

/** The shell regions of a Markdown text. */
export function markdownRegions(text: string): ShellRegion[] {
  const regions: ShellRegion[] = [];
  for (const fence of markdownFences(text)) {
    const content = text.slice(fence.start, fence.end);
    if (fence.lang !== '' && !SHELL.has(fence.lang)) continue;
    if (fence.lang === '' && !COMMAND_LINE.test(content)) continue;
    // Prompted blocks: only the `$ ` lines are commands, the rest is output.
    const prompted = fence.lang === 'console' || /^\s*\$ /m.test(content);
    regions.push({ start: fence.start, text: prompted ? consoleCommands(content) : content });
  }
  return regions;
}
