import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { type IdleResetOptions, useIdleReset } from './useIdleReset';

function mountClock(options: Partial<IdleResetOptions> = {}) {
  const reset = vi.fn();
  let api!: ReturnType<typeof useIdleReset>;
  const wrapper = mount(
    defineComponent({
      setup() {
        api = useIdleReset({
          idleSeconds: 10,
          warnSeconds: 3,
          hasSomethingToLose: () => true,
          reset,
          ...options,
        });
        return () => h('div');
      },
    }),
  );
  return { reset, api: () => api, wrapper };
}

describe('useIdleReset', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('warns for the last seconds, then resets once', () => {
    const { reset, api } = mountClock();
    vi.advanceTimersByTime(6_000);
    expect(api().remaining.value).toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(api().remaining.value).toBe(2);
    vi.advanceTimersByTime(2_250);
    expect(reset).toHaveBeenCalledTimes(1);
    expect(api().remaining.value).toBeNull();
  });

  it('starts over on any touch', () => {
    const { reset } = mountClock();
    vi.advanceTimersByTime(9_000);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(9_000);
    expect(reset).not.toHaveBeenCalled();
  });

  it('resets quietly when there is nothing to lose', () => {
    const { reset, api } = mountClock({ hasSomethingToLose: () => false });
    vi.advanceTimersByTime(8_000);
    expect(api().remaining.value).toBeNull();
    vi.advanceTimersByTime(2_250);
    expect(reset).toHaveBeenCalledTimes(1);
  });

  it('stops listening when the screen goes away', () => {
    const { reset, wrapper } = mountClock();
    wrapper.unmount();
    vi.advanceTimersByTime(60_000);
    expect(reset).not.toHaveBeenCalled();
  });
});
