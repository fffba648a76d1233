/**
 * Error and warning findings as workflow annotations on their file and line.
 * GitHub shows at most ten annotations of each severity per step, so past
 * that the last one shown says how many more there are and where to read
 * them.
 */
import type { Finding } from '../report/findings.js';

/** Annotations of one severity GitHub shows for a step. */
export const ANNOTATIONS_PER_SEVERITY = 10;

export interface AnnotationProperties {
  title: string;
  file?: string;
  startLine?: number;
}

export interface AnnotationSink {
  error: (message: string, properties: AnnotationProperties) => void;
  warning: (message: string, properties: AnnotationProperties) => void;
}

/**
 * `prefix` turns a finding's path (relative to the migrated folder) into the
 * repository path GitHub places the annotation on.
 */
export function annotate(
  findings: readonly Finding[],
  sink: AnnotationSink,
  options: { prefix?: string; where?: string } = {},
): void {
  const prefix = options.prefix ?? '';
  for (const severity of ['error', 'warning'] as const) {
    const all = findings.filter((f) => f.severity === severity);
    const shown =
      all.length > ANNOTATIONS_PER_SEVERITY ? all.slice(0, ANNOTATIONS_PER_SEVERITY - 1) : all;
    for (const f of shown) {
      sink[severity](f.message, {
        title: `mmseg-migrate ${f.rule}`,
        ...(f.file ? { file: `${prefix}${f.file}` } : {}),
        ...(f.file && f.line > 0 ? { startLine: f.line } : {}),
      });
    }
    const rest = all.length - shown.length;
    if (rest > 0) {
      const noun =
        severity === 'error'
          ? rest === 1
            ? 'error'
            : 'errors'
          : rest === 1
            ? 'warning'
            : 'warnings';
      sink[severity](
        `${rest} more ${noun} not annotated here (GitHub shows ${ANNOTATIONS_PER_SEVERITY} per step): ` +
          `${options.where ?? 'see the job summary'}`,
        { title: `mmseg-migrate: ${rest} more ${noun}` },
      );
    }
  }
}
