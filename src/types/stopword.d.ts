// stopword 3 ships no type declarations. Depeche imports its two language files directly: the package's
// index loads the lists of sixty languages (about 10 MB of memory) for the two it needs.
declare module 'stopword/src/stopwords_eng.js' {
  export const eng: string[];
}
declare module 'stopword/src/stopwords_fra.js' {
  export const fra: string[];
}
