import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Depeche } from '../core/depeche.ts';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.ts';
import type { Logger } from '../logger.ts';

export type ReloadResult = { ok: true; articles: number } | { ok: false; error: string };

export interface KnowledgeWatcher {
  /** Loads the folder again now: swaps it in when valid, else keeps the knowledge being served and logs why. */
  reloadNow(): ReloadResult;
  close(): void;
}

/**
 * Hot reload of `knowledge/`: every change to the folder or to an article folder is validated by the same
 * loader as at startup and swapped in whole (depeche.replaceKnowledge), or refused whole. Changes come in
 * bursts (an editor writes a file in several steps), so a reload waits for `debounceMs` of quiet.
 * The root and each article folder get their own non-recursive watcher: Node 20's recursive fs.watch on
 * Linux is a JavaScript emulation that has missed new sub-folders.
 */
export function watchKnowledge(options: { dir: string; depeche: Depeche; logger: Logger; debounceMs?: number }): KnowledgeWatcher {
  const { dir, depeche, logger } = options;
  const debounceMs = options.debounceMs ?? 300;
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  function reloadNow(): ReloadResult {
    try {
      const next = loadKnowledge(dir);
      depeche.replaceKnowledge(next);
      logger.info({ dir, articles: next.articles.map((article) => article.id) }, 'knowledge reloaded');
      return { ok: true, articles: next.articles.length };
    } catch (error) {
      const message = error instanceof KnowledgeError ? error.message : `${dir}: ${(error as Error).message}`;
      logger.error({ dir, error: message }, `knowledge reload refused, still serving the previous knowledge: ${message}`);
      return { ok: false, error: message };
    } finally {
      rewatch();
    }
  }

  function schedule(): void {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(reloadNow, debounceMs);
  }

  /** Watches the root and each folder in it; folders added or removed since the last time are picked up. */
  function rewatch(): void {
    if (closed) return;
    const wanted = new Set([dir, ...articleFolders(dir)]);
    for (const [path, watcher] of watchers) {
      if (!wanted.has(path)) {
        watcher.close();
        watchers.delete(path);
      }
    }
    for (const path of wanted) {
      if (watchers.has(path)) continue;
      try {
        const watcher = watch(path, { persistent: false }, schedule);
        // A watched folder that is deleted errors on some systems: the next reload notices it is gone.
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(path);
          schedule();
        });
        watchers.set(path, watcher);
      } catch (error) {
        logger.warn({ path, error: (error as Error).message }, 'cannot watch a knowledge folder');
      }
    }
  }

  rewatch();
  return {
    reloadNow,
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function articleFolders(root: string): string[] {
  try {
    return readdirSync(root)
      .map((name) => join(root, name))
      .filter((path) => {
        try {
          return statSync(path).isDirectory();
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}
