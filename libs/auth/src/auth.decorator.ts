import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { IS_PUBLIC_KEY } from '@psc/server-kit';
import type { Principal, Role } from './roles';

export { IS_PUBLIC_KEY };

export const ROLES_KEY = 'psc:auth:roles';

export type AuthRequest = Request & { principal?: Principal };

type AccessDecorator = <T extends object, Y>(
  target: T,
  key?: string | symbol,
  descriptor?: TypedPropertyDescriptor<Y>,
) => void;

const decidesItself = (route: object) =>
  [IS_PUBLIC_KEY, ROLES_KEY].some((key) => Reflect.hasMetadata(key, route));

/**
 * Sets the guard's metadata and the matching OpenAPI marks. On a class the marks go only to routes without their
 * own @Public/@Roles, because the guard lets the method's decision win and the document must say the same.
 */
function accessDecision(
  metadata: ReturnType<typeof SetMetadata>,
  ...docs: MethodDecorator[]
): AccessDecorator {
  return (target, key, descriptor) => {
    if (key !== undefined && descriptor) {
      metadata(target, key, descriptor);
      for (const doc of docs) doc(target, key, descriptor);
      return;
    }
    const prototype = (target as { prototype: object }).prototype;
    for (const [name, method] of Object.entries(Object.getOwnPropertyDescriptors(prototype))) {
      const route: unknown = method.value;
      if (
        typeof route === 'function' &&
        Reflect.hasMetadata(METHOD_METADATA, route) &&
        !decidesItself(route)
      ) {
        for (const doc of docs) doc(prototype, name, method);
      }
    }
    metadata(target as () => void);
  };
}

/** No token needed. A valid token is still read, so the handler can greet a signed-in person. */
export const Public = (): AccessDecorator =>
  accessDecision(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension('x-public', true));

/** Any one of these roles, at any scope; narrow to the data's scope with assertScope() in the handler. */
export const Roles = (...roles: [Role, ...Role[]]): AccessDecorator =>
  accessDecision(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(), ApiExtension('x-roles', roles));

/** The verified caller; undefined only on a @Public() route called without a (valid) token. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<AuthRequest>().principal,
);
