/**
 * UI strings go through browser.i18n (locales/en.yml), so a translation needs no code change.
 * This finds the words a component would still show from code: JSX text, string literals rendered as
 * children, and the attributes people read or hear (title, aria-label, placeholder, alt…).
 * Symbols and numbers (—, ·, ×, ⋯, %) are not words and may stay in code.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt', 'label']);
const HAS_WORD = /\p{L}{2,}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** String literals that end up as the value: through ?:, &&, ||, ??, + and parentheses; not comparisons or calls. */
function renderedLiterals(node: ts.Node): ts.StringLiteralLike[] {
  if (ts.isStringLiteralLike(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node.head, ...node.templateSpans.map((span) => span.literal)].some((part) => HAS_WORD.test(part.text)) ? [node as unknown as ts.StringLiteralLike] : [];
  if (ts.isParenthesizedExpression(node)) return renderedLiterals(node.expression);
  if (ts.isConditionalExpression(node)) return [...renderedLiterals(node.whenTrue), ...renderedLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(node.right);
    if ([ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(operator)) {
      return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
    }
  }
  return [];
}

function hardCodedStrings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_WORD.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of renderedLiterals(node.expression)) if (HAS_WORD.test(literal.getText())) report(literal, literal.getText());
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const literal of value ? renderedLiterals(value) : []) if (HAS_WORD.test(literal.getText())) report(literal, literal.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI strings', () => {
  it('no component shows words from code: they come from locales/en.yml through i18n.t', () => {
    const files = [...tsxFiles('components'), ...tsxFiles('entrypoints')];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(hardCodedStrings)).toEqual([]);
  });

  it('catches each kind of hard-coded string it looks for', () => {
    const probe = join('tests/unit/fixtures', 'hard-coded-strings.tsx');
    expect(hardCodedStrings(probe).map((line) => line.replace(/^.*?: /, ''))).toEqual([
      'Plain text',
      "'Literal child'",
      "'Yes'",
      "'No'",
      "'One'",
      '"Tooltip"',
      "'Name'",
      '`Total ${n}`',
    ]);
  });
});
