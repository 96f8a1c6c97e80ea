// Local TCP ports: is one open, is one free, and free ones to hand out.

import net from 'node:net';

/** @param {number} port @param {string} [host] @returns {Promise<boolean>} */
export function portOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('timeout', () => (s.destroy(), resolve(false)));
    s.once('error', () => resolve(false));
  });
}

/** @param {number} port @returns {Promise<boolean>} */
export function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * Several ports are held open together so one call never hands out the same port twice.
 * @param {number} n
 */
export async function freePorts(n) {
  /** @type {net.Server[]} */
  const servers = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = net.createServer();
      await new Promise((res, rej) => (s.once('error', rej), s.listen(0, '127.0.0.1', () => res(undefined))));
      servers.push(s);
    }
    return servers.map((s) => /** @type {net.AddressInfo} */ (s.address()).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

export async function freePort() {
  return (await freePorts(1))[0];
}
