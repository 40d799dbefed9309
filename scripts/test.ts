// `npm test`: the type check, unit tests, build, checks over dist/ and end-to-end tests, in that
// dependency order but using both cores: the type check and the unit tests need neither each other nor
// the build, and each keeps about one core busy, so they run side by side (the build cannot join them:
// it and `astro check` both regenerate .astro/). Output of steps that run side by side is held and
// printed whole as each ends, so their logs never interleave. Like a `&&` chain, a failed stage stops
// the run, but only after every step in it has finished, so all of its failures are shown; the exit
// code is non-zero when any step failed.
//   node scripts/test.ts
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  command: string;
}

const STAGES: Step[][] = [
  [
    { name: 'type check', command: 'astro check' },
    { name: 'unit tests', command: 'vitest run --project unit' },
  ],
  [{ name: 'build', command: 'npm run build' }],
  [{ name: 'checks over dist/ and end-to-end tests', command: 'vitest run --project dist --project e2e' }],
];

interface Outcome {
  step: Step;
  ok: boolean;
  seconds: number;
}

/** Runs one step through the shell (npm puts node_modules/.bin on PATH); holds its output when `hold`. */
function run(step: Step, hold: boolean): Promise<Outcome & { output: string }> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(step.command, {
      shell: true,
      stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      // Held output goes to a pipe; keep the colours the terminal would have shown.
      env: hold && process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.stderr?.on('data', (c: Buffer) => chunks.push(c));
    const finish = (ok: boolean, extra = '') =>
      done({ step, ok, seconds: (performance.now() - started) / 1000, output: Buffer.concat(chunks).toString() + extra });
    child.on('error', (error) => finish(false, `\n${error.message}\n`));
    child.on('close', (code, signal) => finish(code === 0, signal ? `\nstopped by ${signal}\n` : ''));
  });
}

const outcomes: Outcome[] = [];
const total = performance.now();
for (const stage of STAGES) {
  const hold = stage.length > 1;
  if (hold) console.log(`\n▶ ${stage.map((s) => s.name).join(' and ')}, side by side (each one's output follows when it ends)`);
  const results = await Promise.all(
    stage.map(async (step) => {
      if (!hold) console.log(`\n▶ ${step.name}: ${step.command}`);
      const result = await run(step, hold);
      if (hold) process.stdout.write(`\n── ${step.name}: ${step.command} ──\n${result.output}`);
      return result;
    }),
  );
  outcomes.push(...results);
  if (results.some((r) => !r.ok)) break;
}

console.log('\nnpm test:');
for (const o of outcomes) console.log(`  ${o.ok ? 'passed' : 'FAILED'}  ${o.step.name} (${o.seconds.toFixed(0)} s)`);
const skipped = STAGES.flat().slice(outcomes.length);
for (const s of skipped) console.log(`  skipped ${s.name}`);
console.log(`  total ${((performance.now() - total) / 1000).toFixed(0)} s`);
process.exitCode = outcomes.every((o) => o.ok) && skipped.length === 0 ? 0 : 1;
