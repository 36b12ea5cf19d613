// Test support: run the CLI in-process and capture what it prints.
import { main } from '../../src/cli.ts';
import type { Output } from '../../src/commands/output.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  const stderr: string[] = [];
  const output: Output = {
    print: (text) => (stdout += text),
    error: (line) => stderr.push(line),
    interactive: false,
  };
  const code = await main(argv, output);
  return { code, stdout, stderr: stderr.join('\n') };
}
