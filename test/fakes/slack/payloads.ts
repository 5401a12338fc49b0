import { FAKE_IDS } from './fake-slack.ts';
import { unixNow } from './sign.ts';

/** What Slack sends, built the way Slack builds it (shapes measured against Bolt 5.1; see the notes). */

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`.toUpperCase();
export const newTs = () => `${unixNow()}.${String(++counter).padStart(6, '0')}`;

/** The form fields of a slash command invocation. */
export function slashCommand(options: { text: string; responseUrl: string; user?: string; channel?: string; command?: string }): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: FAKE_IDS.teamId,
    team_domain: FAKE_IDS.teamDomain,
    channel_id: options.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: options.user ?? 'U0ALICE',
    user_name: 'alice',
    command: options.command ?? '/depeche',
    text: options.text,
    api_app_id: FAKE_IDS.appId,
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: unique('trigger'),
  };
}

/** An Events API `event_callback` body around one event. */
export function eventCallback(event: Record<string, unknown>, options: { eventId?: string } = {}): Record<string, unknown> {
  return {
    token: 'verification-token-unused',
    team_id: FAKE_IDS.teamId,
    api_app_id: FAKE_IDS.appId,
    type: 'event_callback',
    event_id: options.eventId ?? unique('Ev'),
    event_time: unixNow(),
    authorizations: [{ enterprise_id: null, team_id: FAKE_IDS.teamId, user_id: FAKE_IDS.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event,
  };
}

export function directMessage(options: { text: string; channel: string; user?: string; ts?: string; threadTs?: string }): Record<string, unknown> {
  const ts = options.ts ?? newTs();
  return {
    type: 'message',
    channel_type: 'im',
    channel: options.channel,
    user: options.user ?? 'U0ALICE',
    text: options.text,
    ts,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

/** `text` is what the user typed after the mention; the event carries `<@BOTID>` in front of it. */
export function appMention(options: { text: string; channel: string; user?: string; ts?: string; threadTs?: string }): Record<string, unknown> {
  const ts = options.ts ?? newTs();
  return {
    type: 'app_mention',
    channel: options.channel,
    user: options.user ?? 'U0ALICE',
    text: `<@${FAKE_IDS.botUserId}> ${options.text}`,
    ts,
    event_ts: ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

export function appHomeOpened(options: { user: string; tab?: 'home' | 'messages' }): Record<string, unknown> {
  return { type: 'app_home_opened', user: options.user, channel: `D${options.user.slice(1)}`, tab: options.tab ?? 'home', event_ts: newTs() };
}

/** A click on a button, in a message (ephemeral or not) or in the App Home. */
export function buttonClick(options: {
  actionId: string;
  value: string;
  responseUrl: string;
  user?: string;
  channel?: string;
  ephemeral?: boolean;
  threadTs?: string;
  home?: boolean;
  blockId?: string;
}): Record<string, unknown> {
  const user = options.user ?? 'U0ALICE';
  const messageTs = newTs();
  const container = options.home
    ? { type: 'view', view_id: 'V0HOME' }
    : { type: 'message', message_ts: messageTs, channel_id: options.channel, is_ephemeral: options.ephemeral ?? false, ...(options.threadTs ? { thread_ts: options.threadTs } : {}) };
  return {
    type: 'block_actions',
    user: { id: user, username: 'alice', name: 'alice', team_id: FAKE_IDS.teamId },
    api_app_id: FAKE_IDS.appId,
    token: 'verification-token-unused',
    container,
    trigger_id: unique('trigger'),
    team: { id: FAKE_IDS.teamId, domain: FAKE_IDS.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    ...(options.channel && !options.home ? { channel: { id: options.channel, name: 'general' } } : {}),
    ...(options.home ? { view: { id: 'V0HOME', type: 'home' } } : {}),
    ...(!options.home && !options.ephemeral
      ? { message: { type: 'message', user: FAKE_IDS.botUserId, bot_id: FAKE_IDS.botId, ts: messageTs, text: 'answer', ...(options.threadTs ? { thread_ts: options.threadTs } : {}) } }
      : {}),
    response_url: options.responseUrl,
    actions: [
      { action_id: options.actionId, block_id: options.blockId ?? 'depeche_suggestions', text: { type: 'plain_text', text: options.value, emoji: false }, value: options.value, type: 'button', action_ts: newTs() },
    ],
  };
}
