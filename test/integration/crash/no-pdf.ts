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
// Every drawing primitive a document may import (a missing one fails the writer's build, not a test).
export const G = refuse;
export const Circle = refuse;
export const Ellipse = refuse;
export const Line = refuse;
export const Polyline = refuse;
export const Polygon = refuse;
export const Rect = refuse;
export const Image = refuse;
export const Link = refuse;
export const Defs = refuse;
export const ClipPath = refuse;
export const LinearGradient = refuse;
export const Stop = refuse;
export const Tspan = refuse;
export const renderToBuffer = refuse;
export const StyleSheet = { create: <T>(styles: T): T => styles };
export const Font = { register: () => undefined, registerHyphenationCallback: () => undefined };
