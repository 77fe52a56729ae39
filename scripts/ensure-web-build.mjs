// Builds the web app when dist/web is missing or older than its sources, so `npm start` serves
// the current UI without rebuilding on every start.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'dist', 'web', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const sources = ['web', 'common', 'vite.config.ts'].map((p) => path.join(root, p)).filter((p) => fs.existsSync(p));
const sourceTime = Math.max(...sources.map((p) => (fs.statSync(p).isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)));
if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sourceTime) {
  console.log('Building the web app (once, or after its sources change)...');
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}
