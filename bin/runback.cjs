#!/usr/bin/env node
// The `runback` command: runs the built CLI (npm install builds it; `npm run build` rebuilds it).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist-electron', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('Runback is not built yet: run "npm run build" in the Runback folder first.\n');
  process.exit(1);
}
// React's development build (prop checks and warnings for developers) is the default when NODE_ENV
// is unset; printing a PDF with it cost a tenth more processor time for nothing the user sees.
process.env.NODE_ENV ||= 'production';
require(cli).main(process.argv);
