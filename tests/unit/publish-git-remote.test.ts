/** The shared target contract against the git target publishing to a remote (a bare repository behind a file:// URL). */
import { gitHandle } from '../helpers/git-handle.ts';
import { targetContract } from '../contract/target-contract.ts';

// In `npm test` the local and the remote git target share the contract (publish-git.test.ts runs the rest).
// crash-first runs here under test:full only: in `npm test` the git target's crash and resume are the local bare
// repository's crash-correction (steps 1–3, then every sixteenth) and git-http.test.ts's crash before the push.
targetContract('git target (remote, file:// URL)', gitHandle('remote'), ['first', 'again']);
