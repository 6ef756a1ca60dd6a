#!/usr/bin/env node
// npm's `prepare` script: `npm ci` / `npm install` in a checkout build everything (src, tests,
// bench) so `npx ddbench` and `npm test` work at once. `npm pack` and `npm publish` run prepare
// too, after prepack: there prepack has already built what the package ships (src only, no
// source maps: `npm run build:package`), and a full build here would replace it with tests,
// bench and maps the package does not want, so prepare stands aside.
import { spawnSync } from 'node:child_process';

if (['pack', 'publish'].includes(process.env.npm_command ?? '')) process.exit(0);
const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
