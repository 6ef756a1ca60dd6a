// ddbench's command line: parse -> options -> engine -> exit code. Each command lives in
// commands/<name>.ts and is registered in COMMANDS. Known errors print a clean message;
// unknown ones keep their stack. Signals stop the run cleanly.
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UsageError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import { stopAllEndpoints } from '../endpoints/index.js';
import { VERSION } from '../version.js';
import { stop, outcome } from './io.js';
import { registerRun } from './commands/run.js';
import { registerValidate } from './commands/validate.js';
import { registerSchema } from './commands/schema.js';
import { registerCompare } from './commands/compare.js';
import { registerReport } from './commands/report.js';
const COMMANDS = [registerRun, registerValidate, registerSchema, registerCompare, registerReport];
let signalCount = 0;
function onSignal(signal) {
    signalCount++;
    if (signalCount === 1) {
        stop.requested = true;
        stop.reason = signal === 'SIGINT' ? 'interrupted (SIGINT)' : 'terminated (SIGTERM)';
        process.stderr.write(`\n${signal}: stopping; writing what was measured, deleting the table, stopping the endpoint (${signal === 'SIGINT' ? 'Ctrl-C' : 'signal'} again to quit at once)\n`);
        return;
    }
    void stopAllEndpoints().finally(() => process.exit(EXIT.interrupted));
}
function onFatal(error) {
    process.stderr.write(`ddbench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    void stopAllEndpoints().finally(() => process.exit(EXIT.runtimeError));
}
async function main(argv) {
    let cli = yargs(argv)
        .scriptName('ddbench')
        .version(VERSION)
        .strict()
        .wrap(Math.min(110, process.stdout.columns || 100));
    for (const register of COMMANDS)
        cli = register(cli);
    await cli
        .demandCommand(1, 'name a command (see --help)')
        .fail((msg, err) => {
        if (err)
            throw err;
        throw new UsageError(msg);
    })
        .help()
        .parseAsync();
    return outcome.exitCode;
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('uncaughtException', onFatal);
process.on('unhandledRejection', onFatal);
main(hideBin(process.argv)).then((code) => process.exit(code), (error) => {
    const usage = error instanceof UsageError;
    const known = usage || (error instanceof Error && error.name === 'RuntimeError');
    process.stderr.write(`ddbench: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    const code = usage ? EXIT.invalidInput : stop.requested ? EXIT.interrupted : EXIT.runtimeError;
    void stopAllEndpoints().finally(() => process.exit(code));
});
//# sourceMappingURL=main.js.map