/**
 * Rewrites the mmseg 0.x / mmcv 1.x API uses of one Python script (spec
 * §14) into mmseg 1.x / mmcv 2.x / mmengine, with exact source edits: every
 * byte outside the changed names, imports and arguments is kept. Removed
 * APIs are reported with their 1.x replacement and left as written. The
 * command lines the script runs through `subprocess`/`os.system` go through
 * the command-line rules (§13).
 *
 * Needs `await initParsers({ bash: true })`.
 */
import { rewriteCommandLine, type CommandContext } from './index.js';
import { rewriteScriptWith, type TextRewrite } from './python-api-script.js';

export type { TextRewrite };

/** Rewrites mmseg/mmcv 0.x API uses in one Python script (role 'python'). */
export function rewritePythonScript(
  path: string,
  text: string,
  ctx: CommandContext = {},
): TextRewrite {
  return rewriteScriptWith(path, text, {
    rewriteLine: (command, at) => rewriteCommandLine(command, { ...ctx, ...at }),
    context: ctx,
  });
}
