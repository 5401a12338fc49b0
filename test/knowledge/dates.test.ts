import { describe, expect, it } from 'vitest';
import { resolveWhen } from '../../src/knowledge/dates.ts';

// 2016-12-20 was a Tuesday; 2024-12-07 a Saturday.
describe('resolveWhen: a fact\'s time in the article\'s words, as a date', () => {
  it('GIVEN weekdays in a past tense THEN the last such day on or before publication', () => {
    expect(resolveWhen('lundi', "l'assassinat lundi de l'ambassadeur", '2016-12-20')).toEqual({ date: '2016-12-19', approximate: false });
    expect(resolveWhen('mardi', 'a affirmé mardi', '2016-12-20')).toEqual({ date: '2016-12-20', approximate: false });
    expect(resolveWhen('samedi soir', 'a rouvert samedi soir', '2024-12-07')?.date).toBe('2024-12-07');
    expect(resolveWhen('on Monday', 'was killed on Monday', '2016-12-20')?.date).toBe('2016-12-19');
  });

  it('GIVEN a future tense in the quote THEN the next such day', () => {
    expect(resolveWhen('dimanche', 'La première messe doit être célébrée dimanche', '2024-12-07')?.date).toBe('2024-12-08');
    expect(resolveWhen('next Friday', 'the talks will open next Friday', '2016-12-20')?.date).toBe('2016-12-23');
  });

  it('GIVEN relative words THEN a date counted from publication, approximate where the words are', () => {
    expect(resolveWhen('il y a cinq jours', 'depuis le début des opérations il y a cinq jours', '2016-12-20')).toEqual({ date: '2016-12-15', approximate: false });
    expect(resolveWhen('la semaine dernière', 'a déclaré la semaine dernière', '2016-12-20')).toEqual({ date: '2016-12-13', approximate: true });
    expect(resolveWhen('hier', 'a dit hier', '2016-12-20')?.date).toBe('2016-12-19');
    expect(resolveWhen('three days ago', 'three days ago', '2016-12-20')?.date).toBe('2016-12-17');
  });

  it('GIVEN absolute dates THEN their own precision, without needing publication', () => {
    expect(resolveWhen('le 15 avril 2019', 'le 15 avril 2019', undefined)).toEqual({ date: '2019-04-15', approximate: false });
    expect(resolveWhen('1er mai 2020', '1er mai 2020', undefined)?.date).toBe('2020-05-01');
    expect(resolveWhen('July 9, 2024', 'July 9, 2024', undefined)?.date).toBe('2024-07-09');
    expect(resolveWhen('en août 2023', 'en août 2023', undefined)).toEqual({ date: '2023-08', approximate: false });
    expect(resolveWhen('fin 2022', 'fin 2022', undefined)).toEqual({ date: '2022', approximate: true });
  });

  it('GIVEN words that name no time THEN undefined', () => {
    expect(resolveWhen('récemment', 'récemment', '2016-12-20')).toBeUndefined();
    expect(resolveWhen('lundi', 'lundi', undefined)).toBeUndefined();
  });
});
