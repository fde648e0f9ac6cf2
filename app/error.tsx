"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Something went wrong on our side</h1>
      <p className="mt-3">Sorry. This page could not be shown just now. Nothing you did caused this.</p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Try again
        </button>
        <a href="/" className="px-4 py-2">
          Go to the home page
        </a>
      </div>
    </div>
  );
}
