export { default as DeskTable } from './DeskTable.vue';
