import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { listeners, SHARE_WORDS, SLASH_COMMAND } from '../../src/slack/listeners/index.ts';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; url?: string; usage_hint: string; description: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const manifests = { 'slack/manifest.json': read('slack/manifest.json'), 'slack/manifest.socket.json': read('slack/manifest.socket.json') };
const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

describe.each(Object.entries(manifests))('%s', (_path, manifest) => {
  it('GIVEN the listeners THEN it subscribes to exactly their bot events and asks for exactly their scopes', () => {
    expect(sorted(manifest.settings.event_subscriptions.bot_events)).toEqual(sorted(listeners.flatMap((l) => l.botEvents)));
    expect(sorted(manifest.oauth_config.scopes.bot)).toEqual(sorted(listeners.flatMap((l) => l.scopes)));
    expect(manifest.settings.interactivity.is_enabled).toBe(listeners.some((l) => l.interactive));
    expect(manifest.features.app_home.home_tab_enabled).toBe(manifest.settings.event_subscriptions.bot_events.includes('app_home_opened'));
    expect(manifest.features.app_home.messages_tab_enabled).toBe(manifest.settings.event_subscriptions.bot_events.includes('message.im'));
  });

  it('GIVEN the registry THEN its one slash command is the one served and its usage hint names every command', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(listeners.flatMap((l) => (l.slashCommand ? [l.slashCommand] : [])));
    const [slash] = manifest.features.slash_commands;
    expect(slash!.command).toBe(SLASH_COMMAND);
    for (const command of commands) expect(slash!.usage_hint).toMatch(new RegExp(`\\b${command.name}\\b`));
    // The words after a command that takes an article select it (/depeche numbers minsk).
    for (const command of commands.filter((c) => c.options.some((o) => o.type === 'article'))) {
      expect(slash!.usage_hint, command.name).toContain(`${command.name} [article]`);
    }
    expect(slash!.usage_hint).toContain(SHARE_WORDS[0]);
    // Unescaped: the adapter decodes either form, and escaping all text it shows is its job.
    expect(slash!.should_escape).toBe(false);
  });
});

describe('the two manifests', () => {
  it('GIVEN HTTP mode THEN every request URL is Bolt\'s /slack/events; GIVEN Socket Mode THEN there is none', () => {
    const http = manifests['slack/manifest.json'];
    expect(http.settings.socket_mode_enabled).toBe(false);
    const urls = [http.settings.event_subscriptions.request_url, http.settings.interactivity.request_url, ...http.features.slash_commands.map((c) => c.url)];
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);

    const socket = manifests['slack/manifest.socket.json'];
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('request_url');
    expect(JSON.stringify(socket)).not.toContain('"url"');
  });

  it('GIVEN both THEN they differ only in Socket Mode and the URLs', () => {
    const strip = (manifest: Manifest) =>
      JSON.parse(JSON.stringify(manifest, (key, value: unknown) => (key === 'url' || key === 'request_url' || key === 'socket_mode_enabled' ? undefined : value))) as unknown;
    expect(strip(manifests['slack/manifest.socket.json'])).toEqual(strip(manifests['slack/manifest.json']));
  });
});
