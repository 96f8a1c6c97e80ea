import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@psc/auth';
import type { SocialorgAbout } from '@psc/contracts/socialorg';

@ApiTags('about')
@Controller('about')
export class AboutController {
  /** Which service answers: anyone may check, without a token, that the gateway's route reaches it. */
  @Get()
  @Public()
  about(): SocialorgAbout {
    return { service: 'socialorg' };
  }
}
