import { readFileSync } from 'node:fs';

// dist/src/version.js -> ../../package.json (the same relative path from src/ under tsx)
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
export const VERSION: string = pkg.version;
