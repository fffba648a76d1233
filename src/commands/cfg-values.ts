/**
 * `--cfg-options key=value` values as mmcv's and mmengine's `DictAction`
 * read them (CLI-GEN-005): int, then float, then `true`/`false` in any case,
 * then `None`, then `[a,b]` / `(a,b)` / `a,b` as lists and tuples, else a
 * string. Quotes are stripped and spaces removed before parsing.
 */
export type CfgValue =
  | { t: 'int' | 'float' | 'str'; text: string }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'list' | 'tuple'; items: CfgValue[] };

const INT = /^[+-]?\d+(_\d+)*$/;
const FLOAT = /^[+-]?((\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?|inf(inity)?|nan)$/i;

function scalar(text: string): CfgValue {
  if (INT.test(text)) return { t: 'int', text };
  if (FLOAT.test(text)) return { t: 'float', text };
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return { t: 'bool', v: lower === 'true' };
  if (text === 'None') return { t: 'none' };
  return { t: 'str', text };
}

/** Index of the next top-level comma, or the length when there is none. */
function nextComma(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return text.length;
}

function parseIterable(raw: string): CfgValue {
  let text = raw.replace(/^['"]+|['"]+$/g, '').replace(/ /g, '');
  let kind: 'list' | 'tuple' = 'list';
  if (text.startsWith('(') && text.endsWith(')')) {
    kind = 'tuple';
    text = text.slice(1, -1);
  } else if (text.startsWith('[') && text.endsWith(']')) {
    text = text.slice(1, -1);
  } else if (!text.includes(',')) {
    return scalar(text);
  }
  const items: CfgValue[] = [];
  while (text.length > 0) {
    const comma = nextComma(text);
    items.push(parseIterable(text.slice(0, comma)));
    text = text.slice(comma + 1);
  }
  return { t: kind, items };
}

/** The value of one `key=value` item, as the config will see it. */
export function parseCfgValue(text: string): CfgValue {
  return parseIterable(text);
}

/** The text of a value in `--cfg-options` syntax (re-parsing it gives the same value). */
export function formatCfgValue(value: CfgValue): string {
  switch (value.t) {
    case 'int':
    case 'float':
    case 'str':
      return value.text;
    case 'bool':
      return value.v ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${value.items.map(formatCfgValue).join(',')}]`;
    case 'tuple':
      return `(${value.items.map(formatCfgValue).join(',')})`;
  }
}

/** The value as a list of items: a list or tuple as is, a single value as a one-item list. */
export function asItems(value: CfgValue): CfgValue[] {
  return value.t === 'list' || value.t === 'tuple' ? value.items : [value];
}

export const cfgStr = (text: string): CfgValue => ({ t: 'str', text });
export const cfgList = (items: CfgValue[]): CfgValue => ({ t: 'list', items });

/** The number a value holds, when it is an int or a float. */
export function cfgNumber(value: CfgValue): number | undefined {
  if (value.t !== 'int' && value.t !== 'float') return undefined;
  const n = Number(value.text.replace(/_/g, ''));
  return Number.isNaN(n) ? undefined : n;
}
