/**
 * A `git diff` (or any unified diff with git's file headers) read as the
 * list of changed files GitHub gives for a pull request, so the bot's
 * verdict can be had locally: `git diff main... | mmseg-migrate flag --patch -`.
 */
import type { PullFile } from './plan.js';

function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  // git quotes paths with special characters C-style; octal escapes are UTF-8 bytes.
  const bytes: number[] = [];
  const inner = path.slice(1, -1);
  for (let i = 0; i < inner.length; i += 1) {
    const c = inner[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = inner[i + 1];
    const octal = /^[0-7]{3}/.exec(inner.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(
        ({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0),
      );
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `a/x` or `b/x` (or a custom prefix-free path) without its side prefix. */
function sidePath(raw: string): string | undefined {
  const path = unquote(raw.trim().replace(/\t.*$/, ''));
  if (path === '/dev/null') return undefined;
  return path.replace(/^[ab]\//, '');
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

export function pullFilesFromDiff(diff: string): PullFile[] {
  const files: PullFile[] = [];
  let current: PullFile | undefined;
  let hunks: string[] = [];
  // Lines still to come in the current hunk, on the old and the new side.
  let oldLeft = 0;
  let newLeft = 0;
  const finish = () => {
    if (current && current.path !== '') {
      if (hunks.length > 0) current.patch = hunks.join('\n');
      files.push(current);
    }
    current = undefined;
    hunks = [];
  };
  for (const line of diff.split('\n')) {
    if (oldLeft > 0 || newLeft > 0) {
      const mark = line[0];
      if (mark === '\\') {
        hunks.push(line);
        continue;
      }
      if (mark === '-') oldLeft -= 1;
      else if (mark === '+') newLeft -= 1;
      else {
        oldLeft -= 1;
        newLeft -= 1;
      }
      hunks.push(line === '' ? ' ' : line);
      continue;
    }
    const header = HUNK_HEADER.exec(line);
    if (header && current) {
      oldLeft = header[1] === undefined ? 1 : Number(header[1]);
      newLeft = header[2] === undefined ? 1 : Number(header[2]);
      hunks.push(line);
      continue;
    }
    if (line.startsWith('\\') && current) {
      hunks.push(line);
      continue;
    }
    if (line.startsWith('diff --git ')) {
      finish();
      const m = /^diff --git (?:a\/(.+)|"a\/(.+)") (?:b\/(.+)|"b\/(.+)")$/.exec(line);
      const path = m ? (m[3] ?? unquote(`"${m[4]}"`)) : '';
      current = { path, status: 'modified' };
      continue;
    }
    if (line.startsWith('--- ')) {
      // A plain unified diff has no `diff --git` line: a new file starts at its `---`.
      if (!current || hunks.length > 0) {
        finish();
        current = { path: '', status: 'modified' };
      }
      if (sidePath(line.slice(4)) === undefined) current.status = 'added';
      continue;
    }
    if (!current) continue;
    if (line.startsWith('new file mode')) current.status = 'added';
    else if (line.startsWith('deleted file mode')) current.status = 'removed';
    else if (line.startsWith('rename to ')) {
      current.status = 'renamed';
      current.path = unquote(line.slice('rename to '.length));
    } else if (line.startsWith('copy to ')) {
      current.status = 'copied';
      current.path = unquote(line.slice('copy to '.length));
    } else if (line.startsWith('+++ ')) {
      const path = sidePath(line.slice(4));
      if (path === undefined) current.status = 'removed';
      else current.path = path;
    }
  }
  finish();
  return files;
}
