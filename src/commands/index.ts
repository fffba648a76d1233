/**
 * Command lines in every kind of file (spec §13, DET-008): shell scripts,
 * Markdown fences, workflow `run:` steps, Makefile recipes, Dockerfile
 * instructions and notebook shell lines. 0.x `tools/train.py`,
 * `tools/test.py` and launcher calls become 1.x; everything else in the
 * file keeps its bytes. The Bash parser must be loaded first:
 * `await initParsers({ bash: true })`.
 */
import type { Finding } from '../report/findings.js';
import type { Role } from '../scan/classify.js';
import { dockerfileRegions } from './containers/dockerfile.js';
import { markdownFences, markdownRegions } from './containers/markdown.js';
import { makefileRegions } from './containers/makefile.js';
import { notebookCells, notebookOffset, replaceCellSource } from './containers/notebook.js';
import { proseMentions } from './containers/prose.js';
import { workflowRegions } from './containers/workflow.js';
import { applyEdits, type TextEdit } from '../text-edits.js';
import type { ArgStyle } from './edits.js';
import {
  addStats,
  emptyStats,
  rewriteArgv,
  rewriteRegions,
  rewriteShell,
  shellStyle,
  type CommandStats,
  type LocatedNote,
} from './engine.js';
import { lineAt, lineStarts } from '../text-lines.js';
import type { TranslateContext } from './translate.js';
import { argLiteral, type NewArg, type Word } from './words.js';

export type { CommandStats } from './engine.js';

/** What command lines may ask of the repository: the configs they name, the launchers they run. */
export type CommandContext = Omit<TranslateContext, 'file'>;

export interface TextRewrite {
  text: string;
  findings: Finding[];
}

/** JSON strings of a Dockerfile exec-form array. */
const jsonStyle: ArgStyle = {
  separator: ', ',
  render(arg: NewArg): string | undefined {
    if (arg.length === 1 && 'raw' in arg[0]) return arg[0].raw;
    const value = argLiteral(arg);
    return value === undefined ? undefined : JSON.stringify(value);
  },
};

function toFindings(
  notes: readonly LocatedNote[],
  path: string,
  lineOf: (offset: number) => number,
): Finding[] {
  return notes.map((n) => {
    const f: Finding = {
      rule: n.rule,
      severity: n.severity,
      file: path,
      line: lineOf(n.offset),
      message: n.message,
    };
    if (n.before !== undefined) f.before = n.before;
    if (n.after !== undefined) f.after = n.after;
    return f;
  });
}

/** The rewrite of one file plus counts of the commands it holds. */
export interface FileCommands extends TextRewrite {
  stats: CommandStats;
}

/** `rewriteFileCommands` with the number of commands found, changed and reported. */
export function rewriteFileCommandsWithStats(
  path: string,
  text: string,
  role: Role,
  ctx: CommandContext = {},
): FileCommands {
  const tctx: TranslateContext = { ...ctx, file: path };
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => lineAt(starts, offset);
  const done = (edits: TextEdit[], notes: LocatedNote[], stats: CommandStats): FileCommands => ({
    text: edits.length ? applyEdits(text, edits) : text,
    findings: toFindings(notes, path, lineOf),
    stats,
  });
  switch (role) {
    case 'shell': {
      const r = rewriteShell(text, tctx, shellStyle());
      return done(r.edits, r.notes, r.stats);
    }
    case 'markdown': {
      const r = rewriteRegions(markdownRegions(text), tctx, shellStyle());
      const prose = proseMentions(text, markdownFences(text));
      return done(r.edits, [...r.notes, ...prose], r.stats);
    }
    case 'workflow': {
      const { regions, notes } = workflowRegions(text);
      const r = rewriteRegions(regions, tctx, shellStyle());
      return done(r.edits, [...notes, ...r.notes], r.stats);
    }
    case 'makefile': {
      const r = rewriteRegions(makefileRegions(text), tctx, shellStyle());
      return done(r.edits, r.notes, r.stats);
    }
    case 'dockerfile': {
      const { regions, execForms } = dockerfileRegions(text);
      const r = rewriteRegions(regions, tctx, shellStyle());
      for (const form of execForms) {
        const words: Word[] = form.array.items.map((i) => ({
          start: i.start,
          end: i.end,
          text: text.slice(i.start, i.end),
          value: i.t === 'string' ? i.value : undefined,
        }));
        const argv = rewriteArgv(words, false, tctx, jsonStyle);
        if (!argv) continue;
        r.edits.push(...argv.edits);
        r.notes.push(...argv.notes);
        addStats(r.stats, argv.stats);
      }
      return done(r.edits, r.notes, r.stats);
    }
    case 'notebook':
      return rewriteNotebook(path, text, tctx, lineOf);
    default:
      return { text, findings: [], stats: emptyStats() };
  }
}

function rewriteNotebook(
  path: string,
  text: string,
  tctx: TranslateContext,
  lineOf: (offset: number) => number,
): FileCommands {
  const stats = emptyStats();
  const cells = notebookCells(text);
  if (!cells) return { text, findings: [], stats };
  const findings: Finding[] = [];
  // Later cells first, so earlier offsets stay valid while editing.
  let out = text;
  for (const cell of [...cells].reverse()) {
    const r = rewriteRegions([{ start: 0, text: cell.shell }], tctx, shellStyle());
    addStats(stats, r.stats);
    findings.unshift(
      ...toFindings(r.notes, path, (offset) => lineOf(notebookOffset(cell, offset))),
    );
    if (r.edits.length === 0) continue;
    out = replaceCellSource(out, cell, applyEdits(cell.text, r.edits));
  }
  return { text: out, findings, stats };
}

/** Rewrites the command lines in one file of the given role (shell, markdown, workflow, makefile, dockerfile, notebook). */
export function rewriteFileCommands(
  path: string,
  text: string,
  role: Role,
  ctx?: CommandContext,
): TextRewrite {
  const { text: out, findings } = rewriteFileCommandsWithStats(path, text, role, ctx);
  return { text: out, findings };
}

/** One shell command line (possibly with continuations) → its 1.x form; exported for Python subprocess strings. */
export function rewriteCommandLine(
  command: string,
  ctx: CommandContext & { path?: string; line?: number } = {},
): TextRewrite {
  const path = ctx.path ?? '';
  const r = rewriteShell(command, { ...ctx, file: path }, shellStyle());
  const starts = lineStarts(command);
  const first = ctx.line ?? 1;
  return {
    text: r.edits.length ? applyEdits(command, r.edits) : command,
    findings: toFindings(r.notes, path, (offset) => first + lineAt(starts, offset) - 1),
  };
}
