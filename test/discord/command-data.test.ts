import { describe, expect, test } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Command } from '../../src/core/command.ts';
import { commandData } from '../../src/discord/command-data.ts';

describe('commandData', () => {
  test('GIVEN the registry THEN one slash command per command, English with French localizations, usable in servers and DMs', () => {
    const data = commandData(commands);
    expect(data.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const [i, command] of data.entries()) {
      expect(command.description).toBe(commands[i]!.description.en);
      expect(command.description_localizations).toEqual({ fr: commands[i]!.description.fr });
      // Commands that change a channel's scheduled briefings exist in servers only (see test/briefing).
      expect(command.contexts).toEqual(commands[i]!.requires === 'manage-channel' ? [0] : [0, 1]);
    }
  });

  test('GIVEN option types THEN string is 3 and boolean is 5, with required, autocomplete and max length', () => {
    const command: Command = {
      name: 'try',
      description: { en: 'Try', fr: 'Essayer' },
      options: [
        { name: 'text', type: 'string', required: true, autocomplete: true, maxLength: 200, description: { en: 'Text', fr: 'Texte' } },
        { name: 'quiet', type: 'boolean', required: false, description: { en: 'Quiet', fr: 'Discret' } },
        { name: 'article', type: 'article', required: false, maxLength: 100, description: { en: 'Which article', fr: 'Quel article' } },
      ],
      run: () => ({ text: '', lang: 'en', answered: false, sources: [], suggestions: [] }),
    };
    expect(commandData([command])[0]!.options).toEqual([
      { type: 3, name: 'text', description: 'Text', description_localizations: { fr: 'Texte' }, required: true, autocomplete: true, max_length: 200 },
      { type: 5, name: 'quiet', description: 'Quiet', description_localizations: { fr: 'Discret' }, required: false },
      // An article is text on Discord, with the titles offered as the user types.
      { type: 3, name: 'article', description: 'Which article', description_localizations: { fr: 'Quel article' }, required: false, autocomplete: true, max_length: 100 },
    ]);
  });

  test('GIVEN a name Discord would reject THEN it fails here, not at Discord', () => {
    const bad: Command = { name: 'Bad Name', description: { en: 'x', fr: 'x' }, options: [], run: () => ({ text: '', lang: 'en', answered: false, sources: [], suggestions: [] }) };
    expect(() => commandData([bad])).toThrow();
  });
});
