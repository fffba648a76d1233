/**
 * The script rewrite (spec §14) with the command-line rewriter passed in:
 * parse, plan imports, module-attribute uses, call sites and commands, then
 * apply the edits and check that the result still parses.
 */
import { parsePython } from '../python/parse.js';
import { compareFindings, finding, type Finding } from '../report/findings.js';
import { planAttributeUses } from './python-api-attributes.js';
import { checkCalls } from './python-api-calls.js';
import { rewriteCommands, type CommandRules } from './python-api-commands.js';
import type { ScriptContext } from './python-api-context.js';
import { applyEdits } from '../text-edits.js';
import { withoutOverlaps } from './python-api-edits.js';
import { collectImports, emitImports, planFromImports } from './python-api-imports.js';
import { descendants } from './python-api-names.js';

export interface TextRewrite {
  text: string;
  findings: Finding[];
}

function firstErrorLine(root: import('../python/parse.js').SyntaxNode): number {
  for (const n of descendants(root)) {
    if (n.type === 'ERROR' || n.isMissing) return n.startPosition.row + 1;
  }
  return 0;
}

/** Rewrites one script, sending the command lines it runs through `commands`. */
export function rewriteScriptWith(path: string, text: string, commands: CommandRules): TextRewrite {
  const tree = parsePython(text);
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      return {
        text,
        findings: [
          finding(
            'PY-001',
            'error',
            path,
            firstErrorLine(root),
            'Syntax error: the script is not rewritten.',
          ),
        ],
      };
    }
    const ctx: ScriptContext = {
      path,
      text,
      root,
      all: descendants(root),
      edits: [],
      findings: [],
    };
    const plan = collectImports(ctx);
    planFromImports(ctx, plan);
    planAttributeUses(ctx, plan);
    checkCalls(ctx, plan, ctx.findings.length > 0);
    rewriteCommands(ctx, plan, commands);
    emitImports(ctx, plan);
    const out = applyEdits(text, withoutOverlaps(ctx.edits));
    if (out !== text && !parses(out)) {
      return {
        text,
        findings: [
          ...ctx.findings.sort(compareFindings),
          finding(
            'API-043',
            'error',
            path,
            0,
            'The rewritten script would not parse, so it is left unchanged; port it by hand.',
          ),
        ],
      };
    }
    return { text: out, findings: ctx.findings.sort(compareFindings) };
  } finally {
    tree.delete();
  }
}

function parses(text: string): boolean {
  const tree = parsePython(text);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}
