/** The shared target contract against the git target publishing to a remote (a bare repository behind a file:// URL). */
import { gitHandle } from '../helpers/git-handle.ts';
import { targetContract } from '../contract/target-contract.ts';

// In `npm test` the local and the remote git target share the contract (publish-git.test.ts runs the rest).
targetContract('git target (remote, file:// URL)', gitHandle('remote'), ['first', 'again', 'crash-first']);
