import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAlive, quote, run, StackError } from './processes.mjs';

describe('quote', () => {
  it('leaves plain words alone and single-quotes the rest so the command can be pasted into a shell', () => {
    expect(quote(['pg_ctl', '-D', '/tmp/a b', "it's"])).toBe(`pg_ctl -D '/tmp/a b' 'it'\\''s'`);
  });
});

describe('isAlive', () => {
  it('knows a running pid only while its command line names what we started', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(process.pid, 'node')).toBe(true);
    expect(isAlive(process.pid, 'no-such-command-line-psc')).toBe(false);
    expect(isAlive(null)).toBe(false);
  });
});

describe('StackError', () => {
  it('names the step, the command and the end of the log', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'psc-stack-spec-')), 'x.log');
    fs.writeFileSync(log, 'first\nlast line\n');
    const error = new StackError('kafka start', 'port 1 in use', { command: 'java -cp x', logFiles: [log] });
    expect(error.step).toBe('kafka start');
    expect(error.message).toContain('[stack] kafka start failed: port 1 in use');
    expect(error.message).toContain('command: java -cp x');
    expect(error.message).toMatch(/last lines of .*x\.log:\n {4}first\n {4}last line/);
  });
});

describe('run', () => {
  it('resolves what the command printed', async () => {
    await expect(run('echo', 'sh', ['-c', 'echo out'])).resolves.toBe('out\n');
  });

  it('rejects with a StackError carrying the exit code and the output', async () => {
    const failing = run('fail', 'sh', ['-c', 'echo broken >&2; exit 3']);
    await expect(failing).rejects.toBeInstanceOf(StackError);
    await expect(failing).rejects.toThrow(/fail failed: exit code 3[\s\S]*output:\n {4}broken/);
  });
});
