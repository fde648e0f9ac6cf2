import next from "eslint-config-next";

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
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Link with a plain <a>: see eslint.config.mjs and README.md, Performance." }] }],
      // The production server sends pages without React's browser code
      // (lib/server/framework-scripts.ts): a client component would render but never run.
      "no-restricted-syntax": [
        "error",
        {
          selector: "Program > ExpressionStatement[directive='use client']",
          message: "Pages carry no React in the browser in production. Write the interaction as an <InlineScript> (components/inline-script.tsx); see README.md, Performance.",
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
