// for tools that read .ts without Vue's language service (typed ESLint); vue-tsc resolves the real components
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
