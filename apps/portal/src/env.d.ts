import 'vue-router';

/** Where a page sits in the side navigation; pages without it are reached from other pages. */
export interface NavEntry {
  /** i18n key of its label */
  label: string;
  /** the group it is listed under: the organisation's own pages, review, the centre's administration */
  section: 'org' | 'review' | 'admin';
  /** position within the section, lowest first */
  order: number;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without signing in */
    public?: boolean;
    /** the roles that open this page (any one of them); the services refuse the rest anyway */
    roles?: readonly string[];
    nav?: NavEntry;
  }
}
