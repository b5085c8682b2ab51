export function Logo({ className = "size-7" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 32 32" className={className}>
      <rect width="32" height="32" rx="7" fill="#1f3f8f" />
      <g fill="none" strokeWidth="3" strokeLinecap="round">
        <path d="M7 11h6" stroke="#56b4e9" />
        <path d="M11 16h8" stroke="#e69f00" />
        <path d="M17 21h8" stroke="#009e73" />
      </g>
    </svg>
  );
}
