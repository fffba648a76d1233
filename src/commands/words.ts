/**
 * One argument of a command line as written: its source span and, when it
 * holds no expansion, the literal string the program receives. New
 * arguments are built from pieces: literal text, or source text copied from
 * a word (a `$VAR` value is carried over as written).
 */
export interface Word {
  /** Offsets into the text the command was found in. */
  start: number;
  end: number;
  /** Source text of the word. */
  text: string;
  /** The argument after quote removal; undefined when it contains an expansion. */
  value?: string;
}

/** A new argument: literal text (to be quoted for its container) or source text copied verbatim. */
export type Piece = { lit: string } | { raw: string };
export type NewArg = Piece[];

export const lit = (text: string): NewArg => [{ lit: text }];

/**
 * The string a shell word stands for, or undefined when it has a `$`
 * expansion or a command substitution. Globs and braces are kept as text:
 * documentation writes `[--out FILE]` and `{config}` as placeholders.
 */
export function shellLiteral(text: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return undefined;
      out += text.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        const d = text[i];
        if (d === '$' || d === '`') return undefined;
        if (d === '\\' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1])) {
          if (text[i + 1] !== '\n') out += text[i + 1];
          i += 2;
        } else {
          out += d;
          i++;
        }
      }
      if (i >= text.length) return undefined;
      i++;
    } else if (c === '\\') {
      if (i + 1 < text.length && text[i + 1] !== '\n') out += text[i + 1];
      i += 2;
    } else if (c === '$' || c === '`') {
      return undefined;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const SAFE_SHELL = /^[\w.,:/=@%+-]+$/;

/** Shell text for a literal argument, quoted only when the shell would change it. */
export function shellQuote(value: string, quote: '"' | "'" = '"'): string {
  if (value !== '' && SAFE_SHELL.test(value)) return value;
  if (quote === "'" && !value.includes("'")) return `'${value}'`;
  return `"${value.replace(/[\\"$`]/g, (m) => `\\${m}`)}"`;
}

/** Shell text of a new argument: literal runs quoted, raw pieces as written. */
export function renderShellArg(arg: NewArg, quote: '"' | "'" = '"'): string {
  let out = '';
  let run = '';
  const flush = (): void => {
    if (run !== '') out += shellQuote(run, quote);
    run = '';
  };
  for (const piece of arg) {
    if ('lit' in piece) run += piece.lit;
    else {
      flush();
      out += piece.raw;
    }
  }
  flush();
  return out;
}

/** The literal string of a new argument, or undefined when it copies a non-literal word. */
export function argLiteral(arg: NewArg): string | undefined {
  let out = '';
  for (const piece of arg) {
    if ('raw' in piece) return undefined;
    out += piece.lit;
  }
  return out;
}

/** A word as a piece: its literal value when known, else its source text. */
export function wordPiece(word: Word): Piece {
  return word.value !== undefined ? { lit: word.value } : { raw: word.text };
}
