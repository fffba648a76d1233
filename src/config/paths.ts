/**
 * Repository-relative POSIX paths: normalising them, and joining a `_base_`
 * entry onto the directory of the file that names it (as mmengine's
 * `osp.join(osp.dirname(filename), base)` does), without ever leaving the
 * repository.
 */

/** No empty, `.` or `..` segment, no leading or trailing slash, no backslash, NUL or drive. */
const ALREADY_NORMAL = /^(?![A-Za-z]:)(?:(?!\.\.?(?:\/|$))[^/\\\0]+\/)*(?!\.\.?$)[^/\\\0]+$/;

/**
 * `a/./b/../c.py` → `a/c.py`. Returns undefined for a path that cannot name
 * a file inside the repository: empty, absolute (`/x`, `\x`, `C:…`), holding a
 * NUL, or climbing above the root with `..`.
 */
export function normalizeRepoPath(path: string): string | undefined {
  // Most paths asked for are already normal: one test instead of a split and a join.
  if (ALREADY_NORMAL.test(path)) return path;
  return normalizeSegments(path);
}

function normalizeSegments(path: string): string | undefined {
  if (path === '' || path.includes('\0')) return undefined;
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

/** The directory of a repository-relative path, `''` for a file at the root (Python's `osp.dirname`). */
export function repoDirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The path a `_base_` entry names, relative to the repository; undefined when it leaves the repository. */
export function joinBasePath(file: string, base: string): string | undefined {
  if (base.startsWith('/') || base.startsWith('\\') || /^[A-Za-z]:/.test(base)) return undefined;
  const dir = repoDirname(file);
  return normalizeRepoPath(dir === '' ? base : `${dir}/${base}`);
}

/** Python's `osp.basename` / `osp.splitext` pieces of a path, as the predefined variables use them. */
export function fileNameParts(path: string): {
  fileDirname: string;
  fileBasename: string;
  fileBasenameNoExtension: string;
  fileExtname: string;
} {
  const fileBasename = path.slice(path.lastIndexOf('/') + 1);
  // splitext ignores leading dots: `.bashrc` has no extension.
  const stem = fileBasename.replace(/^\.+/, '');
  const dot = stem.lastIndexOf('.');
  const fileExtname = dot < 0 ? '' : stem.slice(dot);
  return {
    fileDirname: repoDirname(path),
    fileBasename,
    fileBasenameNoExtension: fileBasename.slice(0, fileBasename.length - fileExtname.length),
    fileExtname,
  };
}
