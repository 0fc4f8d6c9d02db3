// Preloaded by `npm run bench` into the process it measures: writes that process's peak RSS (KiB) on exit.
process.on('exit', () => {
  if (process.env.SKILLFORGE_RSS_FILE) {
    require('node:fs').writeFileSync(process.env.SKILLFORGE_RSS_FILE, String(process.resourceUsage().maxRSS));
  }
});
