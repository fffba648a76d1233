/**
 * The bundled action (`dist/index.js`, what `action.yml` runs) as a child
 * process with the environment GitHub Actions sets for a step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the bundled action', () => {
  it('declares node24 and its entry point in action.yml', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.outputs)).toEqual(['configs-0x', 'files-scanned']);
  });

  it('scans the workspace and writes outputs and the job summary', () => {
    const work = mkdtempSync(join(tmpdir(), 'mmseg-action-'));
    const output = join(work, 'output');
    const summary = join(work, 'summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    try {
      const run = spawnSync(process.execPath, [join(root, 'dist', 'index.js')], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          GITHUB_WORKSPACE: root,
          GITHUB_OUTPUT: output,
          GITHUB_STEP_SUMMARY: summary,
          INPUT_PATH: 'examples',
          INPUT_INCLUDE: '',
          INPUT_EXCLUDE: 'docker/**',
        },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const outputs = readFileSync(output, 'utf8');
      expect(outputs).toMatch(/configs-0x<<ghadelimiter_[\w-]+\n18\n/);
      expect(outputs).toMatch(/files-scanned<<ghadelimiter_[\w-]+\n27\n/);
      const page = readFileSync(summary, 'utf8');
      expect(page).toContain('<h2>mmseg-migrate scan</h2>');
      expect(page).toContain('<td>configs/fcn/fcn_r50-d8_512x1024_40k_cityscapes_bs4.py</td>');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
