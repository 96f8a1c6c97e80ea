import { Schema } from 'mongoose';

/** Volunteer minutes credited to one purchased-service project (`_id` = the event's projectId, an agreement id). */
export interface ProjectHours {
  _id: string;
  minutes: number;
  entries: number;
  updatedAt: Date;
}

export const PROJECT_HOURS_MODEL = 'ProjectHours';

export const projectHoursSchema = new Schema<ProjectHours>(
  {
    _id: { type: String, required: true },
    minutes: { type: Number, default: 0 },
    entries: { type: Number, default: 0 },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'project_hours', versionKey: false, strict: false },
);
