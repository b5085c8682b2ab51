import { ROLE_NAMES } from "@/lib/domain/stages";
import type { UserSummary } from "@/lib/types/user";

/** People to tick (owners, named approvers): name, role and email, in a scrolling list. */
export function PeopleChecklist({
  legend,
  name,
  people,
  checked,
  onChange,
  error,
}: {
  legend: string;
  /** Form field name, when the list is part of a form. */
  name?: string;
  people: UserSummary[];
  checked: ReadonlySet<string>;
  onChange?: (id: string, isChecked: boolean) => void;
  error?: string;
}) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      {people.length === 0 ? (
        <p className="text-sm text-muted">Nobody holds a role that may be chosen here.</p>
      ) : (
        <ul className="max-h-64 divide-y divide-border overflow-y-auto rounded-md border border-border">
          {people.map((person) => (
            <li key={person.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-surface-muted">
                <input
                  type="checkbox"
                  name={name}
                  value={person.id}
                  {...(onChange
                    ? {
                        checked: checked.has(person.id),
                        onChange: (event) => onChange(person.id, event.target.checked),
                      }
                    : { defaultChecked: checked.has(person.id) })}
                  className="size-4 accent-[var(--color-accent)]"
                />
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-fg">{person.name}</span>
                  <span className="block truncate text-xs text-muted">{person.email}</span>
                </span>
                <span className="text-xs text-muted">{ROLE_NAMES[person.role]}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="text-sm text-danger">{error}</p>}
    </fieldset>
  );
}
