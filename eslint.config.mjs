import next from "eslint-config-next";

const config = [
  { ignores: ["generated/**", ".next/**", "node_modules/**", "bench/tmp/**", "test-results/**", "playwright-report/**"] },
  ...next,
];

export default config;
