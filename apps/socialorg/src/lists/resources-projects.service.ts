import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type {
  ListProjectRequest,
  OfferResourceRequest,
  ProjectView,
  ResourceView,
} from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { newId, placePath } from '../shared/place';
import type { Project } from './list.model';
import { ListsRepository } from './lists.repository';
import { projectView, resourceView } from './lists-view';
import { LIST_KEEPERS } from './need-steps';

/**
 * 资源清单 and 项目清单. `record` is how the purchased-service code lists its projects: idempotent on the
 * reference, so announcing a contract twice lists it once.
 */
@Injectable()
export class ResourcesProjectsService {
  constructor(
    private readonly lists: ListsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async offer(request: OfferResourceRequest, principal: Principal): Promise<ResourceView> {
    assertScope(principal, request.centreId, LIST_KEEPERS);
    if (request.partyMembers.names.length > request.partyMembers.count)
      throw new AppError(
        'SOCIALORG.LIST_ENTRY_INVALID',
        `列出了 ${request.partyMembers.names.length} 名党员，多于报到人数 ${request.partyMembers.count}`,
        [{ field: 'partyMembers.names', message: '姓名数不能多于报到人数' }],
      );
    const now = this.clock();
    const resource = {
      _id: newId('res'),
      centreId: request.centreId,
      placePath: placePath(request.centreId),
      unit: request.unit,
      kind: request.kind,
      title: request.title,
      detail: request.detail,
      partyMembers: request.partyMembers,
      offeredAt: now,
      offeredBy: principal.sub,
    };
    await this.lists.offerResource(resource, [
      {
        type: 'socialorg.resource.offered',
        data: {
          resourceId: resource._id,
          centreId: resource.centreId,
          unit: resource.unit,
          kind: resource.kind,
          partyMembers: resource.partyMembers.count,
          by: principal.sub,
          at: now.toISOString(),
        },
      },
    ]);
    return resourceView(resource, []);
  }

  /** A project listed by staff; a reference already listed is a 409 naming the listing. */
  async list(request: ListProjectRequest, principal: Principal): Promise<ProjectView> {
    assertScope(principal, request.centreId, LIST_KEEPERS);
    const { project, created } = await this.record(request, principal);
    if (!created)
      throw new AppError('SOCIALORG.PROJECT_LISTED', `该项目已在项目清单中：“${project.title}”`, {
        projectId: project._id,
      });
    return projectView(project, []);
  }

  /** Lists a project unless its reference is listed already; answers with the listing either way. */
  async record(request: ListProjectRequest, by: Principal): Promise<{ project: Project; created: boolean }> {
    const now = this.clock();
    const projectId = newId('prj');
    return this.lists.listProject(
      {
        _id: projectId,
        centreId: request.centreId,
        placePath: placePath(request.centreId),
        title: request.title,
        detail: request.detail,
        source: request.source,
        ref: request.ref,
        refKey: request.ref ?? projectId,
        listedAt: now,
        listedBy: by.sub,
      },
      [
        {
          type: 'socialorg.project.listed',
          data: {
            projectId,
            centreId: request.centreId,
            source: request.source,
            ref: request.ref,
            by: by.sub,
            at: now.toISOString(),
          },
        },
      ],
    );
  }
}
