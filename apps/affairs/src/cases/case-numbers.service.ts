import { Injectable } from '@nestjs/common';
import { shanghaiDay } from '@psc/work-calendar';
import { SequencesService } from '../shared/sequences.service';

/**
 * Case numbers a resident can read out and type at a kiosk: the Shanghai date and the city's count of the day. Taken
 * twenty at a time, which spares a write per intake; a restart or another replica leaves gaps, never duplicates.
 */
@Injectable()
export class CaseNumbersService {
  constructor(private readonly sequences: SequencesService) {}

  async next(now: Date): Promise<string> {
    const day = shanghaiDay(now).replace(/-/g, '').slice(2);
    const seq = await this.sequences.next(`case:${day}`, 20);
    return `${day}${String(seq).padStart(5, '0')}`;
  }
}
