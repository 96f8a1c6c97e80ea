import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { JSONWebKeySet } from 'jose';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './tokens';

export interface AuthModuleOptions {
  /** AUTH_PUBLIC_KEYS from the app's config (parsed by authConfigShape) */
  publicKeys: JSONWebKeySet;
}

/** Token verification and the global AuthGuard; import once in each app's root module. */
@Global()
@Module({})
export class AuthModule {
  static forRoot({ publicKeys }: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(publicKeys) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
