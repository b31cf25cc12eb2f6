/** A TTF imported with `?inline` is its bytes as a base64 data: URL (Vite), so the font travels inside the bundle. */
declare module '*.ttf?inline' {
  const dataUrl: string;
  export default dataUrl;
}
