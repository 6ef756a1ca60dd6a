// ddbench's command line: parse -> options -> engine -> exit code. Each command lives in
// commands/<name>.ts and is registered in COMMANDS. Known errors print a clean message;
// unknown ones keep their stack. Signals stop the run cleanly.
import { hideBin } from 'yargs/helpers';
import { UsageError } from '../errors.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { stopAllEndpoints } from '../endpoints/index.js';
import { control } from './io.js';
import { requestCrashStop } from '../engine/guard.js';
import { redactSecrets } from '../safety/redact.js';
import { runCli } from './parser.js';
import { explainTargetError } from './target-errors.js';
import { COMMANDS } from './commands.js';

let signalCount = 0;

function onSignal(signal: NodeJS.Signals): void {
  signalCount++;
  if (signalCount === 1) {
    control.stop('interrupted', signal === 'SIGINT' ? 'interrupted (SIGINT)' : 'terminated (SIGTERM)');
    process.stderr.write(`\n${signal}: stopping; writing what was measured, deleting the table, stopping the endpoint (${signal === 'SIGINT' ? 'Ctrl-C' : 'signal'} again to quit at once)\n`);
    return;
  }
  // quit at once: what was recorded is written synchronously; stopping the endpoints starts here
  // (each one's first step is synchronous) and the exit hook signals what is left (endpoints/registry.ts)
  process.stderr.write(`\n${signal} again: quitting at once\n`);
  control.sayLastWords();
  void stopAllEndpoints();
  process.exit(EXIT.interrupted);
}

/** How long a run may take, after an uncaught error, to write what it measured before the process exits 3. */
const FATAL_GRACE_MS = 30_000;
let fatalCount = 0;

function onFatal(error: unknown): void {
  process.stderr.write(redactSecrets(`ddbench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
  if (fatalCount++ === 0) {
    // a run in progress stops and writes its partial summary, .hlog and report (marked incomplete), then exits 3
    requestCrashStop(control, (t) => void process.stderr.write(redactSecrets(t)), `internal error: ${error instanceof Error ? error.message : String(error)}`);
    setTimeout(() => void stopAllEndpoints().finally(() => process.exit(EXIT.runtimeError)), FATAL_GRACE_MS);
    return;
  }
  void stopAllEndpoints().finally(() => process.exit(EXIT.runtimeError));
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('uncaughtException', onFatal);
process.on('unhandledRejection', onFatal);

runCli(hideBin(process.argv), COMMANDS).then(
  // an uncaught error outside any run (its state still running) still fails the process
  (code) => process.exit(fatalCount > 0 && code === EXIT.pass ? exitCodeFor({ state: control.state, error: 'runtime' }) : code),
  (error: unknown) => {
    // credentials, IAM, DNS, connection and setup-throttling failures: one line saying what to do
    const explained = error instanceof UsageError ? undefined : explainTargetError(error);
    if (explained !== undefined) {
      process.stderr.write(redactSecrets(`ddbench: ${explained.line}\n`));
      const code = exitCodeFor({ state: control.state, error: explained.exitCode === EXIT.invalidInput ? 'invalid-input' : 'runtime' });
      void stopAllEndpoints().finally(() => process.exit(code));
      return;
    }
    const usage = error instanceof UsageError;
    const known = usage || (error instanceof Error && error.name === 'RuntimeError');
    // an error the target answered (an AWS service exception: it carries $metadata) is a fact about
    // the target, not a bug in ddbench: its name and message say it all, a stack trace would not
    const fromTarget = error instanceof Error && typeof (error as { $metadata?: unknown }).$metadata === 'object';
    const text = known
      ? (error as Error).message
      : fromTarget
        ? `the target answered ${(error as Error).name}: ${(error as Error).message}`
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(redactSecrets(`ddbench: ${text}\n`));
    const code = exitCodeFor({ state: control.state, error: usage ? 'invalid-input' : 'runtime' });
    void stopAllEndpoints().finally(() => process.exit(code));
  },
);
