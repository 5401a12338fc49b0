// `npm run -s ask -- [--json] ["question"]`: one answer for a person, or JSON for scripts (the contract is in
// README.md). With no question, every line of stdin is asked in one conversation, in order.
import { exitQuietlyOnBrokenPipe } from '../terminal/pipe.ts';
import { runAskCli } from './ask-cli.ts';

exitQuietlyOnBrokenPipe();
runAskCli({ argv: process.argv.slice(2), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`ask: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
