// Preloaded into a measured child process: writes its peak memory to $JIANBAO_USAGE_FILE when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.JIANBAO_USAGE_FILE)
    writeFileSync(
      process.env.JIANBAO_USAGE_FILE,
      JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }),
    );
});
