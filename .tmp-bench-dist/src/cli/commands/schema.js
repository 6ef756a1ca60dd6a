import { scenarioJsonSchema } from '../../scenario/json-schema.js';
export function registerSchema(y) {
    return y.command('schema', 'Print the JSON Schema of scenario files (for editors)', {}, () => {
        process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
//# sourceMappingURL=schema.js.map