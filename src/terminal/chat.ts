// Placeholder: the terminal chat lands with the core issue.
import type { Depeche } from '../core/depeche.ts';
export async function runTerminalChat(_options: { depeche: Depeche; input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Promise<void> {}
