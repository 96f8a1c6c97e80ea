import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePorts, portFree, portOpen } from './ports.mjs';

describe('ports', () => {
  it('hands out distinct free ports in one call', async () => {
    const ports = await freePorts(4);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) expect(await portFree(port)).toBe(true);
  });

  it('sees a listening port as open and not free', async () => {
    const server = net.createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
    const { port } = /** @type {net.AddressInfo} */ (server.address());
    try {
      expect(await portOpen(port)).toBe(true);
      expect(await portFree(port)).toBe(false);
    } finally {
      server.close();
    }
  });
});
