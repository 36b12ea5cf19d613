// Progress of long work for people: one redrawn line on a terminal, nothing in CI logs (a summary follows).
// JIANBAO_TIMINGS=1 prints each step on its own line with the milliseconds since the command started,
// for finding where time goes (see the README's Performance).
import type { Output } from './output.ts';

export interface ProgressReporter {
  step(message: string): void;
  /** Clears the progress line before the summary is printed. */
  done(): void;
}

export function progressReporter(output: Output): ProgressReporter {
  if (process.env.JIANBAO_TIMINGS) return timingsReporter(output);
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

function timingsReporter(output: Output): ProgressReporter {
  const line = (message: string) => output.error(`[${Math.round(performance.now())} ms] ${message}`);
  return { step: line, done: () => {} };
}
