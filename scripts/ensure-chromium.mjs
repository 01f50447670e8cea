// Finds Chromium for the browser tests: CHROME_PATH, then /usr/bin/chromium.
// Missing, as root on Debian: installs it with apt-get. Otherwise: one line saying how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { DEBIAN_CHROMIUM } from './chromium.mjs';

const candidates = [process.env.CHROME_PATH, DEBIAN_CHROMIUM].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
if (found) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version');
if (isRoot && isDebian) {
  console.log("Chromium not found: installing Debian's chromium with apt-get…");
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  if (existsSync(DEBIAN_CHROMIUM)) process.exit(0);
}
console.error(
  'Chromium is needed for the browser tests: install it (Debian: sudo apt-get install chromium) or set CHROME_PATH to its executable.',
);
process.exit(1);
