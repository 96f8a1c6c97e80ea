import { flushPromises, mount } from '@vue/test-utils';
import { ElTableColumn } from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import DeskTable from './DeskTable.vue';

interface Row {
  no: string;
  name: string;
}

function table(onOpen?: (row: Row) => void) {
  const rows = ref<Row[]>([
    { no: 'A1', name: '低保' },
    { no: 'A2', name: '临时救助' },
  ]);
  const wrapper = mount(
    defineComponent(
      () => () =>
        h(
          DeskTable<Row>,
          { data: rows.value, rowKey: 'no', rowAttrs: (r: Row) => ({ 'data-no': r.no }), onOpen },
          () => [
            h(ElTableColumn, { prop: 'no', label: '编号' }),
            h(ElTableColumn, { prop: 'name', label: '事项' }),
          ],
        ),
    ),
    { attachTo: document.body },
  );
  return { wrapper, rows };
}

const rendered = async () => {
  await flushPromises();
  await nextTick();
};

describe('DeskTable', () => {
  it('puts the attributes asked for on each row, also on rows that come later', async () => {
    const { wrapper, rows } = table();
    await rendered();
    expect(wrapper.findAll('tr[data-no]').map((tr) => [tr.attributes('data-no'), tr.text()])).toEqual([
      ['A1', 'A1低保'],
      ['A2', 'A2临时救助'],
    ]);
    expect(wrapper.find('tr[data-no]').attributes('tabindex')).toBeUndefined();
    rows.value = [{ no: 'B7', name: '高龄津贴' }, ...rows.value];
    await vi.waitFor(() =>
      expect(wrapper.findAll('tr[data-no]').map((tr) => tr.attributes('data-no'))).toEqual([
        'B7',
        'A1',
        'A2',
      ]),
    );
    wrapper.unmount();
  });

  it('opens a row on click and on Enter when someone listens', async () => {
    const onOpen = vi.fn();
    const { wrapper } = table(onOpen);
    await rendered();
    const second = wrapper.find('tr[data-no="A2"]');
    expect(second.attributes('tabindex')).toBe('0');
    await second.find('td').trigger('click');
    await second.trigger('keydown', { key: 'Enter' });
    await second.trigger('keydown', { key: ' ' });
    expect(onOpen.mock.calls).toEqual([[{ no: 'A2', name: '临时救助' }], [{ no: 'A2', name: '临时救助' }]]);
    wrapper.unmount();
  });
});
