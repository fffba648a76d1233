/**
 * A one-line progress indicator on stderr, drawn only when stderr is a
 * terminal, so logs and pipes stay clean.
 */
export interface Progress {
  tick(label?: string): void;
  done(): void;
}

export function createProgress(
  total: number,
  what: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY || total < 50) return { tick() {}, done() {} };
  let count = 0;
  let last = 0;
  return {
    tick(label = '') {
      count += 1;
      const now = Date.now();
      if (now - last < 80 && count < total) return;
      last = now;
      const line = `${what} ${count}/${total} ${label}`.slice(0, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${line}`);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
