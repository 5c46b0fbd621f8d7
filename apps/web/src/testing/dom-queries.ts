// Tiny role/label queries for TestBed specs, in the spirit of Testing Library (which is not installed).

/** Text a user (or a screen reader) perceives: skips aria-hidden parts such as required-field asterisks. */
export function visibleText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return Array.from(node.childNodes).map(visibleText).join('');
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function accessibleName(el: Element): string {
  const ariaLabel = el.getAttribute('aria-label');
  if (ariaLabel) return normalize(ariaLabel);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id))
      .filter((x): x is HTMLElement => !!x)
      .map(visibleText)
      .join(' ');
    if (normalize(text)) return normalize(text);
  }
  return normalize(visibleText(el));
}

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"]',
  link: 'a[href], [role="link"]',
  alert: '[role="alert"]',
  status: '[role="status"]',
  option: '[role="option"]',
  menuitem: '[role="menuitem"], [role="menuitemradio"]',
  heading: 'h1, h2, h3, h4, [role="heading"]',
  combobox: '[role="combobox"]',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], input[type="search"], input[type="tel"], textarea',
};

export function queryAllByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const selector = ROLE_SELECTORS[role] ?? `[role="${role}"]`;
  return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter((el) => {
    if (name === undefined) return true;
    const accName = accessibleName(el);
    return typeof name === 'string' ? accName === name : name.test(accName);
  });
}

export function getByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = queryAllByRole(root, role, name);
  if (found.length !== 1) {
    throw new Error(`Expected one ${role} named ${String(name)}, found ${found.length}`);
  }
  return found[0];
}

/** The form control a <label> (or aria-label) with this text names. */
export function getByLabel<T extends HTMLElement = HTMLInputElement>(root: ParentNode, text: string): T {
  for (const label of Array.from(root.querySelectorAll('label'))) {
    if (normalize(visibleText(label)) !== text) continue;
    const forId = label.getAttribute('for');
    const control = forId ? label.ownerDocument.getElementById(forId) : label.querySelector('input, select, textarea');
    if (control) return control as T;
    // Custom controls such as mat-select point at their label with aria-labelledby instead.
    if (label.id) {
      const labelled = Array.from(root.querySelectorAll('[aria-labelledby]')).find((el) =>
        el.getAttribute('aria-labelledby')!.split(/\s+/).includes(label.id),
      );
      if (labelled) return labelled as T;
    }
  }
  const byAria = root.querySelector(`[aria-label="${text}"]`);
  if (byAria) return byAria as T;
  throw new Error(`No control labelled "${text}"`);
}

/** The error message shown under the Material form field that holds this control. */
export function fieldError(control: HTMLElement): string {
  const field = control.closest('mat-form-field');
  const error = field?.querySelector('mat-error');
  return error ? normalize(visibleText(error)) : '';
}

export function type(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('blur'));
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}
