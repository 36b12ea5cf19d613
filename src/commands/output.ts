// Where commands write for people: stdout for results, stderr for warnings and progress.
export interface Output {
  print(text: string): void;
  error(line: string): void;
  /** True when stderr is a terminal, so progress may redraw one line. */
  interactive: boolean;
}

export const processOutput: Output = {
  print: (text) => process.stdout.write(text),
  error: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY) && process.env.CI !== 'true',
};
