/** A titled section of the profile page. */
export function Panel({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-5 rounded-xl border border-border bg-surface p-6 shadow-xs"
    >
      <div>
        <h2 id={`${id}-heading`} className="text-base font-semibold text-fg">
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted">{description}</p>
      </div>
      {children}
    </section>
  );
}
