#!/usr/bin/env node
// The project CLI: builds dist/ if sources changed, then runs the compiled command. See scripts/cli/main.ts.
const { ensureBuilt, OUT_FILE } = require('./build.cjs');

// `npm run report -- --env prod | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

ensureBuilt();
require(OUT_FILE)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
