import { describe, expect, it } from 'vitest';
import { splitQuestion } from '../../src/engine/split.ts';

describe('splitQuestion', () => {
  it('GIVEN one question THEN it is one part, without its question mark', () => {
    expect(splitQuestion('How many people left Aleppo?')).toEqual(['How many people left Aleppo']);
  });

  it('GIVEN two sentences THEN they are two parts', () => {
    expect(splitQuestion('Where will the talks be held? And when?')).toEqual(['Where will the talks be held', 'when']);
    expect(splitQuestion('Où auront lieu les négociations ? Et quand ?')).toEqual(['Où auront lieu les négociations', 'quand']);
  });

  it('GIVEN two questions joined by "and" + a question word THEN they are two parts', () => {
    expect(splitQuestion('Who backs Assad and where will the talks be held?')).toEqual(['Who backs Assad', 'where will the talks be held']);
    expect(splitQuestion('Who backs Assad, and who supports the rebels?')).toEqual(['Who backs Assad', 'who supports the rebels']);
    expect(splitQuestion('How many left, and over how many days?')).toEqual(['How many left', 'how many days']);
  });

  it('GIVEN two French questions joined by "et" + a question word THEN they are two parts', () => {
    expect(splitQuestion('Qui soutient Assad et quand auront lieu les négociations ?')).toEqual([
      'Qui soutient Assad',
      'quand auront lieu les négociations',
    ]);
    expect(splitQuestion("Qui soutient Assad et qu'a dit Poutine ?")).toEqual(['Qui soutient Assad', "qu'a dit Poutine"]);
  });

  // BUG: JOINED_QUESTION ends the question word with \b, which in a non-unicode regex needs a word character
  // before it; "où" ends in "ù", so "et où …" never splits. The engine then sees one question that matches no
  // fact well and refuses "Qui soutient Assad et où auront lieu les négociations ?" outright.
  it('GIVEN "… et où …" THEN the French question is split in two', () => {
    expect(splitQuestion('Qui soutient Assad et où auront lieu les négociations ?')).toEqual([
      'Qui soutient Assad',
      'où auront lieu les négociations',
    ]);
  });

  it('GIVEN "and" inside one question THEN it stays one part', () => {
    expect(splitQuestion('Moscow, Tehran and Ankara agreed to what?')).toEqual(['Moscow, Tehran and Ankara agreed to what']);
  });

  it('GIVEN many questions THEN at most five parts are kept', () => {
    expect(splitQuestion('a?b?c?d?e?f')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('GIVEN asks listed with commas THEN each is a part, in order', () => {
    expect(splitQuestion('Who met, where will the talks be held, and what did Putin say?')).toEqual(['Who met', 'where will the talks be held', 'what did Putin say']);
    expect(splitQuestion("qui s'est réuni, sans qui, et pour faire quoi ?")).toEqual(["qui s'est réuni", 'sans qui', 'pour faire quoi']);
    expect(splitQuestion('how much was raised, de combien de pays, and whats the leftover for?')).toEqual(['how much was raised', 'de combien de pays', 'whats the leftover for']);
  });

  it('GIVEN a topic before a comma and its question after THEN it is one ask', () => {
    expect(splitQuestion("the Red Cross figure, c'est combien déjà ?")).toEqual(["the Red Cross figure, c'est combien déjà"]);
    expect(splitQuestion('bref, et Trump ?')).toEqual(['bref, et Trump']);
    expect(splitQuestion('Les négos, c’est où et quand ?')).toEqual(['Les négos, c’est où', 'quand']);
  });

  it('GIVEN "ou" without its accent THEN it is "or", and splits nothing', () => {
    expect(splitQuestion("L'Iran ou la Turquie, qui soutient Assad ?")).toEqual(["L'Iran ou la Turquie, qui soutient Assad"]);
  });

  it('GIVEN no letters at all THEN the text comes back whole', () => {
    expect(splitQuestion('???')).toEqual(['???']);
    expect(splitQuestion('')).toEqual(['']);
  });
});
