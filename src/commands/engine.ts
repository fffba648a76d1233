/**
 * Rewrites the train/test command lines in a piece of shell text. The text
 * may be a masked copy of a container (Markdown, Makefile, …) where
 * everything that is not shell is blanked out, so offsets are the
 * container's own.
 */
import type { Severity } from '../report/findings.js';
import { toolRename } from './config-paths.js';
import { applyEdits, type TextEdit } from '../text-edits.js';
import { planEdits, type ArgStyle } from './edits.js';
import { recognise } from './invocation.js';
import { scanShell } from './shell-commands.js';
import { isEmptyPlan, planInvocation, type TranslateContext } from './translate.js';
import { renderShellArg, type NewArg, type Word } from './words.js';

export interface LocatedNote {
  rule: string;
  severity: Severity;
  message: string;
  /** Offset in the text the note is about. */
  offset: number;
  before?: string;
  after?: string;
}

export interface CommandStats {
  /** train/test invocations and launcher calls found. */
  found: number;
  /** …of which were rewritten. */
  changed: number;
  /** …of which have a warning or an error. */
  reported: number;
}

export interface ShellRewrite {
  edits: TextEdit[];
  notes: LocatedNote[];
  stats: CommandStats;
}

export const emptyStats = (): CommandStats => ({ found: 0, changed: 0, reported: 0 });

export function addStats(into: CommandStats, more: CommandStats): void {
  into.found += more.found;
  into.changed += more.changed;
  into.reported += more.reported;
}

/** Shell words, quoted with the given quote character when needed. */
export function shellStyle(quote: '"' | "'" = '"', forbidden?: RegExp): ArgStyle {
  return {
    separator: ' ',
    render(arg: NewArg): string | undefined {
      const text = renderShellArg(arg, quote);
      return forbidden && forbidden.test(text) ? undefined : text;
    },
  };
}

const MENTIONS_ALL = /tools\/(train|test)\.py|(dist|slurm)_(train|test)\.sh/g;

/** Rewrites the commands of one argv (shell words or an exec-form array) recognised as MMSegmentation tools. */
export function rewriteArgv(
  words: readonly Word[],
  broken: boolean,
  ctx: TranslateContext,
  style: ArgStyle,
  source?: string,
): ShellRewrite | undefined {
  const inv = recognise(words);
  if (!inv) return undefined;
  const stats = emptyStats();
  const notes: LocatedNote[] = [];
  if (inv.kind === 'tool') {
    if (broken) return { edits: [], notes, stats };
    const rename = toolRename(inv.path);
    if (!rename) return undefined;
    const word = words[inv.at];
    if (rename.to === null) {
      notes.push({
        rule: 'CLI-TOOL-001',
        severity: 'error',
        offset: word.start,
        message: `\`${rename.from}\` was removed in 1.x (deployment moved to MMDeploy); left as written.`,
      });
      return { edits: [], notes, stats };
    }
    const to = rename.to;
    const text = word.text.includes(rename.from) ? word.text.replace(rename.from, to) : undefined;
    notes.push({
      rule: 'CLI-TOOL-001',
      severity: 'info',
      offset: word.start,
      message: `\`${rename.from}\` is \`${to}\` in 1.x; its arguments were not checked.`,
      before: rename.from,
      after: to,
    });
    const edits = text === undefined ? [] : [{ start: word.start, end: word.end, text }];
    return { edits, notes, stats };
  }
  stats.found = 1;
  if (broken) {
    stats.reported = 1;
    notes.push({
      rule: 'CLI-GEN-001',
      severity: 'warning',
      offset: words[0].start,
      message:
        'This command is in shell text with a parse error, so it is not rewritten; check it by hand.',
    });
    return { edits: [], notes, stats };
  }
  const plan = planInvocation(words, inv, ctx);
  for (const n of plan.notes) {
    notes.push({
      rule: n.rule,
      severity: n.severity,
      message: n.message,
      offset: words[n.word].start,
      before: n.before,
      after: n.after,
    });
  }
  let edits: TextEdit[] = [];
  if (!isEmptyPlan(plan)) {
    const planned = planEdits(words, plan, style, source);
    if (planned === undefined) {
      notes.push({
        rule: 'CLI-GEN-008',
        severity: 'warning',
        offset: words[0].start,
        message:
          'The 1.x form of this command cannot be written in this place (quoting); left as written.',
      });
    } else edits = planned;
  }
  if (edits.length > 0) stats.changed = 1;
  if (notes.some((n) => n.severity !== 'info')) stats.reported = 1;
  return { edits, notes, stats };
}

/** Rewrites every recognised command of a shell text (needs `await initParsers({ bash: true })`). */
export function rewriteShell(source: string, ctx: TranslateContext, style: ArgStyle): ShellRewrite {
  const scan = scanShell(source);
  const result: ShellRewrite = { edits: [], notes: [], stats: emptyStats() };
  const recognised: { start: number; end: number }[] = [];
  for (const command of scan.commands) {
    const done = rewriteArgv(command.words, command.broken, ctx, style, source);
    if (!done) continue;
    recognised.push(command);
    result.edits.push(...done.edits);
    result.notes.push(...done.notes);
    addStats(result.stats, done.stats);
  }
  // Text with a tool name that the parser could not make into a command at all.
  const reportedLines = new Set<number>();
  for (const error of scan.errors) {
    const text = source.slice(error.start, error.end);
    if (recognised.some((c) => c.start < error.end && error.start < c.end)) continue;
    for (const m of text.matchAll(MENTIONS_ALL)) {
      const at = error.start + (m.index ?? 0);
      const lineStart = source.lastIndexOf('\n', at - 1) + 1;
      if (reportedLines.has(lineStart)) continue;
      reportedLines.add(lineStart);
      result.stats.found++;
      result.stats.reported++;
      result.notes.push({
        rule: 'CLI-GEN-001',
        severity: 'warning',
        offset: at,
        message:
          'A train/test command here could not be parsed as shell, so it is not rewritten; check it by hand.',
      });
    }
  }
  return result;
}

/** Applies a shell rewrite to its text. */
export function applyShellRewrite(text: string, rewrite: ShellRewrite): string {
  return rewrite.edits.length ? applyEdits(text, rewrite.edits) : text;
}

/** A stretch of a container that holds shell text: its offset and its masked copy (same length). */
export interface ShellRegion {
  start: number;
  text: string;
  style?: ArgStyle;
}

/** Rewrites several regions of one container; edits and notes use the container's offsets. */
export function rewriteRegions(
  regions: readonly ShellRegion[],
  ctx: TranslateContext,
  style: ArgStyle,
): ShellRewrite {
  const result: ShellRewrite = { edits: [], notes: [], stats: emptyStats() };
  for (const region of regions) {
    if (!MENTIONS_ANY.test(region.text)) continue;
    const done = rewriteShell(region.text, ctx, region.style ?? style);
    for (const e of done.edits) {
      result.edits.push({ start: e.start + region.start, end: e.end + region.start, text: e.text });
    }
    for (const n of done.notes) result.notes.push({ ...n, offset: n.offset + region.start });
    addStats(result.stats, done.stats);
  }
  return result;
}

/** Cheap pre-check: a region that names no MMSegmentation tool needs no parse. */
const MENTIONS_ANY = /tools\/|(dist|slurm)_(train|test)\.sh/;
