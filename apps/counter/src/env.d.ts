import 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without signing in */
    public?: boolean;
    /** only in development (the gateway's config says so) */
    devOnly?: boolean;
    /** the roles that open this section (any one of them) */
    roles?: readonly string[];
  }
}
