import { plainReply } from '../src/core/reply.ts';
import { subscriptionGate } from './subscribe.ts';
import type { Command } from '../src/core/command.ts';

export const unsubscribe: Command = {
  name: 'unsubscribe',
  description: { en: 'Stop the scheduled briefings in this channel', fr: 'Arrêter les résumés programmés dans ce salon' },
  needs: ['channel', 'subscriptions'],
  requires: 'manage-channel',
  options: [
    {
      name: 'id',
      type: 'string',
      required: false,
      maxLength: 12,
      description: { en: 'Which one (see /subscriptions); all of them if left out', fr: 'Lequel (voir /subscriptions) ; tous si omis' },
    },
  ],
  async run(ctx) {
    const gate = subscriptionGate(ctx, true);
    if (gate.refusal) return gate.refusal;
    const { service, channel, t } = gate;
    const raw = ctx.args.id?.trim().replace(/^(#|n°)/, '');
    const id = raw && raw.toLowerCase() !== 'all' ? Number(raw) : undefined;
    if (raw && raw.toLowerCase() !== 'all' && !Number.isInteger(id)) return plainReply(ctx.lang, t.noSuchSubscription(raw), { private: true });
    const removed = await service.unsubscribe(channel, id);
    if (removed === 0) return plainReply(ctx.lang, id === undefined ? t.nothingToRemove : t.noSuchSubscription(String(id)), { private: true });
    return plainReply(ctx.lang, t.unsubscribed(removed));
  },
};
