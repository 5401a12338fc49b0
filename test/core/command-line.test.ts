import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/core/command-line.ts';

describe('parseCommandLine', () => {
  it('GIVEN a command name THEN it names that command, with or without a slash, in any case', () => {
    expect(parseCommandLine('numbers', commands)).toEqual({ name: 'numbers', args: {} });
    expect(parseCommandLine('/numbers', commands)).toEqual({ name: 'numbers', args: {} });
    expect(parseCommandLine('  NumBers  ', commands)).toEqual({ name: 'numbers', args: {} });
    expect(parseCommandLine('/HELP', commands)).toEqual({ name: 'help', args: {} });
  });

  it('GIVEN a command and text THEN the text goes to its first string option', () => {
    expect(parseCommandLine('ask how many people left Aleppo', commands)).toEqual({
      name: 'ask',
      args: { question: 'how many people left Aleppo' },
    });
    expect(parseCommandLine('/Ask   où est Alep ?  ', commands)).toEqual({ name: 'ask', args: { question: 'où est Alep ?' } });
    expect(parseCommandLine('ask line one\nline two', commands)).toEqual({ name: 'ask', args: { question: 'line one\nline two' } });
  });

  it('GIVEN a command that takes no text THEN the rest is ignored; GIVEN one that takes an article THEN the rest names it', () => {
    expect(parseCommandLine('help please', commands)).toEqual({ name: 'help', args: {} });
    expect(parseCommandLine('/numbers  minsk ceasefire ', commands)).toEqual({ name: 'numbers', args: { article: 'minsk ceasefire' } });
    expect(parseCommandLine('briefing syria-ceasefire-talks', commands)).toEqual({ name: 'briefing', args: { article: 'syria-ceasefire-talks' } });
  });

  it('GIVEN text that names no command THEN the whole text is a question', () => {
    expect(parseCommandLine('how many people left Aleppo?', commands)).toEqual({
      name: 'ask',
      args: { question: 'how many people left Aleppo?' },
    });
    expect(parseCommandLine('  Who signed?  ', commands)).toEqual({ name: 'ask', args: { question: 'Who signed?' } });
  });

  it('GIVEN empty text THEN it is an empty question', () => {
    expect(parseCommandLine('', commands)).toEqual({ name: 'ask', args: { question: '' } });
    expect(parseCommandLine('   ', commands)).toEqual({ name: 'ask', args: { question: '' } });
    expect(parseCommandLine('/ask', commands)).toEqual({ name: 'ask', args: {} });
  });

  it('GIVEN a slash and an unknown name THEN it names that command, so that the core says there is none', () => {
    expect(parseCommandLine('/nombers', commands)).toEqual({ name: 'nombers', args: {} });
  });

  it('GIVEN a registry whose command takes text in another option THEN that option gets it', () => {
    const registry = [{ name: 'find', options: [{ name: 'private', type: 'boolean' as const, required: false, description: { en: '', fr: '' } }, { name: 'topic', type: 'string' as const, required: true, description: { en: '', fr: '' } }] }];
    expect(parseCommandLine('find Turkey', registry)).toEqual({ name: 'find', args: { topic: 'Turkey' } });
  });
});
