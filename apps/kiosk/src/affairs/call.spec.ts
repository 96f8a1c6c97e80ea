import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { callText, speak, spokenCall } from './call';

describe('calling a number in the hall', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
    vi.unstubAllGlobals();
  });

  it('writes the call for the display in the kiosk language', () => {
    expect(callText('B003', '2')).toBe('请 B003 号到 2 号窗口');
    i18n.global.locale.value = 'en';
    expect(callText('B003', '2')).toBe('Number B003, please go to window 2');
  });

  it('reads the ticket digits one by one in Mandarin', () => {
    expect(spokenCall('B003', '2')).toBe('请 B零零三 号，到 2 号窗口');
    expect(spokenCall('A120', '12')).toBe('请 A一二零 号，到 12 号窗口');
  });

  it('speaks where the browser can, and stays silent without speech', () => {
    vi.stubGlobal('speechSynthesis', undefined);
    expect(() => speak('请 B零零三 号')).not.toThrow();

    const spoken: { text: string; lang: string }[] = [];
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        lang = '';
        rate = 1;
        constructor(readonly text: string) {}
      },
    );
    vi.stubGlobal('speechSynthesis', { speak: (u: { text: string; lang: string }) => spoken.push(u) });
    speak('请 B零零三 号');
    expect(spoken).toEqual([expect.objectContaining({ text: '请 B零零三 号', lang: 'zh-CN' })]);

    vi.stubGlobal('speechSynthesis', {
      speak: () => {
        throw new Error('not allowed');
      },
    });
    expect(() => speak('请 B零零三 号')).not.toThrow();
  });
});
