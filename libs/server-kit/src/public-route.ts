import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

/** Read by @psc/auth's guard; defined here so the operational routes every app has can be public too. */
export const IS_PUBLIC_KEY = 'psc:auth:public';

/** Health and metrics: polled by orchestrators and Prometheus, which carry no user token. */
export const OpsRoute = () =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension('x-public', true));
