// The error a bulletin that cannot be used turns into: always with the file and the line it concerns.

export class BulletinError extends Error {
  override readonly name = 'BulletinError';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: ${reason}`, options);
  }
}
