// stopword 3 ships no type declarations; Depeche uses two of its lists.
declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
}
