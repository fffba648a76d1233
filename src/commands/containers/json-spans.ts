/**
 * A JSON reader that keeps the source span of every value, so a notebook or
 * an exec-form array can be edited one string literal at a time and every
 * other byte stays as it was.
 */
export type JsonNode =
  | { t: 'string'; start: number; end: number; value: string }
  | { t: 'array'; start: number; end: number; items: JsonNode[] }
  | { t: 'object'; start: number; end: number; entries: { key: string; value: JsonNode }[] }
  | { t: 'scalar'; start: number; end: number };

/** Parses JSON text; undefined when it is not valid JSON. */
export function parseJsonSpans(text: string, from = 0): JsonNode | undefined {
  let i = from;
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`bad JSON at ${i}`);
  };
  const value = (): JsonNode => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) fail();
      i++;
      return { t: 'string', start, end: i, value: JSON.parse(text.slice(start, i)) as string };
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { t: 'array', start, end: i, items };
      }
      for (;;) {
        items.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { t: 'array', start, end: i, items };
        } else fail();
      }
    }
    if (c === '{') {
      i++;
      const entries: { key: string; value: JsonNode }[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { t: 'object', start, end: i, entries };
      }
      for (;;) {
        const key = value();
        if (key.t !== 'string') fail();
        ws();
        if (text[i] !== ':') fail();
        i++;
        entries.push({ key: (key as { value: string }).value, value: value() });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { t: 'object', start, end: i, entries };
        } else fail();
      }
    }
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail();
    i += m![0].length;
    return { t: 'scalar', start, end: i };
  };
  try {
    const node = value();
    return node;
  } catch {
    return undefined;
  }
}

/** The value of an object's key. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.t === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined;
}
