import { expect } from 'vitest';
import { embedLength, LIMITS, type MessageBody } from '../../src/discord/render.ts';

/** Every limit Discord enforces on a message Depeche sends (embeds, their parts, buttons). */
export function expectWithinDiscordLimits(message: MessageBody): void {
  expect(message.embeds.length).toBeGreaterThan(0);
  expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const embed of message.embeds) {
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect('label' in button ? (button.label ?? '').length : 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
      expect('custom_id' in button ? button.custom_id.length : 0).toBeLessThanOrEqual(LIMITS.customId);
    }
  }
}
