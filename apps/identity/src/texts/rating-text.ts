import type { EventData } from '@psc/contracts';

export const RATING_TEXT_PURPOSE = '办件办结后短信邀请评价';

/** The text inviting a resident to rate a delivered case, with the link that signs them in for that alone. */
export function ratingText(origin: string, data: EventData<'affairs.case.rating-invited'>): string {
  const link = new URL(`/kiosk/rate/${encodeURIComponent(data.caseNo)}`, origin);
  link.searchParams.set('t', data.token);
  return `【党群服务中心】您办理的“${data.itemName}”已办结（办件号 ${data.caseNo}），请为本次服务评价：${link.href}`;
}
