import { i18n } from '../i18n';

const DIGITS = '零一二三四五六七八九';

/** "请 B003 号到 2 号窗口": what the hall display writes. */
export const callText = (number: string, window: string): string =>
  i18n.global.t('hall.call', { number, window });

/**
 * What the hall display says aloud, always in Mandarin: the ticket's digits one by one (B零零三, as callers read
 * them, never "B three"), the window as a number.
 */
export const spokenCall = (number: string, window: string): string =>
  `请 ${number.replace(/\d/g, (d) => DIGITS[Number(d)])} 号，到 ${window} 号窗口`;

/** Reads a call out where the browser can; a display without speech (or a headless test) just stays silent. */
export function speak(text: string): void {
  try {
    if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.85;
    speechSynthesis.speak(utterance);
  } catch {
    // no voice installed, or the browser refuses speech before a touch: the screen still shows the call
  }
}
