import rule from './controller-methods-guarded.mjs';
import { runRuleTests } from './rule-tester.mjs';

/** @param {string} className @param {string} method @param {string} route */
const unguarded = (className, method, route) => ({
  messageId: 'unguarded',
  data: { className, method, route, guards: '@Public(), @Roles(), @UseGuards(), @Auth()' },
});

const nest =
  "import { Controller, Get, Post, Put, Patch, Delete, Sse, All, UseGuards } from '@nestjs/common';\n" +
  "import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';\n";

runRuleTests('controller-methods-guarded', rule, {
  valid: [
    // guarded on the method, each kind of guard
    `${nest}@Controller('a') class A { @Public() @Get() list() {} @Roles('staff') @Post() create() {} }`,
    `${nest}@Controller('a') class A { @UseGuards(JwtGuard) @Put(':id') put() {} @Patch() @Auth() patch() {} }`,
    // guarded on the class covers every handler
    `${nest}@Roles('admin') @Controller('a') class A { @Get() a() {} @Delete() b() {} @Sse() c() {} @All() d() {} }`,
    `${nest}@Controller() @UseGuards(JwtGuard) export class A { @Get() a() {} }`,
    // methods that are not HTTP handlers need nothing: helpers, and Kafka handlers in a consumer controller
    `${nest}@Controller('a') class A { helper() {} }`,
    `${nest}@Controller() class AConsumer { @EventPattern('a.b.c') apply(@Payload() e, @Ctx() fx) {} }`,
    `${nest}@Controller() class A { @MessagePattern('a.b.c') answer() {} @Public() @Get() open() {} }`,
    "import * as ms from '@nestjs/microservices'; import { Controller } from '@nestjs/common';\n" +
      "@Controller() class A { @ms.EventPattern('a.b.c') apply() {} }",
    // a class that is not a controller is out of scope
    `${nest}@Injectable() class S { @Get() notAHandler() {} }`,
    'class Plain { get value() { return 1; } }',
    // renamed imports resolve to the exported name
    "import { Public as Open } from '@psc/auth'; import { Get as HttpGet, Controller } from '@nestjs/common';\n" +
      '@Controller() class A { @Open() @HttpGet() a() {} }',
    // namespace-style decorators
    "import * as common from '@nestjs/common';\n@common.Controller() class A { @Public() @common.Get() a() {} }",
    // class expressions
    `${nest}const A = @Controller() @Public() class { @Get() a() {} };`,
  ],
  invalid: [
    {
      code: `${nest}@Controller('items') export class ItemsController { @Get(':id') get() {} }`,
      errors: [unguarded('ItemsController', 'get', 'Get')],
    },
    {
      code: `${nest}@Controller() class A { @Public() @Get() open() {} @Post() create() {} @Sse('s') stream() {} }`,
      errors: [unguarded('A', 'create', 'Post'), unguarded('A', 'stream', 'Sse')],
    },
    {
      // a guard on another method does not carry over
      code: `${nest}@Controller() class A { @Roles('x') @Get() a() {} @Delete() b() {} }`,
      errors: [unguarded('A', 'b', 'Delete')],
    },
    {
      // class-level decorators that are not guards do not count
      code: `${nest}@ApiTags('x') @Controller() class A { @ApiOkResponse() @Patch() a() {} @Put() ['b']() {} }`,
      errors: [unguarded('A', 'a', 'Patch'), unguarded('A', 'b', 'Put')],
    },
    {
      code: "import { Get as HttpGet, Controller } from '@nestjs/common';\n@Controller() class A { @HttpGet() a() {} }",
      errors: [unguarded('A', 'a', 'Get')],
    },
    {
      code: "import * as common from '@nestjs/common';\n@common.Controller() class A { @common.All() a() {} }",
      errors: [unguarded('A', 'a', 'All')],
    },
    {
      // a Kafka handler that is also an HTTP route is a route
      code: `${nest}@Controller() class A { @EventPattern('a.b.c') @Post('hook') hook() {} }`,
      errors: [unguarded('A', 'hook', 'Post')],
    },
    {
      code: `${nest}export default @Controller() class { @Get() a() {} }`,
      errors: [unguarded('(anonymous controller)', 'a', 'Get')],
    },
    {
      code: `${nest}@Controller() class A { @Get() a() {} }`,
      options: [{ guardDecorators: ['Permit'] }],
      errors: [
        { messageId: 'unguarded', data: { className: 'A', method: 'a', route: 'Get', guards: '@Permit()' } },
      ],
    },
  ],
});
