// Progress of long work for people: one redrawn line on a terminal, nothing in CI logs (a summary follows).
import type { Output } from './output.ts';

export interface ProgressReporter {
  step(message: string): void;
  /** Clears the progress line before the summary is printed. */
  done(): void;
}

export function progressReporter(output: Output): ProgressReporter {
  if (!output.interactive) return { step: () => {}, done: () => {} };
  let shown = false;
  return {
    step: (message) => {
      process.stderr.write(`\r\x1b[2K… ${message}`);
      shown = true;
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
