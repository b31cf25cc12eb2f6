/**
 * The crash writer never prints: it gets this stand-in for @react-pdf/renderer, which takes most of
 * a process's start-up (a second and more on a busy machine) and would make 200 restarts slow.
 */
const refuse = () => {
  throw new Error('The crash writer does not print');
};
export const Document = refuse;
export const Page = refuse;
export const Text = refuse;
export const View = refuse;
export const Svg = refuse;
export const Path = refuse;
export const renderToBuffer = refuse;
export const StyleSheet = { create: <T>(styles: T): T => styles };
export const Font = { register: () => undefined, registerHyphenationCallback: () => undefined };
