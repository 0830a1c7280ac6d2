import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/', 'playwright-report/', 'demo-screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Strangers' token data must never reach the DOM as HTML.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render untrusted data as text.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Do not rebuild HTML; use DOM APIs or text.' },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Do not rebuild HTML; use DOM APIs or text.' },
      ],
    },
  },
);
