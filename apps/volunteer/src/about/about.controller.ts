import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@psc/auth';
import type { VolunteerAbout } from '@psc/contracts/volunteer';

@ApiTags('about')
@Controller('about')
export class AboutController {
  /** Which service answers: anyone may check, without a token, that the gateway's route reaches it. */
  @Get()
  @Public()
  about(): VolunteerAbout {
    return { service: 'volunteer' };
  }
}
