import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../fakes/slack/index.ts';
import { twoArticleKnowledge } from '../fixtures/two-articles.ts';
import { allStrings, blocksOf, startHarness, type Harness } from './harness.ts';

describe('GIVEN Depeche with two articles on a loopback Slack (HTTP mode)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'http', knowledgeDir: twoArticleKnowledge() });
  });
  afterAll(async () => {
    await h?.close();
  });

  let sent = 0;
  const run = async (text: string) => {
    const key = `articles-${(sent += 1)}`;
    await h.fake.http.command(h.appUrl, slashCommand({ text, responseUrl: h.fake.responseUrl(key) }));
    return (await h.fake.waitForResponse(key)).body;
  };
  const sectionText = (body: Record<string, unknown>) => blocksOf(body).filter((block) => block.type === 'section').map((block) => block.text).join('\n');

  it('WHEN /depeche numbers <words of a title> THEN that article\'s figures; WHEN /depeche numbers THEN the newest\'s', async () => {
    expect(sectionText(await run('numbers syria'))).toContain('25,000');
    expect(sectionText(await run('numbers kazakhstan ceasefire'))).toContain('25,000');
    const newest = sectionText(await run('numbers'));
    expect(newest).toContain('1,200 jobs');
    expect(newest).not.toContain('25,000');
  });

  it('WHEN /depeche briefing <id> THEN that article\'s briefing, under its title', async () => {
    const syria = h.depeche.knowledge().articles.find((a) => a.id === 'syria-ceasefire-talks')!;
    const body = await run(`share briefing ${syria.id}`);
    expect(blocksOf(body)[0]).toMatchObject({ type: 'header', text: syria.title.en });
    expect(body.response_type).toBe('in_channel');
  });

  it('WHEN the words name no article THEN a short reply lists the articles, as /depeche commands', async () => {
    const body = await run('numbers football');
    const text = allStrings(body).join('\n');
    expect(text).toContain('No article matches "football"');
    for (const article of h.depeche.knowledge().articles) expect(text).toContain(article.id);
    expect(text).not.toMatch(/Figures/);
  });

  it('WHEN /depeche articles THEN every article with its date and id, and the hint names the Slack command', async () => {
    const text = allStrings(await run('articles')).join('\n');
    expect(text).toContain('15 March 2024');
    expect(text).toContain('/depeche numbers');
  });
});
