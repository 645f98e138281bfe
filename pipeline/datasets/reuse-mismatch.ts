/** A build that reused the last build's reports found one that is not what it kept: the caller builds in full. */
export class ReuseMismatch extends Error {
  override name = 'ReuseMismatch';
}
