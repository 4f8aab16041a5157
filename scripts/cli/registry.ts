/**
 * Every command `npm run cli` knows. To add one (e.g. coverage, equity): write it in its own file
 * exporting CliCommand objects (see graph-commands.ts) and append them here.
 */
import { coverageCommand } from './coverage-command';
import { equityCommands } from './equity-commands';
import { graphCommands } from './graph-commands';
import type { CliCommand } from './types';

export function registeredCommands(): CliCommand[] {
  return [...graphCommands(), coverageCommand, ...equityCommands()];
}
