import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

/** One 取号 ticket. The memory board answers reads; this is the record, and the guard for who calls whom. */
export interface Ticket {
  _id: string;
  centreId: string;
  day: string;
  theme: string;
  number: string;
  state: 'waiting' | 'called' | 'served' | 'no_show';
  issuedAt: Date;
  calledAt: Date | null;
  calledBy: string | null;
  window: string | null;
  closedAt: Date | null;
}

export const TICKET_MODEL = 'Ticket';

export const ticketSchema = new Schema<Ticket>(
  {
    _id: { type: String, required: true },
    centreId: { type: String, required: true },
    day: { type: String, required: true },
    theme: { type: String, required: true },
    number: { type: String, required: true },
    state: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    calledAt: { type: Date, default: null },
    calledBy: { type: String, default: null },
    window: { type: String, default: null },
    closedAt: { type: Date, default: null },
  },
  { collection: 'tickets', versionKey: false },
);
ticketSchema.plugin(outboxPlugin);
ticketSchema.index({ day: 1 });
