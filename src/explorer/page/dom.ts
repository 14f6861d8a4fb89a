// DOM building for the page. Rule data is untrusted, so every string goes in through
// `textContent` or a checked attribute; nothing here ever parses HTML.

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  className?: string;
  /** Attributes set with `setAttribute`; `href` values go through `safeHref` first. */
  attrs?: Record<string, string>;
  /** Test hook: sets `data-testid`. */
  testId?: string;
  onClick?: (event: MouseEvent) => void;
}

/** Creates an element with text and element children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className !== undefined) element.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    element.setAttribute(name, name === 'href' ? safeHref(value) : value);
  }
  if (options.testId !== undefined) element.dataset.testid = options.testId;
  const onClick = options.onClick;
  if (onClick !== undefined) element.addEventListener('click', (event) => onClick(event as MouseEvent));
  append(element, ...children);
  return element;
}

/** Appends children; strings become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Removes every child of an element. */
export function clear(element: Element): void {
  element.replaceChildren();
}

/** Keeps in-page (`#…`) and web (`http:`, `https:`) links; anything else (`javascript:`) becomes `#`. */
export function safeHref(href: string): string {
  if (href.startsWith('#')) return href;
  return isWebUrl(href) ? href : '#';
}

/** Tells whether a string is an absolute http or https URL. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Creates a link that opens in a new tab and sends no referrer. */
export function externalLink(href: string, text: string): HTMLAnchorElement {
  return el('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, text);
}

/** Creates a button that copies text to the clipboard and shows "Copied" for a moment. */
export function copyButton(getText: () => string, label = 'Copy'): HTMLButtonElement {
  const button = el('button', { className: 'copy', attrs: { type: 'button' } }, label);
  button.addEventListener('click', () => {
    void navigator.clipboard.writeText(getText()).then(
      () => flash(button, 'Copied', label),
      () => flash(button, 'Copy failed', label),
    );
  });
  return button;
}

function flash(button: HTMLButtonElement, text: string, label: string): void {
  button.textContent = text;
  setTimeout(() => {
    button.textContent = label;
  }, 1200);
}
