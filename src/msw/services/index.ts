import { calendarService } from './calendar/index.js';
import { eventsService } from './events/index.js';
import { oauthService } from './oauth/index.js';

/**
 * Every simulated Wix service, in the order their stores are seeded and their handlers tried.
 * The mock is built from this list and names no service itself.
 */
export const simulatedServices = [oauthService, calendarService, eventsService] as const;
