// TRUST_PROXY says which X-Forwarded-For entries to believe: a number of proxy hops in front of the API
// (`1` for one reverse proxy: the client is the address that proxy saw), or a comma-separated list of
// the proxies' addresses or CIDRs. Never "trust everything": with `true` the left-most entry — which the
// client writes itself — would become the client address, and rate limits and lockouts could be
// dodged. `true` is therefore refused at start with a message saying what to write instead.
import { isIP } from 'node:net';

export type TrustProxy = false | number | string[];

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0' || value === 'no') return false;
  if (value === 'true' || value === 'yes' || value === '*') {
    throw new Error('TRUST_PROXY=true would believe any X-Forwarded-For a client sends: set the number of proxies in front of the API (e.g. TRUST_PROXY=1) or their addresses (e.g. TRUST_PROXY=10.0.0.0/8,127.0.0.1)');
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new Error(`TRUST_PROXY=${value}: a hop count above 10 is not plausible; give the number of proxies in front of the API`);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (bad.length > 0 || entries.length === 0) {
    throw new Error(`TRUST_PROXY: "${bad.join(', ') || raw}" is not an IP address or CIDR; give a hop count (e.g. 1) or the proxies' addresses`);
  }
  return entries;
}

function isAddressOrCidr(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}
