/**
 * What a failed GitHub request means for the person reading the log: the
 * permission or setting to change, said plainly, with the token never shown.
 */

/** GitHub's answer when the repository does not let workflows open pull requests. */
const ACTIONS_MAY_NOT_CREATE_PRS = /not permitted to create or approve pull requests/i;

export const PULL_REQUEST_PERMISSION_HELP =
  'GitHub Actions is not permitted to create pull requests in this repository. ' +
  'Allow it under Settings → Actions → General → Workflow permissions → ' +
  '"Allow GitHub Actions to create and approve pull requests" ' +
  '(for an organisation, the same setting must also be allowed in the organisation settings), ' +
  'or pass a GitHub App installation token or a personal access token as the `token` input.';

export const WRITE_PERMISSION_HELP =
  'the token may not write to this repository: give the job ' +
  '`permissions: { contents: write, pull-requests: write }` ' +
  '(and check that a pull request from a fork is not running with a read-only token), ' +
  'or pass a GitHub App installation token or a personal access token as the `token` input.';

export const WORKFLOW_PERMISSION_HELP =
  'the migration changes workflow files (.github/workflows/…), which GitHub lets only a token ' +
  'with the workflows permission change: GITHUB_TOKEN never has it. Pass a GitHub App token with ' +
  '"Workflows: write" or a personal access token with the `workflow` scope, or add ' +
  '`.github/workflows/**` to `exclude`.';

interface RequestFailure {
  status: number;
  message: string;
  response?: { data?: unknown };
}

export function isRequestFailure(error: unknown): error is RequestFailure {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** The messages GitHub put in a 4xx body: the top-level one and each validation error's. */
export function failureMessages(error: RequestFailure): string[] {
  const data = error.response?.data;
  const messages = [error.message];
  if (typeof data === 'object' && data !== null) {
    const { message, errors } = data as { message?: unknown; errors?: unknown };
    if (typeof message === 'string') messages.push(message);
    if (Array.isArray(errors)) {
      for (const e of errors) {
        if (typeof e === 'string') messages.push(e);
        else if (typeof e?.message === 'string') messages.push(e.message);
      }
    }
  }
  return messages;
}

export function isPullRequestPermissionDenied(error: unknown): boolean {
  return (
    isRequestFailure(error) &&
    error.status === 403 &&
    failureMessages(error).some((m) => ACTIONS_MAY_NOT_CREATE_PRS.test(m))
  );
}

export function isWorkflowPermissionDenied(error: unknown): boolean {
  return (
    isRequestFailure(error) &&
    failureMessages(error).some((m) =>
      /refusing to allow .* to (create|update|create or update) workflow/i.test(m),
    )
  );
}

export function isPullRequestAlreadyOpen(error: unknown): boolean {
  return (
    isRequestFailure(error) &&
    error.status === 422 &&
    failureMessages(error).some((m) => /a pull request already exists/i.test(m))
  );
}

export function isNotFound(error: unknown): boolean {
  return isRequestFailure(error) && error.status === 404;
}

/** Removes every occurrence of each secret from a text that is about to be shown. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('***');
  }
  return out;
}

/**
 * The one-line reason a run failed, with what to do about it when the cause
 * is a known permission problem, and without any of `secrets`.
 */
export function describeFailure(error: unknown, secrets: readonly string[]): string {
  let text: string;
  if (isPullRequestPermissionDenied(error)) {
    text = PULL_REQUEST_PERMISSION_HELP;
  } else if (isWorkflowPermissionDenied(error)) {
    text = `GitHub refused to update the branch: ${WORKFLOW_PERMISSION_HELP}`;
  } else if (isRequestFailure(error)) {
    const denied =
      error.status === 403 &&
      failureMessages(error).some((m) => /not accessible by integration|permission/i.test(m));
    text = `GitHub answered ${error.status}: ${error.message}${denied ? `; ${WRITE_PERMISSION_HELP}` : ''}`;
  } else {
    text = error instanceof Error ? error.message : String(error);
  }
  return redact(text, secrets);
}
