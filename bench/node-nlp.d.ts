// The part of node-nlp 4.27 (NLP.js, CommonJS, no types of its own) that bench/accuracy.ts uses.
declare module 'node-nlp' {
  export interface NlpResult {
    intent: string;
    score: number;
  }
  export class NlpManager {
    constructor(settings?: Record<string, unknown>);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
  const nlp: { NlpManager: typeof NlpManager };
  export default nlp;
}
