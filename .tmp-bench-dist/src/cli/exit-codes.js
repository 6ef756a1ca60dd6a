/** ddbench's exit codes, as in k6: one per kind of ending, so CI can tell them apart. */
export const EXIT = {
    pass: 0,
    gateFailed: 1,
    invalidInput: 2,
    runtimeError: 3,
    interrupted: 130,
};
//# sourceMappingURL=exit-codes.js.map