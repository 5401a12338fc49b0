export { FAKE_IDS, startFakeSlack } from './fake-slack.ts';
export type { Ack, ApiCall, FakeSlack, FakeSlackOptions, HttpSide, ResponseUrlPost, SentRequest, SocketSide } from './fake-slack.ts';
export { appHomeOpened, appMention, buttonClick, directMessage, eventCallback, newTs, slashCommand } from './payloads.ts';
export { blockKitProblem } from './block-kit.ts';
export { slackSignature, unixNow } from './sign.ts';
