/**
 * What a migration run produced, as every report renders it: each file's old
 * and new text with its findings, and the findings about the run itself.
 */
import type { Role } from '../scan/classify.js';
import type { Finding } from './findings.js';

/**
 * `changed`: rewritten and verified; `unchanged`: nothing to do;
 * `blocked`: a change was computed but is not delivered (it did not verify,
 * or a base it depends on was blocked), so the file keeps its old text.
 */
export type FileStatus = 'changed' | 'unchanged' | 'blocked';

export interface FileOutcome {
  /** Repository-relative POSIX path. */
  path: string;
  role: Role;
  status: FileStatus;
  before: string;
  /** The new text; equal to `before` unless `status` is `changed`. */
  after: string;
  findings: Finding[];
  /** Configs: the repo-relative files its `_base_` names directly. */
  bases?: string[];
}

export interface MigrationReport {
  /** Absolute path of the repository that was migrated. */
  root: string;
  files: FileOutcome[];
  /** Findings not tied to one file's outcome (unreadable files, scan problems). */
  findings: Finding[];
}
