/** Keyboard stepping shared by every stepper widget: → / Space next, ← previous, Home / End. */

import type { StepperAction } from './stepper.svelte';

const ACTIONS: Record<string, StepperAction> = {
  ArrowRight: 'next',
  ' ': 'next',
  ArrowLeft: 'prev',
  Home: 'first',
  End: 'last',
};

export function stepperAction(key: string): StepperAction | undefined {
  return ACTIONS[key];
}

/**
 * Whether a key press is the widget's to handle: not while typing in a field, not with modifier
 * keys (browser shortcuts), and Space on a button stays the button's own click.
 */
export function isStepperKey(event: KeyboardEvent): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.target as HTMLElement | null;
  const tag = target?.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return false;
  if (tag === 'BUTTON' && (event.key === ' ' || event.key === 'Enter')) return false;
  return true;
}
