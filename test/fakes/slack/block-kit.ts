/**
 * The Block Kit limits Slack enforces (https://docs.slack.dev/reference/block-kit/blocks), checked the way
 * Slack does it: a message that breaks one is refused with `invalid_blocks` instead of being posted.
 */
type Json = Record<string, unknown>;

export function blockKitProblem(blocks: unknown, surface: 'message' | 'home' = 'message'): string | undefined {
  if (blocks === undefined) return undefined;
  if (!Array.isArray(blocks)) return 'blocks is not an array';
  const max = surface === 'home' ? 100 : 50;
  if (blocks.length > max) return `${blocks.length} blocks (at most ${max})`;
  const blockIds = new Set<string>();
  for (const [index, raw] of blocks.entries()) {
    const block = raw as Json;
    const where = `block ${index} (${String(block.type)})`;
    if (typeof block.block_id === 'string') {
      if (blockIds.has(block.block_id)) return `${where}: block_id ${block.block_id} used twice`;
      blockIds.add(block.block_id);
    }
    const problem = blockProblem(block);
    if (problem) return `${where}: ${problem}`;
  }
  return undefined;
}

function blockProblem(block: Json): string | undefined {
  switch (block.type) {
    case 'header':
      return textProblem(block.text, 150, ['plain_text']);
    case 'section':
      return textProblem(block.text, 3000, ['mrkdwn', 'plain_text']);
    case 'divider':
      return undefined;
    case 'context': {
      const elements = block.elements as Json[] | undefined;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) return 'context needs 1 to 10 elements';
      for (const element of elements) {
        const problem = textProblem(element, 3000, ['mrkdwn', 'plain_text']);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'actions': {
      const elements = block.elements as Json[] | undefined;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) return 'actions needs 1 to 25 elements';
      const actionIds = new Set<string>();
      for (const element of elements) {
        if (element.type !== 'button') return `unexpected element ${String(element.type)}`;
        const problem = textProblem(element.text, 75, ['plain_text']);
        if (problem) return `button: ${problem}`;
        if (typeof element.value === 'string' && element.value.length > 2000) return 'button value over 2000 characters';
        const label = element.accessibility_label;
        if (label !== undefined && (typeof label !== 'string' || label.length === 0 || label.length > 75)) return 'button accessibility_label must be 1 to 75 characters';
        if (typeof element.action_id !== 'string' || actionIds.has(element.action_id)) return 'missing or repeated action_id';
        actionIds.add(element.action_id);
      }
      return undefined;
    }
    default:
      return `unknown block type ${String(block.type)}`;
  }
}

function textProblem(raw: unknown, max: number, types: string[]): string | undefined {
  const text = raw as Json | undefined;
  if (!text || typeof text.text !== 'string') return 'missing text';
  if (!types.includes(String(text.type))) return `text type ${String(text.type)} not allowed`;
  if (text.text.length === 0) return 'empty text';
  if (text.text.length > max) return `text of ${text.text.length} characters (at most ${max})`;
  return undefined;
}
