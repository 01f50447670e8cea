// Finds redis-server for the Redis store's tests (they start their own on a free port: test/node/helpers).
// Missing, as root on Debian: installs Debian's redis-server with apt-get. Otherwise: one line saying how.
import { existsSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

/** True when `redis-server --version` runs from PATH. */
function hasRedis() {
  const result = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return result.status === 0;
}

if (hasRedis()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (isRoot && isDebian) {
  console.log("redis-server not found: installing Debian's redis-server with apt-get…");
  // RUNLEVEL=1: invoke-rc.d does not start the packaged system-wide server (the tests start their own).
  execSync(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends redis-server',
    { stdio: 'inherit' },
  );
  if (hasRedis()) process.exit(0);
}
console.error(
  'redis-server is needed for the Redis store tests: install it (Debian: sudo apt-get install redis-server) and put it on PATH.',
);
process.exit(1);
