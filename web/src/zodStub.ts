/**
 * Stands in for zod in the browser build. The app imports label tables (状态, 项目阶段) from the
 * domain's types module, which also builds zod schemas at load time; the app never validates
 * with them (the server does), so every zod call here returns this inert stand-in and ~60 kB
 * (gzip) of zod is not shipped. Anything that tried to really validate would fail loudly.
 */
type Inert = ((...args: unknown[]) => Inert) & { [k: string]: Inert };
const inert: Inert = new Proxy(function () {} as unknown as Inert, {
  get: (_t, key) => (key === Symbol.toPrimitive ? () => '[zod stub]' : inert),
  apply: () => inert,
});
export const z = inert;
export default inert;
