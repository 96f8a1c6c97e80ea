import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  NEED_MODEL,
  needSchema,
  PROJECT_MODEL,
  projectSchema,
  RESOURCE_MODEL,
  resourceSchema,
} from './list.model';
import { ListsBoardService } from './lists-board.service';
import { ListsController } from './lists.controller';
import { ListsRepository } from './lists.repository';
import { NeedStepsService } from './need-steps.service';
import { NeedsService } from './needs.service';
import { ResourcesProjectsService } from './resources-projects.service';

/** 三张清单. Exports `ResourcesProjectsService` for the purchased-service code to list its projects. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: NEED_MODEL, schema: needSchema },
      { name: RESOURCE_MODEL, schema: resourceSchema },
      { name: PROJECT_MODEL, schema: projectSchema },
    ]),
  ],
  controllers: [ListsController],
  providers: [ListsRepository, NeedsService, NeedStepsService, ResourcesProjectsService, ListsBoardService],
  exports: [ResourcesProjectsService],
})
export class ListsModule {}
