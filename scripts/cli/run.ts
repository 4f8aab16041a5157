/** The dispatcher behind scripts/cli/index.ts: `<command> [options]`, `help [command]`, `<command> --help`. */
import { registeredCommands } from './registry';
import { UsageError, type CliCommand, type CliIo } from './types';

export const EXIT_USAGE = 2;

function commandList(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: npm run cli -- <command> [options]     (npm run cli -- <command> --help for its options)',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = registeredCommands(),
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(commandList(commands));
    return EXIT_USAGE;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0];
    const command = topic === undefined ? undefined : commands.find((c) => c.name === topic);
    if (topic !== undefined && !command) {
      io.err(`unknown command "${topic}"\n\n${commandList(commands)}`);
      return EXIT_USAGE;
    }
    io.out(command ? command.usage : commandList(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`unknown command "${name}"\n\n${commandList(commands)}`);
    return EXIT_USAGE;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${command.name}: ${error.message}\n\nusage:\n${command.usage}`);
      return EXIT_USAGE;
    }
    io.err(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
