// Prettier formats the code (npm run format; npm test checks it with format:check).
// Lines are long on purpose: the code was written at about this width, and a query or a
// JSX element on one line reads better here than folded.
const config = { printWidth: 160 };

export default config;
