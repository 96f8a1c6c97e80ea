import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dockerfile = readFileSync(path.join(root, 'deploy/Dockerfile'), 'utf8');
const copied = dockerfile
  .split('\n')
  .filter((line) => /^COPY (?!--from)/.test(line))
  .flatMap((line) => line.split(/\s+/).slice(1, -1));

describe('deploy/Dockerfile', () => {
  it('copies every root file the UI builds import, so each vite.config.mts builds in the image', () => {
    const imports = (/** @type {string} */ file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/from '\.\/([^']+)'/g)].map((m) => m[1]);
    const needed = ['vite.shared.mts', ...imports('vite.shared.mts')];
    expect(needed.filter((file) => !copied.includes(file))).toEqual([]);
    expect(dockerfile).toContain('for config in apps/*/vite.config.mts');
  });

  it('ships the built UIs where the gateway looks for them (WEB_ROOT dist/web, relative to /app)', () => {
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/src\/dist\/web dist\/web$/m);
  });

  it("installs the volunteer service's certificate font in the image it runs in", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/apt-get install[^\n]*fonts-noto-cjk/);
    const config = readFileSync(path.join(root, 'apps/volunteer/src/config.ts'), 'utf8');
    // where Debian's fonts-noto-cjk puts it
    expect(config).toContain(".default('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc')");
  });
});
