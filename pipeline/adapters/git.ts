/**
 * The git adapter: runs the git CLI. The git publish target takes a RunGit, so tests can wrap the real one (to
 * crash after any step) without a fake git.
 */
import { spawn } from 'node:child_process';

export interface GitCall {
  args: string[];
  /** Bytes for git's standard input. */
  input?: string | Uint8Array;
  /** Extra environment (identity, dates, GIT_INDEX_FILE). */
  env?: Record<string, string>;
}

/** Run git; resolves with its standard output, rejects with a GitError when it exits non-zero. */
export type RunGit = (call: GitCall) => Promise<Buffer>;

/** Credentials in a URL (https://user:token@host/…) never reach a message. */
export const redact = (s: string): string => s.replace(/(\/\/)[^/@\s]+@/g, '$1***@');

export class GitError extends Error {
  override name = 'GitError';
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(redact(`git ${args.join(' ')} failed (exit ${code ?? 'signal'}): ${stderr.trim() || 'no message'}`));
  }
}

/** Variables that would point git somewhere else than the repository xxgk names. */
const INHERITED_OUT = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE'];

export const execGit: RunGit = (call) =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...call.env };
    for (const name of INHERITED_OUT) if (!call.env?.[name]) delete env[name];
    const child = spawn('git', call.args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new GitError(call.args, null, `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(call.args, code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => {}); // git may exit before reading all of its input; 'close' reports the outcome
    child.stdin.end(call.input ?? '');
  });
