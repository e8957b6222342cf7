// The red square with the yellow star (the favicon's drawing), without the icon library.
export function Logo() {
  return (
    <span className="lt-logo" aria-hidden="true">
      <svg viewBox="4 4 24 24">
        <path d="M16 5l2.6 7.9H27l-6.8 4.9 2.6 8-6.8-5-6.8 5 2.6-8L5 12.9h8.4z" />
      </svg>
    </span>
  );
}
