/**
 * The GitHub Action entry point: scans the workspace and reports what it
 * found in the job summary and the step outputs.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { initParsers } from './python/parse.js';
import { scanRepository } from './scan/scan.js';

function globs(name: string): string[] | undefined {
  const list = core.getMultilineInput(name).filter((line) => line.trim() !== '');
  return list.length > 0 ? list : undefined;
}

export async function run(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const root = resolve(workspace, core.getInput('path') || '.');
  await initParsers();
  const result = await scanRepository(root, {
    include: globs('include'),
    exclude: globs('exclude'),
  });
  const configs = result.files.filter((f) => f.role === 'config' || f.role === 'base-config');
  const old = configs.filter((f) => f.version === '0.x');
  core.setOutput('configs-0x', old.length);
  core.setOutput('files-scanned', result.files.length);
  await core.summary
    .addHeading('mmseg-migrate scan', 2)
    .addRaw(`${result.files.length} files, ${configs.length} configs, ${old.length} on 0.x.`, true)
    .addTable([
      [
        { data: 'file', header: true },
        { data: 'role', header: true },
        { data: 'version', header: true },
      ],
      ...configs.map((f) => [f.path, f.role, f.version ?? '']),
    ])
    .write();
  for (const f of [...result.findings, ...result.files.flatMap((x) => x.findings)]) {
    if (f.severity === 'error')
      core.error(`${f.rule} ${f.message}`, { file: f.file, startLine: f.line || undefined });
  }
}

run().catch((error: unknown) =>
  core.setFailed(error instanceof Error ? error.message : String(error)),
);
