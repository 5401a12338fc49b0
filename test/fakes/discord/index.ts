export { startFakeDiscord, type FakeDiscord, type SentInteraction } from './server.ts';
export { INTERACTION_DEADLINE_MS, type RestRequest, type Failure } from './rest.ts';
export type { GatewayEvent } from './gateway.ts';
