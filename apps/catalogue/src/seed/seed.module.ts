import { type DynamicModule, Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module';
import { ItemsModule } from '../items/items.module';
import { SEED_ENABLED, SeedService } from './seed.service';

/** The 108 items and the centre tree, written into an empty store at start unless turned off. */
@Module({})
export class SeedModule {
  static register(options: { seed: boolean }): DynamicModule {
    return {
      module: SeedModule,
      imports: [ItemsModule, CentresModule],
      providers: [SeedService, { provide: SEED_ENABLED, useValue: options.seed }],
    };
  }
}
