/**
 * Command lines a script runs through `subprocess` or `os.system` (spec §2
 * DET-008, §13). A command written entirely as string literals (one string,
 * or a list/tuple of strings) is rewritten by the command-line rules; one
 * built at run time is reported when its literal parts name an mmseg tool.
 */
import type { SyntaxNode } from '../python/parse.js';
import type { Finding } from '../report/findings.js';
import type { ArgStyle } from './edits.js';
import { rewriteArgv } from './engine.js';
import type { CommandContext } from './index.js';
import { lineAt, lineStarts } from '../text-lines.js';
import { report, type ScriptContext } from './python-api-context.js';
import type { ImportPlan } from './python-api-imports.js';
import { lineOf } from './python-api-names.js';
import { argLiteral, type Word } from './words.js';

/** Rewrites one shell command line (the command-line rules of spec §13). */
export type CommandRewriter = (
  command: string,
  ctx: { path: string; line: number },
) => { text: string; findings: Finding[] };

export interface CommandRules {
  rewriteLine: CommandRewriter;
  /** Passed to the argv rewriter (the configs named on command lines). */
  context?: CommandContext;
}

const RUNNERS: Record<string, Set<string>> = {
  subprocess: new Set([
    'run',
    'call',
    'check_call',
    'check_output',
    'Popen',
    'getoutput',
    'getstatusoutput',
  ]),
  os: new Set(['system', 'popen']),
};

/** Literal text that names an mmseg entry point. */
const MMSEG_TOOL =
  /(?:^|[\s/'"])(?:train|test)\.py\b|\b(?:dist|slurm)_(?:train|test)\.sh\b|\bmim\s+(?:train|test)\b/;

/** The function a call runs commands with (`subprocess.run`, `os.system`, or one imported from them). */
function isCommandRunner(plan: ImportPlan, fn: SyntaxNode): boolean {
  if (fn.type === 'attribute') {
    const object = fn.childForFieldName('object');
    const name = fn.childForFieldName('attribute')?.text ?? '';
    return object?.type === 'identifier' && (RUNNERS[object.text]?.has(name) ?? false);
  }
  if (fn.type === 'identifier') {
    return (plan.importLocals.get(fn.text) ?? []).some(
      (s) => RUNNERS[s.module]?.has(s.name) ?? false,
    );
  }
  return false;
}

function commandArgument(call: SyntaxNode): SyntaxNode | undefined {
  const args = call.childForFieldName('arguments');
  if (args?.type !== 'argument_list') return undefined;
  for (const c of args.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.type === 'keyword_argument') {
      const name = c.childForFieldName('name')?.text;
      if (name === 'args' || name === 'cmd' || name === 'command') {
        return c.childForFieldName('value') ?? undefined;
      }
      continue;
    }
    return c.type === 'list_splat' || c.type === 'dictionary_splat' ? undefined : c;
  }
  return undefined;
}

interface PlainString {
  node: SyntaxNode;
  /** The quote (`'`, `"`, `'''`, `"""`) and whether the string is raw. */
  quote: string;
  raw: boolean;
  value: string;
}

/** A string literal without interpolation, escapes or a bytes prefix. */
function plainString(node: SyntaxNode): PlainString | undefined {
  if (node.type !== 'string') return undefined;
  const start = node.namedChildren.find((c) => c?.type === 'string_start');
  if (!start) return undefined;
  const prefix = start.text.replace(/['"]+$/, '').toLowerCase();
  if (/[bf]/.test(prefix)) {
    if (prefix.includes('b')) return undefined;
    if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  }
  const contents = node.namedChildren.filter((c) => c?.type === 'string_content');
  if (contents.some((c) => c!.namedChildren.length > 0)) return undefined;
  const quote = start.text.slice(prefix.length);
  const end = node.namedChildren.find((c) => c?.type === 'string_end');
  if (!end) return undefined;
  const value = node.text.slice(start.endIndex - node.startIndex, end.startIndex - node.startIndex);
  if (prefix.includes('f') && /[{}]/.test(value)) return undefined;
  return { node, quote, raw: prefix.includes('r'), value };
}

/** Python source for `value` in the quotes of `like`, or undefined when it cannot be written there. */
function pythonString(value: string, like: PlainString): string | undefined {
  const head = like.node.namedChildren.find((c) => c?.type === 'string_start')!.text;
  const q = like.quote;
  if (/f/i.test(head.slice(0, head.length - q.length)) && /[{}]/.test(value)) return undefined;
  if (like.raw) {
    if (value.includes(q[0]) || (q.length === 1 && value.includes('\n'))) return undefined;
    return `${head}${value}${q}`;
  }
  let body = value.replace(/\\/g, '\\\\');
  if (q.length === 1) body = body.replaceAll(q, `\\${q}`).replace(/\n/g, '\\n');
  else if (body.includes(q) || body.endsWith(q[0])) return undefined;
  return `${head}${body}${q}`;
}

function literalText(node: SyntaxNode): string {
  return node
    .descendantsOfType('string_content')
    .map((c) => c?.text ?? '')
    .join(' ');
}

function rewriteString(ctx: ScriptContext, s: PlainString, rewrite: CommandRewriter): void {
  const out = rewrite(s.value, { path: ctx.path, line: lineOf(s.node) });
  ctx.findings.push(...out.findings);
  if (out.text === s.value) return;
  const text = pythonString(out.text, s);
  if (text === undefined) {
    report(
      ctx,
      'API-042',
      'warning',
      s.node,
      'The rewritten command line cannot be written back into this string literal; change it by hand.',
      { before: s.value, after: out.text },
    );
    return;
  }
  ctx.edits.push({ start: s.node.startIndex, end: s.node.endIndex, text });
}

/** Python string literals for new argv elements, in the quotes the list already uses. */
function pythonStyle(quote: string): ArgStyle {
  return {
    separator: ', ',
    render(arg) {
      if (arg.length === 1 && 'raw' in arg[0]) return arg[0].raw;
      const value = argLiteral(arg);
      if (value === undefined) return undefined;
      const body = value
        .replace(/\\/g, '\\\\')
        .replaceAll(quote, `\\${quote}`)
        .replace(/\n/g, '\\n');
      return `${quote}${body}${quote}`;
    },
  };
}

/**
 * An argv list/tuple: each element is one word. A string literal is a word
 * with a known value; any other expression is kept as written, like a
 * `$VAR` word in shell. A `*args` element makes the word count unknown.
 */
function rewriteArgvList(ctx: ScriptContext, list: SyntaxNode, rules: CommandRules): boolean {
  const elements = list.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  if (elements.length === 0 || elements.some((e) => e.type === 'list_splat')) return false;
  const strings = elements.map(plainString);
  const words: Word[] = elements.map((e, i) => ({
    start: e.startIndex,
    end: e.endIndex,
    text: e.text,
    value: strings[i]?.value,
  }));
  const quote = strings.find((x) => x && x.quote.length === 1 && !x.raw)?.quote ?? "'";
  const done = rewriteArgv(words, false, { ...rules.context, file: ctx.path }, pythonStyle(quote));
  if (!done) return strings.every((x) => x !== undefined);
  const starts = lineStarts(ctx.text);
  for (const n of done.notes) {
    const f: Finding = {
      rule: n.rule,
      severity: n.severity,
      file: ctx.path,
      line: lineAt(starts, n.offset),
      message: n.message,
    };
    if (n.before !== undefined) f.before = n.before;
    if (n.after !== undefined) f.after = n.after;
    ctx.findings.push(f);
  }
  ctx.edits.push(...done.edits);
  return true;
}

export function rewriteCommands(ctx: ScriptContext, plan: ImportPlan, rules: CommandRules): void {
  for (const call of ctx.all) {
    if (call.type !== 'call') continue;
    const fn = call.childForFieldName('function');
    if (!fn || !isCommandRunner(plan, fn)) continue;
    const arg = commandArgument(call);
    if (!arg) continue;
    const single = plainString(arg);
    if (single) {
      rewriteString(ctx, single, rules.rewriteLine);
      continue;
    }
    if ((arg.type === 'list' || arg.type === 'tuple') && rewriteArgvList(ctx, arg, rules)) continue;
    if (MMSEG_TOOL.test(literalText(arg))) {
      report(
        ctx,
        'API-042',
        'warning',
        arg,
        'This command line is built at run time (variables, f-string, `+`, `%`, `.format` or `*args`), so its mmseg 0.x flags are not rewritten; check it against the 1.x command-line rules.',
      );
    }
  }
}
