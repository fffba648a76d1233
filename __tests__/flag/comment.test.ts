import { fenced, nextState, readFlagState, renderFlagComment } from '../../src/flag/comment.js';
import type { FlagItem, FlagPlan } from '../../src/flag/plan.js';
import { GITHUB_BODY_LIMIT } from '../../src/report/markdown.js';

function item(key: string, line: number, message: string, rule = 'FLAG-001'): FlagItem {
  return { key, rule, severity: 'warning', file: 'README.md', line, message };
}

function plan(items: FlagItem[], extra: Partial<FlagPlan> = {}): FlagPlan {
  return { filterMode: 'added', items, suggestions: [], converted: [], analysed: 1, ...extra };
}

describe('renderFlagComment', () => {
  it('lists the findings and carries them in a state the next run reads back', () => {
    const first = renderFlagComment(plan([item('aa', 3, 'old `--load-from`')]), undefined, {
      lineUrl: (p, l) => `https://github.com/o/r/blob/abc/${p}#L${l}`,
    });
    expect(first.clear).toBe(false);
    expect(first.body).toContain('1 finding on the lines this pull request adds (1 warning)');
    expect(first.body).toContain('[`README.md`](<https://github.com/o/r/blob/abc/README.md#L3>)');
    expect(first.body).toContain('old \\`--load-from\\`');
    expect(readFlagState(first.body)).toEqual(first.state);
    expect(Object.keys(first.state.open)).toEqual(['aa']);
  });

  it('strikes through what was fixed since the last run, and says all clear when nothing is left', () => {
    const before = renderFlagComment(
      plan([item('aa', 3, 'first'), item('bb', 9, 'second')]),
      undefined,
    );
    const now = renderFlagComment(plan([item('bb', 8, 'second')]), readFlagState(before.body));
    expect(now.body).toContain('Fixed since an earlier run');
    expect(now.body).toContain('~~first~~');
    expect(now.body).not.toContain('~~second~~');
    const clear = renderFlagComment(plan([]), readFlagState(now.body));
    expect(clear.clear).toBe(true);
    expect(clear.body).toMatch(/^### mmseg-migrate: all clear ✅/);
    expect(clear.body).toContain('~~first~~');
    expect(clear.body).toContain('~~second~~');
    // A problem that comes back is open again, not fixed.
    const back = renderFlagComment(plan([item('aa', 3, 'first')]), readFlagState(clear.body));
    expect(Object.keys(back.state.open)).toEqual(['aa']);
    expect(Object.keys(back.state.fixed)).toEqual(['bb']);
  });

  it('shows converted files in collapsed blocks whose fence no backtick run inside can close', () => {
    const text = 'x = 1\n# ```` four backticks\n';
    const body = renderFlagComment(
      plan([item('aa', 1, 'm', 'FLAG-002')], {
        converted: [{ path: 'configs/a.py', text, added: true }],
      }),
      undefined,
    ).body;
    expect(body).toContain(
      '<summary><code>configs/a.py</code> — as added here, converted for MMSegmentation 1.x</summary>',
    );
    expect(body).toContain('`````python\nx = 1\n# ```` four backticks\n`````\n');
    expect(fenced('a', 'suggestion')).toBe('```suggestion\na\n```\n');
  });

  it("stays within GitHub's comment limit: large files say where to read them, rows are cut last", () => {
    const big = 'x = 1\n'.repeat(20000);
    const items = Array.from({ length: 3000 }, (_, i) =>
      item(i.toString(16), i + 1, `finding ${i} `.repeat(5)),
    );
    const out = renderFlagComment(
      plan(items, { converted: [{ path: 'configs/big.py', text: big, added: true }] }),
      undefined,
      { runUrl: 'https://github.com/o/r/actions/runs/1' },
    );
    expect(out.body.length).toBeLessThan(GITHUB_BODY_LIMIT - 100);
    expect(out.body).toMatch(
      /\d+ more findings are in the job summary of https:\/\/github.com\/o\/r\/actions\/runs\/1/,
    );
    expect(out.body).toContain(
      'Too long to show here: see the job summary of https://github.com/o/r/actions/runs/1.',
    );
    expect(Object.keys(out.state.open)).toHaveLength(60);
  });

  it('ignores a state block that is not ours to read', () => {
    expect(readFlagState('<!-- mmseg-migrate:flag-state not-base64!! -->')).toBeUndefined();
    expect(readFlagState('no state here')).toBeUndefined();
    expect(nextState([item('aa', 1, 'm')], undefined).fixed).toEqual({});
  });
});
