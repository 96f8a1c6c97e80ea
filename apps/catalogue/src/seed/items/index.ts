import type { ItemContentInput } from '@psc/contracts/catalogue';
import { civilAssistanceItems } from './civil-assistance';
import { disabilityItems } from './disability';
import { elderlyCareItems } from './elderly-care';
import { employmentItems } from './employment';
import { healthFamilyItems } from './health-family';
import { householdItems } from './household';
import { legalItems } from './legal';
import { partyItems } from './party';
import { socialSecurityItems } from './social-security';
import { venueItems } from './venue';
import { veteransItems } from './veterans';

/** The catalogue a new city starts from: 108 items a community centre handles or handles by proxy. */
export const seedItems: readonly ItemContentInput[] = [
  ...socialSecurityItems,
  ...civilAssistanceItems,
  ...elderlyCareItems,
  ...disabilityItems,
  ...healthFamilyItems,
  ...employmentItems,
  ...veteransItems,
  ...householdItems,
  ...legalItems,
  ...partyItems,
  ...venueItems,
];
