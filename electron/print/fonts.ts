import { Font } from '@react-pdf/renderer';
import interRegular from './fonts/Inter-Regular.ttf?inline';
import interBold from './fonts/Inter-Bold.ttf?inline';

/**
 * The one place printed documents get their font. PDF's built-in Helvetica knows only Latin-1, so
 * "Đặng, Trọng Tấn" printed as "·ng, TrÍng T¥n"; Inter (SIL OFL, fonts/OFL.txt) covers Latin
 * Extended, Vietnamese and the signs we print (°, ≤, →). The TTFs are inlined into the bundle, so the
 * CLI, web mode and the packaged app find them without a path on disk. Every style uses PRINT_FONT
 * (print-styles.ts); bold is `fontWeight: 'bold'` on the same family.
 */
export const PRINT_FONT = 'Runback Sans';

Font.register({
  family: PRINT_FONT,
  fonts: [
    { src: interRegular, fontWeight: 'normal' },
    { src: interBold, fontWeight: 'bold' },
  ],
});

// Names are never hyphenated ("Đặng-Nguyễn" breaks only where it already has a hyphen).
Font.registerHyphenationCallback((word) => [word]);

/** The part of a fontkit font the glyph-cache mend below uses (fontkit ships no types). */
interface GlyphCache {
  getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } | null;
}
const mended = new WeakSet<object>();

/**
 * fontkit keeps one glyph object per glyph id, holding the characters it was first asked for, and
 * react-pdf keeps the font for the life of the process. Embedding a document's font subset asks for
 * the glyphs that accented letters are built from ("ọ" from "o" and a dot below) by id alone, so they
 * are cached with no characters; a later document in the same process then lays out "o" as that
 * glyph, and react-pdf drops a glyph with no characters from the text: "O’Brien" printed as "Bri n"
 * on the next superbill (react-pdf issue 3404). A glyph cached without characters takes those of the
 * first layout that asks for it with some, as it would have had that layout come first.
 */
export async function mendGlyphCache(): Promise<void> {
  for (const source of Font.getRegisteredFonts()[PRINT_FONT]?.sources ?? []) {
    await source.load();
    const font = source.data as unknown as GlyphCache | null;
    if (!font || mended.has(font)) continue;
    const getGlyph = font.getGlyph.bind(font);
    font.getGlyph = (id, codePoints = []) => {
      const glyph = getGlyph(id, codePoints);
      if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
      return glyph;
    };
    mended.add(font);
  }
}
