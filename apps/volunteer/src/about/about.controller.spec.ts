import { volunteerAboutSchema } from '@psc/contracts/volunteer';
import { describe, expect, it } from 'vitest';
import { AboutController } from './about.controller';

describe('about', () => {
  it('names the service, in the shape its contract gives', () => {
    expect(volunteerAboutSchema.parse(new AboutController().about())).toEqual({ service: 'volunteer' });
  });
});
