// The scenario file format as JSON Schema, for editors (YAML and JSON language servers).
// Generated from the zod schema, so it cannot drift from what `ddbench validate` accepts;
// cross-field rules (an operation's required fields, placeholders...) are not expressible
// here and stay in the validator.
import { z } from 'zod';
import { ScenarioFileSchema } from './schema.js';
export function scenarioJsonSchema() {
    return z.toJSONSchema(ScenarioFileSchema, { io: 'input', target: 'draft-2020-12' });
}
//# sourceMappingURL=json-schema.js.map