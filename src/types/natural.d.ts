// natural is imported by submodule (its main entry is slow and prints to stdout); these are the submodules used.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/tfidf/tfidf.js' {
  class TfIdf {
    addDocument(document: string | string[], key?: unknown, restoreCache?: boolean): void;
    tfidf(terms: string | string[], index: number): number;
    idf(term: string, force?: boolean): number;
    documents: Array<Record<string, number>>;
  }
  export default TfIdf;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
