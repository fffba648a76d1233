/**
 * Every rule ID the code can report is documented in rules/*.json with a
 * severity, a summary, a reason and an example, like a linter's rule index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface RuleDoc {
  severity: string;
  summary: string;
  why: string;
  example: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));

function documented(): Map<string, RuleDoc> {
  const docs = new Map<string, RuleDoc>();
  for (const name of readdirSync(join(root, 'rules')).filter((n) => n.endsWith('.json'))) {
    const data = JSON.parse(readFileSync(join(root, 'rules', name), 'utf8')) as {
      rules?: Record<string, RuleDoc>;
    };
    for (const [id, doc] of Object.entries(data.rules ?? {})) {
      expect(docs.has(id)).toBe(false);
      docs.set(id, doc);
    }
  }
  return docs;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(join(dir, d.name))
      : d.name.endsWith('.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

describe('rule documentation', () => {
  const docs = documented();

  it('has a severity, summary, reason and example for each rule', () => {
    expect(docs.size).toBeGreaterThan(0);
    for (const [id, doc] of docs) {
      expect({ id, ok: ['info', 'warning', 'error'].includes(doc.severity) }).toEqual({
        id,
        ok: true,
      });
      for (const field of ['summary', 'why', 'example'] as const) {
        expect({
          id,
          field,
          filled: typeof doc[field] === 'string' && doc[field].length > 0,
        }).toEqual({
          id,
          field,
          filled: true,
        });
      }
    }
  });

  it('documents every rule ID that the source code reports', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /['"`]([A-Z]{2,8}(?:-[A-Z]+)?-\d{3})['"`]/g,
      )) {
        used.add(m[1]);
      }
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((id) => !docs.has(id)).sort()).toEqual([]);
  });
});
