/**
 * A GitHub failure as the operator should read it: a remote that failed (a 5xx that outlasted the retries, a rate
 * limit still there after its retry, a refused or missing token, a dropped connection, a timeout) becomes a
 * RemoteError naming the repository, the API and the step (exit 2). Anything else — a 422 xxgk did not expect — stays
 * as it was: a request xxgk got wrong is a bug to report.
 */
import { RemoteError } from '../errors.ts';
import { isRequestError } from './github-remote.ts';

function describe(err: Error & { status: number }): string {
  const cause = (err as { cause?: unknown }).cause;
  const root = cause instanceof Error ? ((cause as { cause?: unknown }).cause instanceof Error ? (cause as { cause: Error }).cause : cause) : undefined;
  if (cause instanceof Error && cause.name === 'TimeoutError') return 'no answer in time (the request timed out; publish.timeoutMs)';
  if (root && err.status === 500 && !/^HttpError|Server Error/.test(err.message)) return `connection failed (${root.message})`;
  if (err.status === 401) return 'GitHub refused the token (401 Bad credentials): check GITHUB_TOKEN';
  if (err.status === 403 || err.status === 429) return `still rate limited after waiting once (${err.status}); re-run later`;
  return `GitHub answered ${err.status} after the retries`;
}

/** The step a message names ("uploading asset x.zip: …" → "uploading asset x.zip"). */
function stepOf(message: string): { step: string; rest: string } {
  const at = message.indexOf(': ');
  return at > 0 ? { step: message.slice(0, at), rest: message.slice(at + 2) } : { step: 'request', rest: message };
}

export function remoteFailure(err: unknown, remote: string): unknown {
  if (!isRequestError(err)) return err;
  const { status } = err;
  if (!(status >= 500 || status === 401 || status === 403 || status === 429)) return err;
  const { step, rest } = stepOf(err.message);
  return new RemoteError(remote, step, `${describe(err)}: ${rest}`, { cause: err });
}
