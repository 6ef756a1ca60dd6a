import { UsageError } from '../errors.js';
import { createSdkDriver } from './sdk.js';
import { createHttpDriver } from './http/driver.js';
export const DRIVER_KINDS = ['sdk', 'http'];
/** Why a driver cannot run with these settings (checked before anything is created), or undefined. */
export function driverProblem(kind, retryMode) {
    if (kind === 'http' && retryMode === 'adaptive') {
        return 'retries.mode adaptive (client-side rate limiting) is only implemented by --driver sdk; use mode standard with --driver http';
    }
    return undefined;
}
export function createDriver(kind, opts) {
    const problem = driverProblem(kind, opts.retryMode);
    if (problem !== undefined)
        throw new UsageError(problem);
    switch (kind) {
        case 'sdk':
            return createSdkDriver(opts);
        case 'http':
            return createHttpDriver(opts);
    }
}
//# sourceMappingURL=index.js.map