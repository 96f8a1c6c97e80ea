import type { RouteRecordRaw } from 'vue-router';

export type Messages = Record<string, unknown>;

/**
 * One part of the portal, owned by whoever builds it: its pages (records with `meta.roles` and, to be listed in the
 * side navigation, `meta.nav`) and its texts, kept under the area's own top-level key in both languages.
 */
export interface PortalArea {
  routes: RouteRecordRaw[];
  messages: { 'zh-CN': Messages; en: Messages };
}
