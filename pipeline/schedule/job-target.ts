/** Where the job's output goes: its root folder, and the publish target its config names. */
import { dirname, join } from 'node:path';
import type { Clock } from '../adapters/clock.ts';
import { type Config, releaseMeta } from '../config.ts';
import { workDirFor } from '../publish/cli-publish.ts';
import { gitTarget } from '../publish/git-target.ts';
import { type GithubTargetOptions, githubTarget } from '../publish/github-target.ts';
import type { PublishTarget } from '../publish/types.ts';

export const defaultRoot = (config: Config): string => join(dirname(config.file), 'output');

export function configTarget(
  config: Config,
  outDir: string,
  clock: Clock,
  github: Pick<GithubTargetOptions, 'fetch' | 'client'> = {},
): PublishTarget {
  const workDir = workDirFor(outDir);
  const { target, branch } = config.publish;
  const meta = releaseMeta(config);
  if (target.kind === 'github') {
    return githubTarget({
      owner: target.owner, repo: target.name, branch, baseUrl: config.github.apiUrl, clock, meta,
      timeoutMs: config.publish.timeoutMs, retries: config.publish.retries,
      ...(config.github.token ? { token: config.github.token } : {}),
      stateDir: join(workDir, 'github', target.owner, target.name),
      ...github,
    });
  }
  return gitTarget({ repo: target.location, branch, workDir, clock, meta, timeoutMs: config.publish.timeoutMs });
}
