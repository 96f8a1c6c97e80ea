import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { OTP_CHALLENGE_MODEL, otpChallengeSchema } from './otp-challenge.model';
import { OtpRateLimiterService } from './otp-rate-limiter.service';
import { RATE_COUNTER_MODEL, rateCounterSchema } from './rate-limit.model';
import { RESIDENT_MODEL, residentSchema } from './resident.model';
import { ResidentOtpService } from './resident-otp.service';
import { ResidentRegistryService } from './resident-registry.service';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: RESIDENT_MODEL, schema: residentSchema },
      { name: OTP_CHALLENGE_MODEL, schema: otpChallengeSchema },
      { name: RATE_COUNTER_MODEL, schema: rateCounterSchema },
    ]),
    AuditModule,
  ],
  controllers: [ResidentsController],
  providers: [ResidentRegistryService, ResidentOtpService, ResidentsService, OtpRateLimiterService],
  exports: [ResidentRegistryService],
})
export class ResidentsModule {}
