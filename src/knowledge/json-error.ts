import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** What each kind of JSON mistake means, in the words of someone editing the file by hand. */
const REASONS: Record<string, string> = {
  InvalidSymbol: 'this is not a JSON value (text needs double quotes; true, false and null are lower case)',
  InvalidNumberFormat: 'this number is malformed',
  PropertyNameExpected: 'a property name in double quotes is expected here (is there a comma after the last property?)',
  ValueExpected: 'a value is expected here (is there a comma after the last item?)',
  ColonExpected: 'a colon is expected after the property name',
  CommaExpected: 'a comma is missing before this',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'there is more after the end of the JSON',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfComment: 'JSON has no comments',
  UnexpectedEndOfString: 'this string is not closed',
  UnexpectedEndOfNumber: 'this number is cut short',
  InvalidUnicode: 'this string has a malformed \\u escape',
  InvalidEscapeCharacter: 'this string has an invalid escape (a \\ before a letter that means nothing)',
  InvalidCharacter: 'this string holds a tab or a line break: write it as \\t or \\n',
};

/**
 * Where and why `text` is not JSON, once JSON.parse has refused it: "line 3, column 8: a comma is missing before
 * this". Node 20's JSON.parse gives no position for an unexpected token (`tru`, 'single quotes', a comment, a
 * trailing comma in an array), so the strict JSON scanner of jsonc-parser finds it.
 */
export function describeJsonError(text: string, parseError: Error): string {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return parseError.message;
  const { line, column } = lineAndColumn(text, first.offset);
  return `line ${line}, column ${column}: ${REASONS[printParseErrorCode(first.error)] ?? parseError.message}`;
}

/** 1-based line and column of a character offset (a column counts characters, a tab as one). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
