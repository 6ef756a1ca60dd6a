// TableSpec -> CreateTable input, and the check that an existing table can serve a scenario.
// Pure, so the shape DynamoDB receives is tested without an endpoint.
import { UsageError } from '../errors.js';
export const RUN_TAG_KEY = 'ddbench:run';
function keySchema(partitionKey, sortKey) {
    const schema = [{ AttributeName: partitionKey.name, KeyType: 'HASH' }];
    if (sortKey)
        schema.push({ AttributeName: sortKey.name, KeyType: 'RANGE' });
    return schema;
}
function projection(p) {
    if (p === 'ALL' || p === 'KEYS_ONLY')
        return { ProjectionType: p };
    return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...p.include] };
}
/** Every key attribute of the table and its indexes, once; a name declared with two types is an error. */
export function attributeDefinitions(spec) {
    const types = new Map();
    const add = (attr, where) => {
        if (!attr)
            return;
        const seen = types.get(attr.name);
        if (seen !== undefined && seen !== attr.type) {
            throw new UsageError(`table.${where}: attribute "${attr.name}" is a key of type ${attr.type} here but ${seen} elsewhere; one attribute has one type`);
        }
        types.set(attr.name, attr.type);
    };
    add(spec.partitionKey, 'partitionKey');
    add(spec.sortKey, 'sortKey');
    spec.indexes.forEach((index, i) => {
        add(index.partitionKey, `indexes[${i}].partitionKey`);
        add(index.sortKey, `indexes[${i}].sortKey`);
    });
    return [...types].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}
export function createTableInput(spec, tags) {
    const provisioned = spec.billingMode === 'PROVISIONED';
    const throughput = { ReadCapacityUnits: spec.readCapacityUnits ?? 5, WriteCapacityUnits: spec.writeCapacityUnits ?? 5 };
    return {
        TableName: spec.name,
        AttributeDefinitions: attributeDefinitions(spec),
        KeySchema: keySchema(spec.partitionKey, spec.sortKey),
        BillingMode: spec.billingMode,
        ...(provisioned ? { ProvisionedThroughput: throughput } : {}),
        ...(spec.indexes.length > 0
            ? {
                GlobalSecondaryIndexes: spec.indexes.map((index) => ({
                    IndexName: index.name,
                    KeySchema: keySchema(index.partitionKey, index.sortKey),
                    Projection: projection(index.projection),
                    // Provisioned GSIs get the table's throughput: a scenario names one number per table.
                    ...(provisioned ? { ProvisionedThroughput: throughput } : {}),
                })),
            }
            : {}),
        ...(tags && Object.keys(tags).length > 0 ? { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
    };
}
/** Why an existing table cannot serve the spec (empty when it can): keys and indexes must match. */
export function schemaMismatches(spec, table) {
    const problems = [];
    const typeOf = new Map((table.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
    const describe = (schema) => (schema ?? []).map((k) => `${k.AttributeName}:${typeOf.get(k.AttributeName) ?? '?'} (${k.KeyType})`).join(', ');
    const expected = (pk, sk) => [`${pk.name}:${pk.type} (HASH)`, ...(sk ? [`${sk.name}:${sk.type} (RANGE)`] : [])].join(', ');
    const want = expected(spec.partitionKey, spec.sortKey);
    const have = describe(table.KeySchema);
    if (want !== have)
        problems.push(`key schema is ${have}, the scenario expects ${want}`);
    for (const index of spec.indexes) {
        const found = table.GlobalSecondaryIndexes?.find((g) => g.IndexName === index.name);
        if (!found) {
            problems.push(`index "${index.name}" is missing`);
            continue;
        }
        const wantIndex = expected(index.partitionKey, index.sortKey);
        const haveIndex = describe(found.KeySchema);
        if (wantIndex !== haveIndex)
            problems.push(`index "${index.name}" keys are ${haveIndex}, the scenario expects ${wantIndex}`);
    }
    return problems;
}
//# sourceMappingURL=schema.js.map