/**
 * Paths on command lines that changed between 0.30.0 and 1.1.1: upstream
 * config files (CLI-GEN-003, from the rename table) and the other scripts
 * under `tools/` (CLI-TOOL-001).
 */
import renames from '../../rules/config-renames.json' with { type: 'json' };
import cli from '../../rules/cli.json' with { type: 'json' };

const CONFIG_RENAMES: Record<string, string> = renames.renames;
const UPSTREAM_DIRS = new Set(Object.keys(CONFIG_RENAMES).map((p) => p.split('/')[1]));
const TOOLS: Record<string, string | null> = cli.tools;
const TOOL_DIRS: Record<string, string> = cli.toolDirs;

export interface PathRename {
  /** The part of the path that changes (`configs/<dir>/<file>.py`). */
  from: string;
  /** Its 1.x form; undefined when an upstream 0.x config has none. */
  to?: string;
}

/**
 * The 1.x name of an upstream config named on a command line. `inRepo` says
 * whether the repository has the file (a repo config keeps its name); when
 * unknown, only the rename table is consulted.
 */
export function configPathRename(
  path: string,
  inRepo: boolean | undefined,
): PathRename | undefined {
  if (inRepo) return undefined;
  const m = /(?:^|\/)(configs\/([^/]+)\/[^/]+\.py)$/.exec(path);
  if (!m) return undefined;
  const to = CONFIG_RENAMES[m[1]];
  if (to !== undefined) return to === m[1] ? undefined : { from: m[1], to };
  return inRepo === false && UPSTREAM_DIRS.has(m[2]) ? { from: m[1] } : undefined;
}

export interface ToolRename {
  from: string;
  /** The 1.x path; null when the tool was removed. */
  to: string | null;
}

/** The 1.x path of another 0.x tool script (not train/test), when it moved or was removed. */
export function toolRename(path: string): ToolRename | undefined {
  for (const [from, to] of Object.entries(TOOLS)) {
    if (path === from || path.endsWith(`/${from}`)) return { from, to };
  }
  for (const [from, to] of Object.entries(TOOL_DIRS)) {
    const at = path.indexOf(from);
    if (at === 0 || (at > 0 && path[at - 1] === '/')) {
      const file = path.slice(at);
      return { from: file, to: to + file.slice(from.length) };
    }
  }
  return undefined;
}
