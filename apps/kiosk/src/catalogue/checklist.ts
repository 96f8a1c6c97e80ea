import type { Centre } from '@psc/contracts/catalogue';
import type { CatalogueItem } from '@psc/web-data';
import { i18n } from '../i18n';
import { fee, timeLimit, visits } from './format';

const { t } = i18n.global;

/**
 * What the QR code carries to a resident's phone: plain text, so it reads offline in any scanner, with what to bring
 * and how long it takes. Notes stay on the printed sheet; the code must stay small enough to scan from the screen.
 */
export function checklistText(item: CatalogueItem, centre?: Centre): string {
  const lines = [t('catalogue.checklist.title', { name: item.name })];
  if (centre) lines.push([centre.name, centre.phone].filter(Boolean).join(' '));
  lines.push(t('catalogue.checklist.materials', { count: item.materials.length }));
  item.materials.forEach((m, index) => {
    lines.push(
      [
        `${index + 1}. ${m.name}`,
        t(`catalogue.form.${m.form}`),
        t('catalogue.copies', { count: m.copies }, m.copies),
        // required is the rule (the heading says so); only the exception is marked
        ...(m.deferrable ? [t('catalogue.deferrable')] : []),
      ].join(' · '),
    );
  });
  lines.push(t('catalogue.checklist.limit', { limit: timeLimit(item) }));
  lines.push(t('catalogue.checklist.visits', { visits: visits(item.visits) }));
  lines.push(t('catalogue.checklist.fee', { fee: fee(item.feeFen) }));
  if (item.where) lines.push(t('catalogue.checklist.where', { where: item.where }));
  lines.push(t('item.code', { code: item.code, version: item.version }));
  return lines.join('\n');
}
