import { agreements } from './agreements.ts';
import { articles } from './articles.ts';
import { ask } from './ask.ts';
import { briefing } from './briefing.ts';
import { helpCommand } from './help.ts';
import { numbers } from './numbers.ts';
import { reactions } from './reactions.ts';
import { sources } from './sources.ts';
import { subscribe } from './subscribe.ts';
import { subscriptions } from './subscriptions.ts';
import type { Command } from '../src/core/command.ts';
import { unsubscribe } from './unsubscribe.ts';

/** The one registry: the runtime, every adapter, deploy-commands and the Slack manifest check read it. */
export const commands: readonly Command[] = Object.freeze([
  ask,
  briefing,
  agreements,
  numbers,
  reactions,
  sources,
  articles,
  subscribe,
  unsubscribe,
  subscriptions,
  helpCommand(() => commands),
]);

export type { Command, CommandContext, CommandOption } from '../src/core/command.ts';
