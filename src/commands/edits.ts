/**
 * Text edits: a plan for one command becomes span replacements in the text
 * it was found in. Removing a word removes the separator before it, so the
 * author's line breaks and indentation stay with the words that remain;
 * words that start a continued line (`\` + newline before them) give their
 * place to what follows them, so the line break stays too.
 */
import type { TextEdit } from '../text-edits.js';
import type { CommandPlan } from './translate.js';
import type { NewArg, Word } from './words.js';

/** How a container writes arguments: shell words, or JSON strings of an exec-form array. */
export interface ArgStyle {
  /** The text of a new argument, or undefined when this container cannot hold it. */
  render(arg: NewArg): string | undefined;
  /** What separates two arguments. */
  separator: string;
}

/** The edits that apply `plan` to the command whose words are `words`; undefined if one cannot be written. */
export function planEdits(
  words: readonly Word[],
  plan: CommandPlan,
  style: ArgStyle,
  source?: string,
): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const renderAll = (args: NewArg[]): string | undefined => {
    const parts = args.map((a) => style.render(a));
    return parts.some((p) => p === undefined) ? undefined : parts.join(style.separator);
  };
  const removed = (i: number): boolean => plan.replace.get(i)?.length === 0;
  const startsLine = (i: number): boolean =>
    source !== undefined && source.slice(words[i - 1].end, words[i].start).includes('\n');
  // A removed run that ends the command on lines of its own: the tail goes in its place.
  let tailSlot: TextEdit | undefined;
  for (let i = 1; i < words.length; i++) {
    if (removed(i)) {
      let j = i;
      while (j + 1 < words.length && removed(j + 1)) j++;
      if (!startsLine(i)) {
        edits.push({ start: words[i - 1].end, end: words[j].end, text: '' });
      } else if (j + 1 < words.length) {
        edits.push({ start: words[i].start, end: words[j + 1].start, text: '' });
      } else {
        tailSlot = { start: words[i].start, end: words[j].end, text: '' };
      }
      i = j;
      continue;
    }
    const replacement = plan.replace.get(i);
    if (replacement) {
      const text = renderAll(replacement);
      if (text === undefined) return undefined;
      if (text !== words[i].text) edits.push({ start: words[i].start, end: words[i].end, text });
    }
  }
  const inserts = new Map<number, string>();
  const insert = (at: number, args: NewArg[]): boolean => {
    if (args.length === 0) return true;
    const text = renderAll(args);
    if (text === undefined) return false;
    inserts.set(at, (inserts.get(at) ?? '') + style.separator + text);
    return true;
  };
  const last = words[words.length - 1].end;
  let tail: NewArg[];
  if (plan.cfgAnchor !== undefined) {
    if (!insert(words[plan.cfgAnchor].end, plan.cfgItems)) return undefined;
    tail = plan.append;
  } else {
    tail = plan.cfgItems.length
      ? [...plan.append, [{ lit: '--cfg-options' }], ...plan.cfgItems]
      : plan.append;
  }
  if (tailSlot !== undefined && tail.length > 0) {
    const text = renderAll(tail);
    if (text === undefined) return undefined;
    edits.push({ ...tailSlot, text });
  } else {
    if (tailSlot !== undefined) {
      // Nothing takes the removed lines' place: they go with the break before them.
      const first = words.findIndex((w) => w.start === tailSlot.start);
      edits.push({ start: words[first - 1].end, end: tailSlot.end, text: '' });
    }
    if (!insert(last, tail)) return undefined;
  }
  for (const [at, text] of inserts) edits.push({ start: at, end: at, text });
  return edits;
}
