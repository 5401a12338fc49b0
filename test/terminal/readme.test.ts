import { commands as registry } from '../../commands/index.ts';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDepeche } from '../../src/core/depeche.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { runTerminalChat } from '../../src/terminal/chat.ts';

/** The session README.md shows on its first screen: the code block after "This is the first minute of it". */
function readmeSession(): string {
  const readme = readFileSync('README.md', 'utf8');
  const after = readme.slice(readme.indexOf('This is the first minute of it'));
  const block = /```\n([\s\S]*?)\n```/.exec(after);
  if (!block) throw new Error('README.md: no session block after "This is the first minute of it"');
  return block[1]!;
}

describe('GIVEN the session on the first screen of README.md', () => {
  it('WHEN the same lines are typed at 96 columns THEN the chat prints exactly that (if the answers changed, paste the new output there)', async () => {
    const session = readmeSession();
    const typed = [...session.matchAll(/^you> (.*)$/gm)].map((match) => match[1]!);
    expect(typed.length).toBeGreaterThanOrEqual(3);

    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const depeche = createDepeche({ commands: registry, knowledge: loadKnowledge('knowledge'), config: { conversationTtlMs: 300_000, maxQuestionLength: 500 } });
    const done = runTerminalChat({ depeche, input, output, columns: 96, color: false });
    input.end(typed.map((line) => `${line}\n`).join(''));
    await done;
    // Everything up to the last prompt, where the session in the README stops.
    expect(printed.slice(0, printed.lastIndexOf('\n\nyou> '))).toBe(session);
  });
});
