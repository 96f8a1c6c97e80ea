import type { NeedCategory, NeedState, ProjectSource, ResourceKind } from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export interface NeedEntry {
  action: string;
  from: NeedState | null;
  to: NeedState;
  by: string;
  role: string;
  at: string;
  reason: string | null;
}

/** A resident's need (需求清单). Every step bumps `revision` and adds to `history`. */
export interface Need {
  _id: string;
  revision: number;
  centreId: string;
  placePath: string[];
  title: string;
  detail: string;
  category: NeedCategory;
  postedBy: 'resident' | 'staff';
  /** the resident it is for (a resident's own token, or the one staff posted it for) or the member of staff */
  posterId: string;
  postedAt: Date;
  state: NeedState;
  /** when it last became open: what the board's "waiting for" counts from */
  openSince: Date;
  match: {
    kind: 'resource' | 'project';
    id: string;
    title: string;
    note: string;
    by: string;
    at: Date;
  } | null;
  history: NeedEntry[];
}

/** What a unit in the area offers (资源清单), with the 双报到 party members it sends. */
export interface Resource {
  _id: string;
  centreId: string;
  placePath: string[];
  unit: string;
  kind: ResourceKind;
  title: string;
  detail: string;
  partyMembers: { count: number; names: string[] };
  offeredAt: Date;
  offeredBy: string;
}

/** A project (项目清单); `refKey` is its reference (one listing per reference) or its own id without one. */
export interface Project {
  _id: string;
  centreId: string;
  placePath: string[];
  title: string;
  detail: string;
  source: ProjectSource;
  ref: string | null;
  refKey: string;
  listedAt: Date;
  listedBy: string;
}

export const NEED_MODEL = 'Need';
export const RESOURCE_MODEL = 'Resource';
export const PROJECT_MODEL = 'Project';

export const needSchema = new Schema<Need>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    centreId: { type: String, required: true },
    placePath: { type: [String], required: true, index: true },
    title: { type: String, required: true },
    detail: { type: String, default: '' },
    category: { type: String, required: true },
    postedBy: { type: String, required: true },
    posterId: { type: String, required: true, index: true },
    postedAt: { type: Date, required: true },
    state: { type: String, required: true },
    openSince: { type: Date, required: true },
    match: { type: Schema.Types.Mixed, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'needs', versionKey: false, minimize: false },
);
needSchema.plugin(outboxPlugin);

export const resourceSchema = new Schema<Resource>(
  {
    _id: { type: String, required: true },
    centreId: { type: String, required: true },
    placePath: { type: [String], required: true, index: true },
    unit: { type: String, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    detail: { type: String, default: '' },
    partyMembers: { type: Schema.Types.Mixed, required: true },
    offeredAt: { type: Date, required: true },
    offeredBy: { type: String, required: true },
  },
  { collection: 'resources', versionKey: false, minimize: false },
);
resourceSchema.plugin(outboxPlugin);

export const projectSchema = new Schema<Project>(
  {
    _id: { type: String, required: true },
    centreId: { type: String, required: true },
    placePath: { type: [String], required: true, index: true },
    title: { type: String, required: true },
    detail: { type: String, default: '' },
    source: { type: String, required: true },
    ref: { type: String, default: null },
    refKey: { type: String, required: true, unique: true },
    listedAt: { type: Date, required: true },
    listedBy: { type: String, required: true },
  },
  { collection: 'projects', versionKey: false, minimize: false },
);
projectSchema.plugin(outboxPlugin);
