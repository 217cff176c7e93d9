import { eventRecurringSplit } from './event-recurring-split.js';
import { guestEventStarts } from './guest-event-starts.js';
import { participationCreated } from './participation-created.js';

/**
 * The curated webhooks, hand-modelled from Wix's docs with their cross-field rules. This is the
 * only list of them: the catalog, and every feature through it, reads it.
 */
export const curatedWebhooks = [participationCreated, eventRecurringSplit, guestEventStarts] as const;

export type { ParticipationKnobs, ParticipationRelated } from './participation-created.factory.js';
export type { SplitKnobs, SplitRelated } from './event-recurring-split.factory.js';
export type { GuestEventStartsKnobs, GuestEventStartsRelated } from './guest-event-starts.factory.js';
