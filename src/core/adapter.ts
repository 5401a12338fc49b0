import type { ChannelPoster } from '../briefing/poster.ts';

/** What every platform adapter returns from its start: a way to stop cleanly. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
  /** Posts scheduled briefings to the platform's channels. */
  poster?: ChannelPoster;
}
