/** Who the elements' words address: a customer on their own device, or a clerk at a till. */
export type Audience = 'online' | 'in_store';

const read = (value: string | null | undefined): Audience | undefined =>
  value === 'online' || value === 'in_store' ? value : undefined;

/**
 * The element's `channel` property or attribute, else the nearest ancestor's `channel` (or `data-channel`) attribute
 * (crossing shadow roots, as `lang` is resolved), else `online`: the customer is addressed unless a till says otherwise.
 */
export function resolveAudience(element: Element & { channel?: string }): Audience {
  const own = read(element.channel);
  if (own) return own;
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element) {
      const found =
        read(node.getAttribute('channel')) ??
        read(node.getAttribute('data-channel')) ??
        read((node as Element & { channel?: string }).channel);
      if (found) return found;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return 'online';
}

export const readAudience = read;
