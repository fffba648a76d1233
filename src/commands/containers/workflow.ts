/**
 * `run:` steps of a GitHub workflow. Only the scalar's own text is edited:
 * literal block scalars (`|`) and single-line plain or quoted scalars. A
 * step whose `shell:` is not a POSIX shell is skipped; folded and escaped
 * scalars are reported when they name a tool.
 */
import { isMap, isScalar, parseDocument, Scalar, visit } from 'yaml';
import { shellStyle, type LocatedNote, type ShellRegion } from '../engine.js';

export interface WorkflowRegions {
  regions: ShellRegion[];
  notes: LocatedNote[];
}

const MENTIONS = /tools\/(train|test)\.py|(dist|slurm)_(train|test)\.sh/;

export function workflowRegions(text: string): WorkflowRegions {
  const regions: ShellRegion[] = [];
  const notes: LocatedNote[] = [];
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { regions, notes };
  visit(doc, {
    Pair(_key, pair, path) {
      if (!isScalar(pair.key) || pair.key.value !== 'run' || !isScalar(pair.value)) return;
      const parent = path[path.length - 1];
      const shell = isMap(parent) ? parent.get('shell') : undefined;
      if (typeof shell === 'string' && !/^(bash|sh)\b/.test(shell)) return;
      const scalar = pair.value as Scalar;
      const value = String(scalar.value);
      const [start, end] = scalar.range ?? [0, 0];
      const source = text.slice(start, end);
      if (scalar.type === Scalar.BLOCK_LITERAL) {
        const body = text.indexOf('\n', start) + 1;
        if (body > 0 && body <= end) regions.push({ start: body, text: text.slice(body, end) });
        return;
      }
      if (scalar.type === Scalar.PLAIN && source === value && !value.includes('\n')) {
        regions.push({ start, text: source });
        return;
      }
      const inner = source.slice(1, -1);
      if (scalar.type === Scalar.QUOTE_SINGLE && inner === value && !value.includes('\n')) {
        regions.push({ start: start + 1, text: inner, style: shellStyle('"', /'/) });
        return;
      }
      if (scalar.type === Scalar.QUOTE_DOUBLE && inner === value && !value.includes('\n')) {
        regions.push({ start: start + 1, text: inner, style: shellStyle("'", /["\\]/) });
        return;
      }
      if (MENTIONS.test(value)) {
        notes.push({
          rule: 'CLI-GEN-001',
          severity: 'warning',
          offset: start,
          message:
            'A command in a folded or escaped YAML scalar is not rewritten; use a literal block (`run: |`) or fix it by hand.',
        });
      }
    },
  });
  return { regions, notes };
}
