/**
 * Where config files are read from. The resolver only sees this interface, so
 * the same code resolves a repository on disk and emitted files held in
 * memory. Both sources refuse paths that leave the repository.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { normalizeRepoPath } from './paths.js';

export interface SourceFiles {
  /** repo-relative POSIX path → bytes, or undefined when missing */
  read(path: string): Uint8Array | undefined;
}

/**
 * Files under `root`. A path is refused (undefined) when it is absolute,
 * climbs out with `..`, or resolves through a symbolic link to somewhere
 * outside the real root; directories and unreadable files are missing too.
 */
export function diskSource(root: string): SourceFiles {
  let realRoot: string | undefined;
  const rootReal = (): string | undefined => {
    if (realRoot === undefined) {
      try {
        realRoot = realpathSync.native(resolve(root));
      } catch {
        return undefined;
      }
    }
    return realRoot;
  };
  return {
    read(path) {
      const rel = normalizeRepoPath(path);
      const top = rootReal();
      if (rel === undefined || top === undefined) return undefined;
      try {
        // One realpath(3) call instead of an lstat per path component.
        const real = realpathSync.native(join(top, ...rel.split('/')));
        const inside = relative(top, real);
        const outside = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
        if (inside === '' || outside) return undefined;
        if (!statSync(real).isFile()) return undefined;
        return readFileSync(real);
      } catch {
        return undefined;
      }
    },
  };
}

/** Files given as a map from repo-relative path to text (stored as UTF-8) or bytes. */
export function memorySource(files: Record<string, string | Uint8Array>): SourceFiles {
  const encoder = new TextEncoder();
  const stored = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(files)) {
    const rel = normalizeRepoPath(path);
    if (rel === undefined) throw new Error(`memorySource: '${path}' is not a repository path`);
    stored.set(rel, typeof content === 'string' ? encoder.encode(content) : content);
  }
  return {
    read(path) {
      const rel = normalizeRepoPath(path);
      return rel === undefined ? undefined : stored.get(rel);
    },
  };
}
