// Preloaded (node --require) when /usr/bin/time is missing: the process's peak RSS (KB) on exit.
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`)
})
