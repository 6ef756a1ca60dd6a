import { readFileSync } from 'node:fs';
// dist/src/version.js -> ../../package.json (the same relative path from src/ under tsx)
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
export const VERSION = pkg.version;
//# sourceMappingURL=version.js.map