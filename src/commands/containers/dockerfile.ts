/**
 * Dockerfile `RUN`, `CMD` and `ENTRYPOINT`: the shell form as shell text
 * (continuation lines included, Docker's comment lines inside them blanked),
 * and the exec form (a JSON array) as an argument vector.
 */
import { blank } from '../../text-lines.js';
import type { ShellRegion } from '../engine.js';
import { parseJsonSpans, type JsonNode } from './json-spans.js';

export interface ExecForm {
  array: Extract<JsonNode, { t: 'array' }>;
}

export interface DockerRegions {
  regions: ShellRegion[];
  execForms: ExecForm[];
}

export function dockerfileRegions(text: string): DockerRegions {
  const regions: ShellRegion[] = [];
  const execForms: ExecForm[] = [];
  const lines = text.split('\n');
  let offset = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const m = /^(\s*)(RUN|CMD|ENTRYPOINT)(\s+)/i.exec(line);
    if (!m) {
      offset += line.length + 1;
      continue;
    }
    const start = offset;
    const rest = line.slice(m[0].length);
    if (rest.startsWith('[')) {
      const array = parseJsonSpans(line, m[0].length);
      if (array?.t === 'array' && array.items.every((i) => i.t === 'string')) {
        execForms.push({
          array: {
            ...array,
            start: array.start + start,
            end: array.end + start,
            items: array.items.map((i) => ({ ...i, start: i.start + start, end: i.end + start })),
          },
        });
      }
      offset += line.length + 1;
      continue;
    }
    const parts = [blank(m[0]) + rest];
    let continued = /\\$/.test(line);
    offset += line.length + 1;
    while (continued && k + 1 < lines.length) {
      const next = lines[++k];
      offset += next.length + 1;
      if (/^\s*#/.test(next)) {
        parts.push(blank(next));
        continue;
      }
      parts.push(next);
      continued = /\\$/.test(next);
    }
    regions.push({ start, text: parts.join('\n') });
  }
  return { regions, execForms };
}
