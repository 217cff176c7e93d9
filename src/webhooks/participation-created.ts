import { defineWebhook } from '../definition/define-webhook.js';
import { calendarParticipationSchemas } from '../domains/calendar/participation.js';
import { participationCreatedFactory } from './participation-created.factory.js';

export const participationCreated = defineWebhook({
  name: 'participation-created',
  eventType: 'wix.calendar.v3.participation_created',
  entityFqdn: 'wix.calendar.v3.participation',
  slug: 'created',
  title: 'Participation Created',
  description: 'Triggered when a `participation` object is created.',
  docsUrl: 'https://dev.wix.com/docs/api-reference/business-management/calendar/participations-v3/participation-created',
  provider: 'wix-calendar-participations-v3',
  payload: { kind: 'created', data: (_object, mode) => calendarParticipationSchemas(mode).Participation },
  entities: calendarParticipationSchemas,
  sdk: {
    package: '@wix/calendar',
    module: 'participations',
    handler: 'onParticipationCreated',
    transformations: { timestamps: ['entity.createdDate', 'entity.updatedDate'], addresses: [], pageUrls: [], floats: [] },
  },
  factory: participationCreatedFactory,
});
