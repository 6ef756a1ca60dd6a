// Whether an endpoint is on this machine decides two things: whether ddbench asks before
// sending load (a remote target costs money and may be shared), and whether fake credentials
// are safe to use. Pure: no DNS lookups, so `localhost` is trusted by name.

/** 127.0.0.0/8, `localhost` (and `*.localhost`), ::1 in any spelling. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return h.split('.').every((part) => Number(part) <= 255);
  if (h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h) || h === '0:0:0:0:0:0:0:1') return true;
  // IPv4-mapped IPv6 loopback: ::ffff:127.0.0.1 (URL parsing turns it into ::ffff:7f00:1)
  const mapped = /^::ffff:(.+)$/.exec(h);
  if (mapped?.[1] !== undefined) {
    if (mapped[1].includes('.')) return isLoopbackHost(mapped[1]);
    return /^7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(mapped[1]);
  }
  return false;
}

/** False for anything that does not parse as a URL. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
