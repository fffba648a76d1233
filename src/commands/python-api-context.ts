/**
 * The state one script rewrite shares between its passes: the parsed
 * script, the edits collected so far and the findings.
 */
import type { SyntaxNode } from '../python/parse.js';
import type { Finding, Severity } from '../report/findings.js';
import type { TextEdit as Edit } from '../text-edits.js';
import { lineOf } from './python-api-names.js';

export interface ScriptContext {
  path: string;
  text: string;
  root: SyntaxNode;
  /** Every node of the tree in document order, computed once. */
  all: SyntaxNode[];
  edits: Edit[];
  findings: Finding[];
}

export function report(
  ctx: ScriptContext,
  rule: string,
  severity: Severity,
  at: SyntaxNode | number,
  message: string,
  change?: { before: string; after: string },
): Finding {
  const line = typeof at === 'number' ? at : lineOf(at);
  const existing = ctx.findings.find(
    (f) => f.rule === rule && f.line === line && f.message === message,
  );
  if (existing) return existing;
  const f: Finding = { rule, severity, file: ctx.path, line, message };
  if (change) {
    f.before = change.before;
    f.after = change.after;
  }
  ctx.findings.push(f);
  return f;
}

/** `hint` as a trailing sentence of a message. */
export const withHint = (message: string, hint?: string): string =>
  hint ? `${message} ${hint}` : message;
