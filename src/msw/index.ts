/**
 * `wix-webhook-testkit/msw`: MSW request handlers that simulate Wix's REST API over an in-memory
 * store seeded from the factories, and send the matching signed webhooks to your app. Needs
 * `msw` 2 or 3 (an optional peer dependency).
 *
 * @module wix-webhook-testkit/msw
 */
export { restFaultSchema, type FaultState, type ReleaseOrder, type RestFault, type RestFaults } from './faults.js';
export { createWixMock, defaultMockStart, wixBaseUrl, type BaseOptions, type WixMock, type WixMockClock, type WixMockFaults, type WixMockOptions, type WixStore } from './mock.js';
export { InvalidMockOptionError } from './option-errors.js';
export type { DeliveryAttemptEvent, DeliveryObserver } from './context.js';
export { adminEndpoints, adminHandlers, adminTokenHeader, wixMockOpenApi, type AdminGuardOptions, type AdminMock } from './admin.js';
export type { Endpoint } from './endpoint.js';
export { unhandledRequests } from './unhandled.js';
export { bypassHeaders, type DeliveryChange, type DeliveryListener, type TriggerOptions } from './sender.js';
export type { Inspector, InspectOptions } from './inspector/standalone.js';
export { defineService, type Seeding, type SimulatedService } from './service.js';
export type { DeliveryRecord, Emission, MockContext, SeededStore } from './context.js';
export type { ComposedStore, StoreOf } from './store.js';
export { simulatedServices } from './services/index.js';
export type { WixErrorBody, FieldViolation } from './errors.js';
export type { CalendarStore } from './services/calendar/store.js';
export type { EventsStore, StoredEventsEvent } from './services/events/store.js';
export { jsonAnswer, route, routeAnswer, type Route, type RouteAnswer, type RouteMethod, type RouteRequest, type RouteResolver } from './route.js';
export { SortedMap } from './sorted-map.js';
