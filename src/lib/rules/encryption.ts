// A provider that offers no encrypted server in a direction still gets its pages, with a warning:
// such providers exist, and a user of one still needs the settings.
import { DIRECTIONS, unencrypted } from '../servers.ts';
import type { DatasetRule } from './rule.ts';

/** The warning for a plaintext-only provider: expected, so the build counts these instead of listing them. */
export const NO_ENCRYPTION = 'no encrypted connection offered';

export const encryption: DatasetRule = ({ providers }, _at, warn) => {
  for (const { file, data: p } of providers) {
    for (const direction of unencrypted(p)) {
      const protocol = DIRECTIONS[direction].find((x) => p.servers[x].length)!;
      const s = p.servers[protocol][0]!;
      warn(file)(['servers', protocol], `${s.host}:${s.port}`, `${NO_ENCRYPTION} for ${direction} mail; the pages warn about it, and no profile is made`);
    }
  }
};
