/**
 * Makefile recipes: tab-indented lines and their `\` continuations. The
 * recipe prefix (`@`, `-`, `+`) and the tab are blanked, so each recipe line
 * is parsed as the shell command make runs.
 */
import { blank } from '../../text-lines.js';
import type { ShellRegion } from '../engine.js';

export function makefileRegions(text: string): ShellRegion[] {
  const regions: ShellRegion[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let current: { start: number; parts: string[] } | undefined;
  let continued = false;
  for (const line of lines) {
    if (continued && current) {
      current.parts.push(line.replace(/^\t/, ' '));
    } else if (line.startsWith('\t')) {
      const m = /^\t([@+\- \t]*)/.exec(line)!;
      current = { start: offset, parts: [' ' + blank(m[1]) + line.slice(m[0].length)] };
      regions.push({ start: offset, text: '' });
    } else {
      current = undefined;
    }
    continued = current !== undefined && /\\$/.test(line);
    if (current) regions[regions.length - 1].text = current.parts.join('\n');
    offset += line.length + 1;
  }
  return regions;
}
