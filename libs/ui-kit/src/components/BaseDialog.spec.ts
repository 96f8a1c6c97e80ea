import { mount } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import BaseDialog from './BaseDialog.vue';

// the simulated DOM lays nothing out, and focus-trap takes an element without boxes for hidden
beforeAll(() => {
  Element.prototype.getClientRects = function () {
    return [this.getBoundingClientRect()] as unknown as DOMRectList;
  };
});

const Host = defineComponent({
  props: { withControls: { type: Boolean, default: true } },
  setup(props) {
    const open = ref(false);
    const closeAsked = ref(0);
    return () => [
      h('button', { id: 'opener', onClick: () => (open.value = true) }, '打开'),
      h(
        BaseDialog,
        { open: open.value, title: '确认', onClose: () => (closeAsked.value += 1) },
        {
          default: () => (props.withControls ? h('input', { id: 'first' }) : h('p', '只是一条消息')),
          actions: () =>
            props.withControls && [
              h('button', { id: 'cancel', onClick: () => (open.value = false) }, '取消'),
              h('button', { id: 'confirm' }, '确定'),
            ],
        },
      ),
    ];
  },
});

const active = () => document.activeElement as HTMLElement | null;
const press = (key: string, shiftKey = false) =>
  active()!.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }));

async function openDialog(withControls = true) {
  const wrapper = mount(Host, { props: { withControls }, attachTo: document.body });
  const opener = wrapper.get<HTMLButtonElement>('#opener').element;
  opener.focus();
  opener.click();
  // focus-trap moves focus in once the event that opened the dialog is over
  await vi.waitFor(() => expect(document.querySelector('[role=dialog]')?.contains(active())).toBe(true));
  return { wrapper, opener };
}

describe('BaseDialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('moves focus into the dialog when it opens and back to the opener when it closes', async () => {
    const { opener, wrapper } = await openDialog();
    expect(active()?.id).toBe('first');
    (document.getElementById('cancel') as HTMLButtonElement).click();
    await nextTick();
    expect(document.querySelector('[role=dialog]')).toBeNull();
    await vi.waitFor(() => expect(active()).toBe(opener));
    wrapper.unmount();
  });

  it('keeps Tab and Shift-Tab inside the dialog', async () => {
    const { wrapper } = await openDialog();
    document.getElementById('confirm')!.focus();
    press('Tab');
    expect(active()?.id).toBe('first');
    press('Tab', true);
    expect(active()?.id).toBe('confirm');
    wrapper.unmount();
  });

  it('asks its owner to close on Escape', async () => {
    const { wrapper } = await openDialog();
    press('Escape');
    expect(wrapper.findComponent(BaseDialog).emitted('close')).toHaveLength(1);
    wrapper.unmount();
  });

  it('focuses the dialog itself when it holds nothing to focus', async () => {
    const { wrapper } = await openDialog(false);
    expect(active()?.getAttribute('role')).toBe('dialog');
    wrapper.unmount();
  });
});
