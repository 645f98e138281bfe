/**
 * `xxgk build --in`: the folder checked before anything is read or written. A module of its own, importing nothing of
 * the build, so that cli.ts checks --in before it loads the build (a usage error costs a start-up, not the pipeline's
 * modules).
 */
import { constants } from 'node:fs';
import { access, lstat, stat } from 'node:fs/promises';
import { cannotRead, kindOf } from './adapters/fs.ts';
import { UsageError } from './errors.ts';

/** --in must name a folder: anything else is a usage error, said before anything is read or written. */
export async function inputFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch((err: NodeJS.ErrnoException) => err);
  if (found instanceof Error) {
    const dangling = found.code === 'ENOENT' && (await lstat(dir).then((s) => s.isSymbolicLink(), () => false));
    throw new UsageError(`build: --in ${dir}: ${found.code === 'ENOENT' ? (dangling ? 'a symbolic link to nothing' : 'no such folder') : `cannot be read: ${cannotRead(found)}`}; expected a folder of report documents`);
  }
  if (found.isFile()) throw new UsageError(`build: --in ${dir}: a file, not a folder; expected a folder of report documents (to read one file: xxgk parse FILE)`);
  if (!found.isDirectory()) throw new UsageError(`build: --in ${dir}: ${kindOf(found)}, not a folder; expected a folder of report documents`);
  await access(dir, constants.R_OK | constants.X_OK).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`build: --in ${dir}: the folder cannot be read: ${cannotRead(err)}; expected a folder of report documents`);
  });
}
