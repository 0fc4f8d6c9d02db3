#!/usr/bin/env node
// The project CLI: builds dist/ if sources changed, then runs the compiled command. See scripts/cli/main.ts.
const { ensureBuilt, OUT_FILE } = require('./build.cjs');

ensureBuilt();
require(OUT_FILE)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
