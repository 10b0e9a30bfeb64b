/** A small element builder: API data only ever becomes text nodes and attribute values, never markup. */

type Child = Node | string | null | undefined | false;
type Attribute = string | number | boolean | null | undefined;
type Props = Record<string, Attribute | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...children.flat().filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
  return element;
}

let counter = 0;
/** Ids unique within a page, for label/aria references inside a shadow root. */
export const uid = (prefix: string) => `${prefix}-${(counter += 1)}`;

/** Heading level from an attribute, so the component fits the host page's outline (2–6, default 3). */
export function headingTag(value: string | null, offset = 0): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  const level = Math.min(6, Math.max(2, (Number.parseInt(value ?? '', 10) || 3) + offset));
  return `h${level}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}
