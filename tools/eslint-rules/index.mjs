// Workspace lint rules for our own invariants (conventions §2.9), loaded by eslint.config.mjs as plugin `psc`.
import controllerMethodsGuarded from './controller-methods-guarded.mjs';
import kafkaThroughMessaging from './kafka-through-messaging.mjs';
import noUnsupportedAggregation from './no-unsupported-aggregation.mjs';

const plugin = {
  meta: { name: 'psc' },
  rules: {
    'controller-methods-guarded': controllerMethodsGuarded,
    'kafka-through-messaging': kafkaThroughMessaging,
    'no-unsupported-aggregation': noUnsupportedAggregation,
  },
};

export default plugin;

// Nx's @nx/eslint-plugin loads tools/eslint-rules on its own and expects a named `rules` export.
export const rules = plugin.rules;
