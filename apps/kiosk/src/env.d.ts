import 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** what must exist before this screen can show anything */
    needs?: 'resident' | 'challenge';
  }
}
