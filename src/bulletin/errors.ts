// Errors that name the place of the problem, "FILE:LINE: what is wrong", for a person to fix.

/** An error located at a line of a file; the CLI prints its message as it is, without a stack. */
export class LocatedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: ${reason}`, options);
  }
}

/** A bulletin (or a content setting) that cannot be used. */
export class BulletinError extends LocatedError {
  override readonly name = 'BulletinError';
}
