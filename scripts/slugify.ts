const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', é: 'e', ü: 'u', ö: 'o', ä: 'a' };

/** A file name editors can read: «Flytte kontrollrom – seks måneder» becomes `flytte-kontrollrom-seks-maneder`. */
export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[æøåéüöä]/g, (letter) => LETTERS[letter] ?? letter)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'artikkel'
  );
}
