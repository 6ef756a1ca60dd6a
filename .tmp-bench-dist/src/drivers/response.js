// What a successful DynamoDB response says beyond its data: consumed capacity and the part of a
// batch left undone. Pure, shared by every driver (the shapes are the JSON protocol's).
const READ_TYPES = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
export function isReadOp(type) {
    return READ_TYPES.has(type);
}
function num(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
/** Capacity units of one ConsumedCapacity entry: CapacityUnits, else read + write. */
function unitsOf(entry) {
    if (typeof entry !== 'object' || entry === null)
        return 0;
    const e = entry;
    if (typeof e['CapacityUnits'] === 'number')
        return num(e['CapacityUnits']);
    return num(e['ReadCapacityUnits']) + num(e['WriteCapacityUnits']);
}
/**
 * Consumed capacity of a response (`ConsumedCapacity` is one object for single-table calls and
 * an array for batch and transaction calls), counted as read units for reads, write units for
 * writes. 0 when the target reports none.
 */
export function consumedCapacity(type, output) {
    const cc = output['ConsumedCapacity'];
    const units = Array.isArray(cc) ? cc.reduce((sum, entry) => sum + unitsOf(entry), 0) : unitsOf(cc);
    return isReadOp(type) ? { rcu: units, wcu: 0 } : { rcu: 0, wcu: units };
}
/** UnprocessedItems (BatchWriteItem) or UnprocessedKeys (BatchGetItem) count; undefined for other calls. */
export function unprocessedCount(type, output) {
    if (type === 'BatchWriteItem') {
        const byTable = output['UnprocessedItems'];
        if (typeof byTable !== 'object' || byTable === null)
            return 0;
        return Object.values(byTable).reduce((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
    }
    if (type === 'BatchGetItem') {
        const byTable = output['UnprocessedKeys'];
        if (typeof byTable !== 'object' || byTable === null)
            return 0;
        return Object.values(byTable).reduce((sum, entry) => {
            const keys = typeof entry === 'object' && entry !== null ? entry.Keys : undefined;
            return sum + (Array.isArray(keys) ? keys.length : 0);
        }, 0);
    }
    return undefined;
}
//# sourceMappingURL=response.js.map