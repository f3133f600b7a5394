import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";
import { defineConfig, globalIgnores } from "eslint/config";

/** The folders whose code runs in the app (the server, the browser, the database layer). */
const runtimeFolders = ["app/**", "channels/**", "components/**", "lib/**", "db/**"];
const testFiles = ["**/*.test.ts", "**/*.test.tsx"];
const noDrizzle = { name: "drizzle-orm", message: "Query the database through db/ functions." };
const outOfRuntime = [
  {
    regex: "^(@/|(\\.\\.?/)+)(testing|tools|bench|e2e|scripts|packages)(/|$)",
    message:
      "Test kits, tools, the bench and the browser tests stay out of the app; a package is imported by its name.",
  },
  {
    regex: "^@purwantara/emulator(/|$)",
    message: "The emulator is a stand-in for the gateway: the app reaches it over HTTP only.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-bench/**",
    ".data/**",
    "drizzle/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Only db/ talks SQL: everything else calls its query functions.
    files: runtimeFolders.filter((f) => f !== "db/**"),
    rules: { "no-restricted-imports": ["error", { paths: [noDrizzle] }] },
  },
  {
    // Test kits, tools, the bench, the browser tests and the emulator stay out of the
    // running app (README, Layout); the tests beside the code may use them.
    files: runtimeFolders.filter((f) => f !== "db/**"),
    ignores: testFiles,
    rules: { "no-restricted-imports": ["error", { paths: [noDrizzle], patterns: outOfRuntime }] },
  },
  {
    files: ["db/**"],
    ignores: testFiles,
    rules: { "no-restricted-imports": ["error", { patterns: outOfRuntime }] },
  },
  {
    // Every word a person reads comes from messages/: no literal text in JSX.
    files: ["app/**/*.tsx", "channels/**/*.tsx", "components/**/*.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            include: ["aria-label", "title", "alt", "placeholder", "label", "pendingText", "hint"],
          },
          // Symbols, codes ("WIB", "P"), the currency and example addresses are not sentences.
          words: { exclude: ["[0-9!-/:-@[-`{-~\\s—→←·×…]+", "[A-Z_-]+", "Rp", "https?://\\S+"] },
          callees: { exclude: ["t", "t\\.rich", "t[A-Z]\\w*", "label", "field", "format\\.\\w+"] },
        },
      ],
    },
  },
]);
