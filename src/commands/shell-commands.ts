/**
 * The simple commands of a piece of shell text, found with tree-sitter-bash:
 * each command's words with their spans and literal values, and whether it
 * touches a parse error (such a command is reported, never rewritten).
 */
import { parseBash, type SyntaxNode } from '../python/parse.js';
import { shellLiteral, type Word } from './words.js';

export interface ShellCommand {
  start: number;
  end: number;
  /** `NAME=value` words before the command name. */
  assignments: Word[];
  /** The command name and its arguments, in order. */
  words: Word[];
  /** The command lies inside a statement with a parse error. */
  broken: boolean;
}

export interface ShellScan {
  commands: ShellCommand[];
  /** Spans of parse errors, for reporting text that could not become a command. */
  errors: { start: number; end: number }[];
}

const NOT_ARGUMENTS = new Set([
  'variable_assignment',
  'file_redirect',
  'heredoc_redirect',
  'herestring_redirect',
  'comment',
]);

function wordOf(node: SyntaxNode): Word {
  const text = node.text;
  return { start: node.startIndex, end: node.endIndex, text, value: shellLiteral(text) };
}

/** Parses shell text (needs `await initParsers({ bash: true })`) and lists its simple commands. */
export function scanShell(source: string): ShellScan {
  const tree = parseBash(source);
  try {
    const commands: ShellCommand[] = [];
    const errors: { start: number; end: number }[] = [];
    const visit = (node: SyntaxNode, broken: boolean): void => {
      if (node.type === 'ERROR' || node.isMissing) {
        errors.push({ start: node.startIndex, end: node.endIndex });
      }
      // A statement with an error anywhere inside is unreliable as a whole.
      const inBroken = broken || node.hasError;
      if (node.type === 'command') {
        const assignments: Word[] = [];
        const words: Word[] = [];
        for (const child of node.namedChildren) {
          if (!child) continue;
          if (child.type === 'variable_assignment') assignments.push(wordOf(child));
          else if (child.type === 'command_name') words.push(wordOf(child));
          else if (!NOT_ARGUMENTS.has(child.type)) words.push(wordOf(child));
        }
        commands.push({
          start: node.startIndex,
          end: node.endIndex,
          assignments,
          words,
          broken: inBroken,
        });
      }
      for (const child of node.children) if (child) visit(child, inBroken);
    };
    for (const top of tree.rootNode.children) if (top) visit(top, false);
    // An error on a command's lines (an unterminated quote after it) breaks it too.
    const lineStart = (at: number): number => source.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = (at: number): number => {
      const nl = source.indexOf('\n', at);
      return nl < 0 ? source.length : nl;
    };
    for (const error of errors) {
      const from = lineStart(error.start);
      const to = lineEnd(error.end);
      for (const c of commands) if (c.start <= to && from <= c.end) c.broken = true;
    }
    return { commands, errors };
  } finally {
    tree.delete();
  }
}
