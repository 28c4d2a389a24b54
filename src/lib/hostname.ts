// What counts as a hostname here. Shared by the schema and the browser's address lookup,
// so it must not import zod.
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const isIpAddress = (v: string) => IPV4.test(v) || v.includes(':');
export const isHostname = (v: string) => !isIpAddress(v) && NAME.test(v);
