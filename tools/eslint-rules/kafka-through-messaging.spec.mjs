import rule from './kafka-through-messaging.mjs';
import { runRuleTests } from './rule-tester.mjs';

const error = (source = 'kafkajs') => ({ messageId: 'noKafkajs', data: { source } });

runRuleTests('kafka-through-messaging', rule, {
  valid: [
    { code: "import { Kafka } from 'kafkajs';", filename: 'libs/messaging/src/kafka.client.ts' },
    { code: "import type { Producer } from 'kafkajs';", filename: 'libs/testing/src/kafka.ts' },
    { code: "import { Kafka } from 'kafkajs';", filename: 'tools/bench/relay.mjs' },
    { code: "import { Kafka } from 'kafkajs';", filename: `${process.cwd()}/libs/messaging/src/consumer.ts` },
    {
      code: "import { Outbox } from '@psc/messaging';",
      filename: 'apps/catalogue/src/items/items.service.ts',
    },
    { code: "import { Kafka } from 'kafkajs-lookalike';", filename: 'apps/catalogue/src/x.ts' },
    {
      code: "import { Kafka } from 'kafkajs';",
      filename: 'apps/e2e/src/world.ts',
      options: [{ allow: ['apps/e2e/**'] }],
    },
  ],
  invalid: [
    {
      code: "import { Kafka } from 'kafkajs';",
      filename: 'apps/catalogue/src/items/items.service.ts',
      errors: [error()],
    },
    {
      code: "import { Kafka } from 'kafkajs';",
      filename: `${process.cwd()}/apps/insight/src/main.ts`,
      errors: [error()],
    },
    {
      code: "import type { KafkaMessage } from 'kafkajs';",
      filename: 'libs/server-kit/src/x.ts',
      errors: [error()],
    },
    { code: "export { logLevel } from 'kafkajs';", filename: 'libs/contracts/src/x.ts', errors: [error()] },
    { code: "export * from 'kafkajs';", filename: 'libs/persistence/src/x.ts', errors: [error()] },
    { code: "const k = await import('kafkajs');", filename: 'apps/gateway/src/x.ts', errors: [error()] },
    { code: "const k = require('kafkajs');", filename: 'apps/gateway/src/x.ts', errors: [error()] },
    { code: "import k = require('kafkajs');", filename: 'apps/gateway/src/x.ts', errors: [error()] },
    {
      code: "import x from 'kafkajs/some/deep';",
      filename: 'apps/gateway/src/x.ts',
      errors: [error('kafkajs/some/deep')],
    },
    // a folder that merely starts like an allowed one is not allowed
    {
      code: "import { Kafka } from 'kafkajs';",
      filename: 'libs/messaging-extra/src/x.ts',
      errors: [error()],
    },
    // explicit options replace the defaults
    {
      code: "import { Kafka } from 'kafkajs';",
      filename: 'libs/messaging/src/kafka.client.ts',
      options: [{ allow: ['tools/**'] }],
      errors: [error()],
    },
  ],
});
