// What counts as a hostname here. Shared by the schema and the browser's address lookup,
// so it must not import zod.
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
// The last label is letters, or the punycode form of an IDN top-level domain (xn--fiqs8s = 中国).
const NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

// One colon and digits after it is a port written into the host (`imap.163.com:993`); an IPv6
// address has at least two colons.
const WITH_PORT = /^[^:]*:\d*$/;

export const hasPort = (v: string) => WITH_PORT.test(v);
export const isIpAddress = (v: string) => IPV4.test(v) || (v.includes(':') && !hasPort(v));
export const isHostname = (v: string) => !isIpAddress(v) && NAME.test(v);
