/**
 * Two trees of files' difference as `git diff` prints it (`diff --git`, mode lines
 * for added and removed files, three lines of context), for tests that need
 * a pull request's diff without a git binary.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** The diff from `base` to `head`, files in path order. */
export function gitDiff(base: Map<string, string>, head: Map<string, string>): string {
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
  let out = '';
  for (const path of paths) {
    const before = base.get(path);
    const after = head.get(path);
    if (before === after) continue;
    const patch = createTwoFilesPatch(
      before === undefined ? '/dev/null' : `a/${path}`,
      after === undefined ? '/dev/null' : `b/${path}`,
      before ?? '',
      after ?? '',
      undefined,
      undefined,
      { context: 3, headerOptions: FILE_HEADERS_ONLY },
    );
    const mode =
      before === undefined
        ? 'new file mode 100644\n'
        : after === undefined
          ? 'deleted file mode 100644\n'
          : '';
    out += `diff --git a/${path} b/${path}\n${mode}${patch}`;
  }
  return out;
}
