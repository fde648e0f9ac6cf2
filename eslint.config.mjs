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
    },
  },
];

export default config;
