#!/usr/bin/env node
// The `runback` command: runs the built CLI (npm install builds it; `npm run build` rebuilds it).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist-electron', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('Runback is not built yet: run "npm run build" in the Runback folder first.\n');
  process.exit(1);
}
require(cli).main(process.argv);
