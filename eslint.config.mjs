import next from "eslint-config-next";

const NO_NEXT_LINK = { name: "next/link", message: "Link with a plain <a>: see eslint.config.mjs and README.md, Performance." };
// The folders of lib/ (README.md, "Where things are"): data flows content/ -> store ->
// lib/data -> pages, and the HTTP edge wraps the whole app from outside.
const BUILD_TIME = {
  group: ["**/lib/content", "**/lib/content/**", "@/lib/content/**", "../content", "../content/**"],
  message: "lib/content/ runs at build time (the content build). Request-time code reads the store through lib/data/, and shared words live in lib/domain.ts.",
};
const HTTP_EDGE = {
  group: ["**/lib/server", "**/lib/server/**", "@/lib/server/**", "../server", "../server/**"],
  message: "lib/server/ is the production server's HTTP edge (server.ts, proxy.ts): pages and components never depend on it.",
};

const config = [
  { ignores: ["generated/**", ".next/**", "node_modules/**", "bench/tmp/**", "test-results/**", "playwright-report/**"] },
  ...next,
  {
    // Links between pages are plain <a> elements: each page is a whole prerendered or
    // cached document, and next/link would hydrate a client component per link and
    // prefetch every link in view (eleven background requests on /about). Measured in
    // Lighthouse's mobile run: total blocking time fell by about a third. See README.md,
    // "Performance".
    rules: {
      "@next/next/no-html-link-for-pages": "off",
      "no-restricted-imports": ["error", { paths: [NO_NEXT_LINK] }],
      // The production server sends pages without React's browser code
      // (lib/server/framework-scripts.ts): a client component would render but never run.
      "no-restricted-syntax": [
        "error",
        {
          selector: "Program > ExpressionStatement[directive='use client']",
          message:
            "Pages carry no React in the browser in production. Write the interaction as an <InlineScript> (components/inline-script.tsx); see README.md, Performance.",
        },
      ],
    },
  },
  {
    // Pages, components and the request-time modules of lib/ never load build-time code or
    // the HTTP edge. (The last matching block wins for a rule, so each repeats NO_NEXT_LINK.)
    files: ["app/**", "components/**", "lib/data/**", "lib/params/**", "lib/present/**", "lib/domain.ts", "lib/config.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [NO_NEXT_LINK], patterns: [BUILD_TIME, HTTP_EDGE] }] },
  },
  {
    // The build reads the shared words and parsers, never the queries, pages or the server.
    files: ["lib/content/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NO_NEXT_LINK],
          patterns: [
            HTTP_EDGE,
            {
              group: ["**/lib/data/**", "@/lib/data/**", "../data/**", "**/app/**", "@/app/**", "**/components/**", "@/components/**"],
              message: "The content build writes the store; it does not read it through the site's queries or render pages.",
            },
          ],
        },
      ],
    },
  },
  {
    // Next requires an error boundary to be a client component. It is rendered on the
    // server like the rest; its button needs JavaScript, its link does not.
    files: ["app/error.tsx"],
    rules: { "no-restricted-syntax": "off" },
  },
];

export default config;
