import { Injectable } from '@nestjs/common';
import { shanghaiDay } from '@psc/work-calendar';
import { Sequences } from '../shared/sequences.service';

/** Case numbers a resident can read out and type at a kiosk: the Shanghai date and the city's count of the day. */
@Injectable()
export class CaseNumbers {
  constructor(private readonly sequences: Sequences) {}

  async next(now: Date): Promise<string> {
    const day = shanghaiDay(now).replace(/-/g, '').slice(2);
    const seq = await this.sequences.next(`case:${day}`);
    return `${day}${String(seq).padStart(5, '0')}`;
  }
}
