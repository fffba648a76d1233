import {
  hunkHolding,
  isShown,
  parsePatch,
  splitLines,
  wholeFilePatch,
} from '../../src/flag/patch.js';
import { pullFilesFromDiff } from '../../src/flag/git-diff.js';
import { lineEdits, suggestionRange } from '../../src/flag/edits.js';

describe('parsePatch', () => {
  it('reads added head lines and the head lines each hunk shows', () => {
    const patch = parsePatch(
      [
        '@@ -1,3 +1,4 @@',
        ' # title',
        '+new line',
        ' kept',
        '-gone',
        '+replaced',
        '@@ -20,2 +21,3 @@ def f():',
        ' a',
        '+b',
        ' c',
      ].join('\n'),
    );
    expect([...patch.added]).toEqual([
      [2, 'new line'],
      [4, 'replaced'],
      [22, 'b'],
    ]);
    expect(patch.hunks).toEqual([
      { start: 1, end: 4 },
      { start: 21, end: 23 },
    ]);
    expect(isShown(patch, 3)).toBe(true);
    expect(isShown(patch, 10)).toBe(false);
    expect(hunkHolding(patch, 2, 4)).toEqual({ start: 1, end: 4 });
    expect(hunkHolding(patch, 4, 21)).toBeUndefined();
  });

  it('keeps the head side still on removed lines and "no newline" markers, and drops CR', () => {
    const patch = parsePatch(
      '@@ -1,2 +1,2 @@\n-a\r\n-b\n\\ No newline at end of file\n+x\r\n+y\n\\ No newline at end of file',
    );
    expect([...patch.added]).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
  });

  it('a hunk that only removes shows no head line', () => {
    const patch = parsePatch('@@ -5,2 +4,0 @@\n-a\n-b');
    expect(patch.hunks).toEqual([{ start: 5, end: 4 }]);
    expect(isShown(patch, 4)).toBe(false);
    expect(isShown(patch, 5)).toBe(false);
  });

  it('an added file without a patch adds every line', () => {
    expect([...wholeFilePatch('a\nb\n').added]).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(wholeFilePatch('').hunks).toEqual([]);
    expect(splitLines('a\r\nb')).toEqual(['a', 'b']);
  });
});

describe('pullFilesFromDiff', () => {
  it('reads git diff output: added, modified, renamed, removed and quoted paths', () => {
    const diff = [
      'diff --git a/README.md b/README.md',
      'index 1111111..2222222 100644',
      '--- a/README.md',
      '+++ b/README.md',
      '@@ -1,2 +1,3 @@',
      ' # t',
      '+--- not a header: an added line that starts with dashes',
      ' x',
      'diff --git a/configs/new.py b/configs/new.py',
      'new file mode 100644',
      'index 0000000..3333333',
      '--- /dev/null',
      '+++ b/configs/new.py',
      '@@ -0,0 +1 @@',
      "+_base_ = './a.py'",
      'diff --git a/old.sh b/tools/new.sh',
      'similarity index 90%',
      'rename from old.sh',
      'rename to tools/new.sh',
      'diff --git a/gone.py b/gone.py',
      'deleted file mode 100644',
      '--- a/gone.py',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x = 1',
      'diff --git "a/docs/caf\\303\\251.md" "b/docs/caf\\303\\251.md"',
      '--- "a/docs/caf\\303\\251.md"',
      '+++ "b/docs/caf\\303\\251.md"',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '',
    ].join('\n');
    expect(pullFilesFromDiff(diff)).toEqual([
      {
        path: 'README.md',
        status: 'modified',
        patch:
          '@@ -1,2 +1,3 @@\n # t\n+--- not a header: an added line that starts with dashes\n x',
      },
      { path: 'configs/new.py', status: 'added', patch: "@@ -0,0 +1 @@\n+_base_ = './a.py'" },
      { path: 'tools/new.sh', status: 'renamed' },
      { path: 'gone.py', status: 'removed', patch: '@@ -1 +0,0 @@\n-x = 1' },
      { path: 'docs/café.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' },
    ]);
  });

  it('reads a plain unified diff without git headers', () => {
    const diff =
      '--- a/x.sh\n+++ b/x.sh\n@@ -1 +1 @@\n-a\n+b\n--- a/y.sh\n+++ b/y.sh\n@@ -1 +1 @@\n-c\n+d\n';
    expect(pullFilesFromDiff(diff).map((f) => [f.path, f.patch])).toEqual([
      ['x.sh', '@@ -1 +1 @@\n-a\n+b'],
      ['y.sh', '@@ -1 +1 @@\n-c\n+d'],
    ]);
  });
});

describe('lineEdits and suggestionRange', () => {
  it('turns a rewrite into runs of replaced head lines', () => {
    const edits = lineEdits('a\nb\nc\nd\n', 'a\nB\nc\nd\ne\n');
    expect(edits).toEqual([
      { start: 2, end: 2, old: ['b'], lines: ['B'] },
      { start: 5, end: 4, old: [], lines: ['e'] },
    ]);
    const head = ['a', 'b', 'c', 'd'];
    expect(suggestionRange(edits[0], head)).toEqual({ start: 2, end: 2, lines: ['B'] });
    // An insertion takes the line before it along.
    expect(suggestionRange(edits[1], head)).toEqual({ start: 4, end: 4, lines: ['d', 'e'] });
  });

  it('an insertion at the top takes the first line along; a deletion suggests nothing in its place', () => {
    const [top] = lineEdits('a\n', 'z\na\n');
    expect(suggestionRange(top, ['a'])).toEqual({ start: 1, end: 1, lines: ['z', 'a'] });
    const [cut] = lineEdits('a\nb\n', 'a\n');
    expect(suggestionRange(cut, ['a', 'b'])).toEqual({ start: 2, end: 2, lines: [] });
  });
});
