import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import BaseKeypad from './BaseKeypad.vue';

const keypad = (modelValue: string, maxLength?: number) =>
  mount(BaseKeypad, { props: { modelValue, keys: ['1', '2', 'X'], maxLength } });

describe('BaseKeypad', () => {
  it('appends the pressed key', async () => {
    const wrapper = keypad('12');
    await wrapper.get('[data-key="X"]').trigger('click');
    expect(wrapper.emitted('update:modelValue')).toEqual([['12X']]);
  });

  it('removes the last character and clears everything', async () => {
    const wrapper = keypad('121');
    await wrapper.get('[data-key="backspace"]').trigger('click');
    await wrapper.get('[data-key="clear"]').trigger('click');
    expect(wrapper.emitted('update:modelValue')).toEqual([['12'], ['']]);
  });

  it('stops taking characters at the maximum length', async () => {
    const wrapper = keypad('12', 2);
    expect(wrapper.get('[data-key="1"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-key="1"]').trigger('click');
    expect(wrapper.emitted('update:modelValue')).toBeUndefined();
  });
});
