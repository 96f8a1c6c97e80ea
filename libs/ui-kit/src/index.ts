import './tokens.css';

export { default as BaseBanner } from './components/BaseBanner.vue';
export { default as BaseButton } from './components/BaseButton.vue';
export { default as BaseCheckbox } from './components/BaseCheckbox.vue';
export { default as BaseDialog } from './components/BaseDialog.vue';
export { default as BaseDisplay } from './components/BaseDisplay.vue';
export { default as BaseField } from './components/BaseField.vue';
export { default as BaseInput } from './components/BaseInput.vue';
export { default as BaseKeypad } from './components/BaseKeypad.vue';
export { default as BaseSelect } from './components/BaseSelect.vue';
export { default as BaseTextarea } from './components/BaseTextarea.vue';
