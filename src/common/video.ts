/** Video links an article may carry (ADR 24): YouTube and Vimeo only, shared by the editor and the server. */
/** A YouTube or Vimeo page address turned into its player's address, or null. */
export function videoEmbedUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.replace(/^www\.|^m\./, '');
  let id: string | null = null;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id =
      u.pathname === '/watch'
        ? u.searchParams.get('v')
        : (/^\/(?:embed|shorts)\/([^/]+)$/.exec(u.pathname)?.[1] ?? null);
  } else if (host === 'youtu.be') id = u.pathname.slice(1);
  if (id && /^[A-Za-z0-9_-]{6,20}$/.test(id)) return `https://www.youtube-nocookie.com/embed/${id}`;
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const v = /^\/(?:video\/)?(\d{1,12})$/.exec(u.pathname)?.[1];
    if (v) return `https://player.vimeo.com/video/${v}`;
  }
  return null;
}
