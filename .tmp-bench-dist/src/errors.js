// Two kinds of failure the CLI maps to exit codes: a UsageError is the user's input or
// environment being wrong (exit 2: fix the command or the scenario), a RuntimeError is
// something that went wrong while running (exit 3). Anything else is a bug and keeps its stack.
/** Invalid input: bad target, table name clash, unsupported operation on the target. Exit code 2. */
export class UsageError extends Error {
    name = 'UsageError';
}
/** A failure while running: endpoint would not start, seeding gave up. Exit code 3. */
export class RuntimeError extends Error {
    name = 'RuntimeError';
}
//# sourceMappingURL=errors.js.map