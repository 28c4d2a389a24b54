// Shared by scripts/bench.mjs and scripts/audit.mjs: run the build step by step with
// wall time and memory, serve a built dist/ with scripts/serve.mjs, format tables.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, delimiter, resolve } from 'node:path';
import { loadavg } from 'node:os';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT = join(ROOT, 'bench-out');
const TIME = '/usr/bin/time';

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Sums the resident memory of a process and all its descendants, from /proc. */
function treeRss(pid) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid ...; comm may contain spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {}
  }
  const inTree = (p) => {
    for (let q = p, hops = 0; q && hops < 64; q = parent.get(q), hops++) if (q === pid) return true;
    return false;
  };
  let bytes = 0;
  for (const p of parent.keys()) {
    if (!inTree(p)) continue;
    try {
      bytes += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * 4096;
    } catch {}
  }
  return bytes;
}

/**
 * The steps of `npm run build`, read from package.json so the bench builds exactly what
 * the project builds: e.g. ['astro build'] (its integrations write _headers and the Pagefind index).
 */
export function buildSteps(cwd = ROOT) {
  const script = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')).scripts.build;
  return script.split('&&').map((s) => s.trim()).filter(Boolean);
}

/**
 * Runs one shell command in cwd with node_modules/.bin first on PATH (as npm does), under
 * /usr/bin/time -v when there is one. Resolves to { ms, maxRssBytes (largest single process),
 * treeRssBytes (largest sum over the process tree, sampled every 100 ms), output }.
 */
export function runStep(command, { cwd = ROOT, log } = {}) {
  const env = { ...process.env, PATH: [join(cwd, 'node_modules/.bin'), join(ROOT, 'node_modules/.bin'), process.env.PATH].join(delimiter), FORCE_COLOR: '0', NO_COLOR: '1' };
  const timed = existsSync(TIME);
  const argv = timed ? [TIME, ['-v', 'sh', '-c', command]] : ['sh', ['-c', command]];
  return new Promise((ok, fail) => {
    const start = performance.now();
    const loadBefore = loadavg()[0];
    const child = spawn(argv[0], argv[1], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let treeRssBytes = 0;
    const sample = () => {
      try {
        treeRssBytes = Math.max(treeRssBytes, treeRss(child.pid));
      } catch {}
    };
    const timer = setInterval(sample, 100);
    setTimeout(sample, 20);
    child.on('error', fail);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - start;
      output = output.replace(/\x1b\[[0-9;]*m/g, '');
      if (log) writeFileSync(log, `$ ${command}\n${output}`);
      const kb = output.match(/Maximum resident set size \(kbytes\): (\d+)/);
      const tail = output.replace(/(Command exited with non-zero status \d+\n)?\tCommand being timed:[\s\S]*$/, '').trim().split('\n').slice(-30).join('\n');
      if (code !== 0) return fail(new Error(`\`${command}\` in ${cwd} exited ${code}${log ? ` (log: ${log})` : ''}\n${tail}`));
      const cpu = output.match(/User time \(seconds\): ([\d.]+)\s+System time \(seconds\): ([\d.]+)/);
      ok({ command, ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null, maxRssBytes: kb ? Number(kb[1]) * 1024 : null, treeRssBytes, load: [loadBefore, loadavg()[0]], output });
    });
  });
}

/** Counts files under dir whose name ends with ext, and their total size. */
export function countFiles(dir, ext) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!ext || e.name.endsWith(ext)) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { files, bytes };
}

/**
 * Builds the project in cwd step by step (the steps of its `npm run build`), logging each
 * step to bench-out/logs/<label>-<n>.log. Returns per-step and total figures.
 */
export async function build(cwd, label) {
  mkdirSync(join(OUT, 'logs'), { recursive: true });
  // A host builds a fresh checkout, with no dist/ to empty first: Astro's emptying of an old one
  // (seconds, for a full dist/) is timed apart and not counted.
  const cleanStart = performance.now();
  rmSync(join(cwd, 'dist'), { recursive: true, force: true });
  const cleanMs = Math.round(performance.now() - cleanStart);
  const steps = [];
  for (const [i, command] of buildSteps(cwd).entries()) {
    process.stderr.write(`  ${label}: ${command} … `);
    const r = await runStep(command, { cwd, log: join(OUT, 'logs', `${label}-${i + 1}.log`) });
    process.stderr.write(`${(r.ms / 1000).toFixed(1)} s\n`);
    steps.push(r);
  }
  const all = steps.map((s) => s.output).join('\n');
  const routes = Number(all.match(/(\d+) page\(s\) built in/)?.[1] ?? NaN);
  const indexed = Number(all.match(/Indexed (\d+) pages/)?.[1] ?? NaN);
  // Pagefind runs inside `astro build` (src/integrations/pagefind.ts), which logs its time.
  const pagefindMs = Number(all.match(/Pagefind: Indexed \d+ pages of \d+ HTML files in (\d+) ms/)?.[1] ?? NaN);
  const routesDone = all.match(/generating static routes[\s\S]*?Completed in ([\d.]+)(m?s)/);
  const html = countFiles(join(cwd, 'dist'), '.html').files;
  const pagefind = countFiles(join(cwd, 'dist/pagefind'));
  const totalMs = steps.reduce((a, s) => a + s.ms, 0);
  const peak = (k) => (steps.some((s) => s[k] != null) ? Math.max(...steps.map((s) => s[k] ?? 0)) : null);
  return {
    steps: steps.map(({ command, ms, cpuMs, maxRssBytes, treeRssBytes, load }) => ({ command, ms: Math.round(ms), cpuMs: cpuMs && Math.round(cpuMs), maxRssBytes, treeRssBytes, load })),
    // Astro's own phases: bundling (vite) and rendering every route to a file.
    astroRoutesMs: routesDone ? Number(routesDone[1]) * (routesDone[2] === 's' ? 1000 : 1) : null,
    astroRoutes: (all.match(/^\S*\s*[├└]─ /gm) ?? []).length,
    totalMs: Math.round(totalMs),
    cleanMs,
    routes,
    htmlPages: html,
    indexedPages: indexed,
    pagefindMs,
    msPerPage: totalMs / html,
    peakProcessRssBytes: peak('maxRssBytes'),
    peakTreeRssBytes: peak('treeRssBytes'),
    pagefindBytes: pagefind.bytes,
    pagefindFiles: pagefind.files,
  };
}

// Never leave a server behind, whatever ends this process.
const servers = new Set();
process.on('exit', () => servers.forEach((c) => c.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    servers.forEach((c) => c.kill('SIGKILL'));
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/**
 * Serves dist (a directory) with the project's own scripts/serve.mjs on a free port.
 * If the server is ended by anything but stop() (another tool's cleanup, say), it is started
 * again on the same port and the restart is counted. Returns { origin, stop(), restarts() }.
 */
export async function serve(dist) {
  const port = await freePort();
  let stopping = false;
  let restarts = 0;
  let child;
  const start = () =>
    new Promise((ok, fail) => {
      child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], {
        cwd: ROOT,
        env: { ...process.env, DIST: dist, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const me = child;
      servers.add(me);
      let output = '';
      let up = false;
      const t = setTimeout(() => fail(new Error(`serve.mjs did not start:\n${output}`)), 15000);
      me.stdout.on('data', (d) => {
        output += d;
        if (!up && /served at/.test(output)) {
          up = true;
          clearTimeout(t);
          ok();
        }
      });
      me.stderr.on('data', (d) => (output += d));
      me.on('exit', (code, signal) => {
        servers.delete(me);
        clearTimeout(t);
        if (!up) return fail(new Error(`serve.mjs exited ${code ?? signal}:\n${output}`));
        if (stopping) return;
        restarts++;
        process.stderr.write(`    ! serve.mjs on port ${port} ended (${signal ?? `exit ${code}`}${output.trim() ? `: ${output.trim().split('\n').slice(-3).join(' / ')}` : ''}); starting it again\n`);
        start().catch((e) => process.stderr.write(`    ! could not restart serve.mjs: ${e.message}\n`));
      });
    });
  await start();
  const stop = () =>
    new Promise((ok) => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return ok();
      child.on('exit', () => ok());
      child.kill('SIGTERM');
    });
  return { origin: `http://127.0.0.1:${port}`, stop, restarts: () => restarts };
}

/** Formats rows (arrays of cells) as a plain-text table; numbers align right. */
export function table(head, rows) {
  const cells = [head, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '—' : String(c))));
  const width = head.map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  const right = head.map((_, i) => rows.every((r) => typeof r[i] === 'number' || /^(—|n\/a|[\d.,×-]+( [A-Za-z/·!]+)?)$/.test(String(r[i] ?? '—'))));
  const line = (r) => r.map((c, i) => (right[i] ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
  return [line(cells[0]), width.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const bytes = (n) => (n == null || Number.isNaN(n) ? '—' : n < 10240 ? `${n.toLocaleString('en')} B` : n < 10 * 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`);
export const ms = (n) => (n == null || Number.isNaN(n) ? '—' : n >= 10000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
