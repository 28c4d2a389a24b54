// `npm test`: everything, in the order that fails fastest — data validation, then the type check
// beside the build (they need different things and neither waits for the other), then the unit and
// file-level tests over dist/, then the browser tests. Prints how long each step took.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const times = [];

/** Runs `npm run <script>`; with `quiet`, its output is held back and shown only if it fails. */
function run(script, { quiet = false } = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: process.platform === 'win32' });
    let held = '';
    child.stdout?.on('data', (d) => (held += d));
    child.stderr?.on('data', (d) => (held += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      times.push([script, (performance.now() - started) / 1000]);
      if (quiet) process.stdout.write(code === 0 ? `${script}: ok\n` : held);
      code === 0 ? resolve() : reject(new Error(`npm run ${script} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

const started = performance.now();
try {
  await run('validate');
  await Promise.all([run('check', { quiet: true }), run('build')]);
  await run('test:unit');
  await run('test:e2e');
} catch (e) {
  console.error(`\n${e.message}`);
  process.exitCode = 1;
} finally {
  console.log(`\nnpm test: ${times.map(([s, t]) => `${s} ${t.toFixed(0)} s`).join(' · ')} · in all ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
