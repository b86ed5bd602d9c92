/** The words of `root` (up to 15 characters, outside tables) drawn broken over two lines, as “word” in <tag> “text”. */
export function brokenWords(root: ShadowRoot): string[];
