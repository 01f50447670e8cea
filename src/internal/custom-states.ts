/**
 * Turns a custom state (`:state(name)`) on or off. Chromium before 125 takes only the legacy `--name` form;
 * browsers without CustomStateSet get none (states are a styling nicety, never behaviour).
 */
export function setCustomState(internals: ElementInternals, name: string, on: boolean): void {
  const states = internals.states as CustomStateSet | undefined;
  if (!states) return;
  for (const form of [name, `--${name}`]) {
    try {
      if (on) states.add(form);
      else states.delete(form);
      return;
    } catch {
      // try the legacy form
    }
  }
}
