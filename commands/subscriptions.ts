import { formatSlot } from '../src/briefing/messages.ts';
import { describeSchedule } from '../src/briefing/schedule.ts';
import { plainReply } from '../src/core/reply.ts';
import { subscriptionGate } from './subscribe.ts';
import type { Command } from '../src/core/command.ts';

export const subscriptions: Command = {
  name: 'subscriptions',
  description: { en: "This channel's scheduled briefings", fr: 'Les résumés programmés de ce salon' },
  needs: ['channel', 'subscriptions'],
  options: [],
  async run(ctx) {
    const gate = subscriptionGate(ctx, false);
    if (gate.refusal) return gate.refusal;
    const { service, channel, t } = gate;
    const views = await service.list(channel);
    if (!views.length) return plainReply(ctx.lang, t.none, { private: true });
    const lines = views.map(({ subscription: s, next, unreachable }) => {
      const line = t.item(s.id, describeSchedule(s.schedule, ctx.lang), t.languages[s.lang], formatSlot(next, s.schedule.timeZone, ctx.lang));
      return `- ${line}${s.onlyNew ? `, ${t.onlyNewTag}` : ''}${unreachable ? ` (${t.unreachable(unreachable)})` : ''}`;
    });
    return plainReply(ctx.lang, lines.join('\n'), { title: t.listTitle, private: true });
  },
};
