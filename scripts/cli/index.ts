/**
 * `npm run cli -- <command> [options]`: developer and analysis commands (graph export, searches,
 * later coverage/equity). Commands are listed in registry.ts; exit code 2 = bad arguments.
 */
import { runCli } from './run';

runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
