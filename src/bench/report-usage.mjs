// Preloaded into a measured child process: writes its peak memory and CPU time to $JIANBAO_USAGE_FILE
// when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.JIANBAO_USAGE_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.JIANBAO_USAGE_FILE,
    JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicroseconds: usage.userCPUTime + usage.systemCPUTime }),
  );
});
