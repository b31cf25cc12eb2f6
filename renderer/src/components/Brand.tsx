/** The Runback mark: a path that climbs back up. Decorative; the word beside it names the app. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0f766e" />
      <path d="M7 22.5c3.2 0 4.2-9 8-9s3.4 5 6.4 5c1.9 0 2.8-2.2 3.6-4" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="25" cy="13" r="2" fill="#bff0e8" />
    </svg>
  );
}

/** The name above the sign-in, lock and setup cards: a banner landmark, so every part of those pages sits in one. */
export function AuthBrand() {
  return (
    <header className="auth-brand">
      <BrandMark />
      <span>RUNBACK</span>
    </header>
  );
}
