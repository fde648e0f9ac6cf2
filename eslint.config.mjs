import next from "eslint-config-next";

export default [
  { ignores: ["generated/**", ".next/**", "node_modules/**", "bench/tmp/**", "test-results/**", "playwright-report/**"] },
  ...next,
];
