import { type ClassValue, clsx } from "clsx";

/**
 * Joins class names (falsy parts dropped). It does not resolve conflicts: a component's own classes
 * and a caller's must not set the same property. Components take props for what callers change
 * (a button's variant, a field's size) instead. Merging would ship tailwind-merge's 8 KB (gzip) to
 * every page; e2e/views/class-conflicts.spec.ts checks the rendered pages for conflicts.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
