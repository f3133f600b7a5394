import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";
import { defineConfig, globalIgnores } from "eslint/config";

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
    files: ["app/**", "channels/**", "components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "drizzle-orm", message: "Query the database through db/ functions." }] },
      ],
    },
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
