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
