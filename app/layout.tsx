import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SearchBox } from "@/components/search-box";
import { config } from "@/lib/config";
import { SITE_NAME } from "@/lib/present/site";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: "Which hospitals treat soft tissue sarcoma in children, how they compare, and what treatment looks like, in plain words with sources.",
  metadataBase: new URL(config().SITE_URL),
  formatDetection: { telephone: false },
  // public/ holds the files browsers ask for by name (scripts/make-icons.ts draws them from app/icon.svg).
  manifest: "/manifest.webmanifest",
  icons: { apple: "/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

const NAV = [
  { href: "/hospitals", label: "Hospitals" },
  { href: "/sarcomas", label: "Sarcoma types" },
  { href: "/treatments", label: "Treatments" },
  { href: "/pathways", label: "Pathways" },
  { href: "/support", label: "Help for families" },
];

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link absolute left-2 top-2 z-50 -translate-y-24 rounded bg-white px-4 py-2 font-semibold shadow focus:translate-y-0">
          Skip to main content
        </a>
        <header role="banner" className="border-b border-slate-300 bg-brand-50">
          <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
            <a href="/" className="text-lg font-bold text-brand-800 no-underline">
              {SITE_NAME}
            </a>
            <SearchBox id="site-search" label="Search the site" action="/search" placeholder="Search" compact />
            <nav aria-label="Main">
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {NAV.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} className="inline-block py-1 font-medium">
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-slate-300 bg-slate-50">
          <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-800">
            <p className="font-semibold">This site gives general information, not medical advice.</p>
            <p className="mt-1">
              It does not replace your child&apos;s care team: always ask them about your child&apos;s diagnosis and treatment. Facts are compiled from public
              sources, each linked on its page, and are not reviewed by a clinician unless a page says so. In an emergency, call your local emergency number.
            </p>
            <p className="mt-2">
              <a href="/about">About this site and how we check facts</a> · <a href="/networks">Networks of centres</a> · <a href="/glossary">Glossary</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
