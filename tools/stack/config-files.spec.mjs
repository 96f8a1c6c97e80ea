import { describe, expect, it } from 'vitest';
import { kafkaClusterId, kafkaProperties } from './kafka.mjs';
import { pgConf } from './postgres.mjs';

const ports = { kafka: 1001, kafkaController: 1002, postgres: 1003, ferret: 1004 };

describe('pgConf', () => {
  it('listens on loopback only, on the given port', () => {
    const conf = pgConf(55432, true);
    expect(conf).toContain('port = 55432\n');
    expect(conf).toContain("listen_addresses = '127.0.0.1'\n");
    expect(conf).toContain("unix_socket_directories = ''\n");
  });

  it('gives up crash safety for throwaway clusters only, and never what a killed server acknowledged', () => {
    expect(pgConf(1, true)).not.toMatch(/fsync|synchronous_commit|full_page_writes/);
    expect(pgConf(1, false)).toContain('fsync = off\nfull_page_writes = off\n');
    expect(pgConf(1, false)).not.toContain('synchronous_commit');
  });
});

describe('kafkaProperties', () => {
  it('runs one KRaft node on the given ports and data dir', () => {
    const props = kafkaProperties(
      {
        root: '/s/kafka',
        config: '/s/kafka/server.properties',
        data: '/s/kafka/data',
        serverLog: '',
        outLog: '',
      },
      ports,
    );
    expect(props).toContain('process.roles=broker,controller\n');
    expect(props).toContain('controller.quorum.voters=1@127.0.0.1:1002\n');
    expect(props).toContain('listeners=PLAINTEXT://127.0.0.1:1001,CONTROLLER://127.0.0.1:1002\n');
    expect(props).toContain('advertised.listeners=PLAINTEXT://127.0.0.1:1001\n');
    expect(props).toContain('log.dirs=/s/kafka/data\n');
  });
});

describe('kafkaClusterId', () => {
  it('is 16 bytes in base64url that never starts with a dash', () => {
    for (let i = 0; i < 200; i++) {
      const id = kafkaClusterId();
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
  });
});
