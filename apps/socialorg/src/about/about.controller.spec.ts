import { socialorgAboutSchema } from '@psc/contracts/socialorg';
import { describe, expect, it } from 'vitest';
import { AboutController } from './about.controller';

describe('about', () => {
  it('names the service, in the shape its contract gives', () => {
    expect(socialorgAboutSchema.parse(new AboutController().about())).toEqual({ service: 'socialorg' });
  });
});
