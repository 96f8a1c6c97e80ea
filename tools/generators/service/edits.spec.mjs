import { describe, expect, it } from 'vitest';
import { addDeployment, addImport, addProperty, nextFreePort, registryPorts, render } from './edits.mjs';

const registry = `export const SERVICES = {
  gateway: { port: 3000, proxied: false },
  catalogue: { port: 3101, testEnv: { SEED_CATALOGUE: 'false' } },
  insight: { port: 3105 },
} as const satisfies Record<string, ServiceSpec>;
`;

describe('service generator edits', () => {
  it('reads the registry ports and takes the lowest free one', () => {
    const ports = registryPorts(registry);
    expect(ports).toEqual({ gateway: 3000, catalogue: 3101, insight: 3105 });
    expect(nextFreePort(ports)).toBe(3102);
    expect(nextFreePort({ ...ports, a: 3102, b: 3103, c: 3104 })).toBe(3106);
  });

  it('adds a property to the named object, with or without a trailing comma, and refuses a second one', () => {
    const added = addProperty(registry, 'SERVICES', 'socialorg: { port: 3102 }');
    expect(registryPorts(added)).toMatchObject({ insight: 3105, socialorg: 3102 });
    const noTrailing = 'const SLICES = { a: A } as const;';
    expect(addProperty(noTrailing, 'SLICES', 'b: B')).toBe('const SLICES = { a: A,\nb: B, } as const;');
    expect(addProperty('const E = {};', 'E', 'b: B')).toBe('const E = {\nb: B,};');
    expect(() => addProperty(added, 'SERVICES', 'socialorg: { port: 3103 }')).toThrow(
      /already has socialorg/,
    );
    expect(() => addProperty(registry, 'EVENTS', 'x: X')).toThrow(/no object literal named EVENTS/);
  });

  it('adds an import in order among the relative ones', () => {
    const text =
      "import { z } from 'zod';\nimport { A } from './affairs/errors';\nimport { M } from './slices';\n\nx;\n";
    expect(addImport(text, "import { C } from './catalogue/errors';")).toBe(
      "import { z } from 'zod';\nimport { A } from './affairs/errors';\nimport { C } from './catalogue/errors';\nimport { M } from './slices';\n\nx;\n",
    );
    expect(addImport("import { A } from './a';\n\nx;\n", "import { Z } from './z';")).toBe(
      "import { A } from './a';\nimport { Z } from './z';\n\nx;\n",
    );
  });

  it('tells the gateway where the new service is and appends its manifests', () => {
    const yaml =
      'data:\n  LOG_LEVEL: info\n  CATALOGUE_URL: http://catalogue:3000\n  PUBLIC_ORIGIN: x\n---\nkind: Service\n';
    expect(addDeployment(yaml, 'socialorg', '---\nkind: Deployment\n')).toBe(
      'data:\n  LOG_LEVEL: info\n  CATALOGUE_URL: http://catalogue:3000\n  SOCIALORG_URL: http://socialorg:3000\n' +
        '  PUBLIC_ORIGIN: x\n---\nkind: Service\n---\nkind: Deployment\n',
    );
  });

  it('fills in the three spellings of the name', () => {
    expect(render('{{name}} {{Name}}Config {{NAME}}_EVENTS', 'volunteer')).toBe(
      'volunteer VolunteerConfig VOLUNTEER_EVENTS',
    );
  });
});
