/** What every `npm run cli -- <command>` implements; register new commands in registry.ts. */

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  /** The word after `npm run cli --`, e.g. "graph-export". */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full usage text shown by `<command> --help` and after a usage error. */
  usage: string;
  /** Returns the process exit code. Throw UsageError for bad arguments (exit 2), anything else for failures (exit 1). */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

/** Bad command-line arguments: reported with the command's usage and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
