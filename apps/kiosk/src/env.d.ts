import 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** what must exist before this screen can show anything */
    needs?: 'resident' | 'challenge';
    /** a display nobody touches (the hall's TV): no top bar, and the idle reset leaves it alone */
    unattended?: boolean;
    /** opened from a link on the resident's own phone: the idle reset of a shared kiosk does not apply */
    ownDevice?: boolean;
  }
}
