/**
 * A cheap check of which of our two languages a text is written in, from the frequency of short function
 * words. It only has to tell English from French in a page of legal text, where these words are plentiful.
 */
const ENGLISH = new Set([
  'the',
  'and',
  'of',
  'to',
  'you',
  'your',
  'is',
  'are',
  'be',
  'for',
  'with',
  'this',
  'that',
  'by',
  'any',
  'may',
  'will',
  'if',
  'or',
]);
const FRENCH = new Set([
  'le',
  'la',
  'les',
  'et',
  'de',
  'des',
  'du',
  'vous',
  'votre',
  'vos',
  'est',
  'sont',
  'pour',
  'avec',
  'ce',
  'cette',
  'par',
  'aux',
  'au',
  'une',
  'ou',
  'si',
]);

/** `'en'` or `'fr'` when the text clearly reads as one of them (3 to 1 at least, 10 words at least), else undefined. */
export function guessLanguage(text: string): 'en' | 'fr' | undefined {
  let english = 0;
  let french = 0;
  for (const word of text.toLowerCase().split(/[^a-zà-ÿ’']+/)) {
    if (ENGLISH.has(word)) english++;
    if (FRENCH.has(word)) french++;
  }
  if (english + french < 10) return undefined;
  if (english >= 3 * french) return 'en';
  if (french >= 3 * english) return 'fr';
  return undefined;
}
