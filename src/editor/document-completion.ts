/**
 * Completion on an empty line of a multi-document stream.
 *
 * yaml-language-server finds the document under the cursor by its parsed range
 * (`matchOffsetToDocument`), and a document's range ends at its last token. On a whitespace-only
 * line after `spec:` in the second or later document, the cursor is past that range, no document
 * matches, and Ctrl+Space offers nothing (redhat-developer/yaml-language-server#869); with a
 * single document it falls back to that document. So, for that case only, completion runs on a
 * scratch model holding just the document around the cursor, and the items' ranges are moved back.
 */
import * as monaco from 'monaco-editor/editor/editor.api';

type Provider = monaco.languages.CompletionItemProvider;
type Range = monaco.IRange;

/** A document separator line (`---`, optionally followed by a comment or content) or an end marker (`...`). */
const separator = /^(?:---(?:\s|$)|\.\.\.\s*$)/;

/** The 1-based line span of the document containing `line`, if the model has a separator at all. */
export function documentLines(model: monaco.editor.ITextModel, line: number): { first: number; last: number } | null {
  const count = model.getLineCount();
  let first = 1;
  let last = count;
  let separated = false;
  for (let i = line; i >= 1; i--) {
    if (separator.test(model.getLineContent(i))) {
      first = i + 1;
      separated = true;
      break;
    }
  }
  for (let i = line + 1; i <= count; i++) {
    if (separator.test(model.getLineContent(i))) {
      last = i - 1;
      separated = true;
      break;
    }
  }
  return separated && first <= line ? { first, last } : null;
}

function shift(range: Range, lines: number): Range {
  return { ...range, startLineNumber: range.startLineNumber + lines, endLineNumber: range.endLineNumber + lines };
}

function shiftItem(item: monaco.languages.CompletionItem, lines: number): monaco.languages.CompletionItem {
  const range =
    'insert' in item.range
      ? { insert: shift(item.range.insert, lines), replace: shift(item.range.replace, lines) }
      : shift(item.range, lines);
  return {
    ...item,
    range,
    additionalTextEdits: item.additionalTextEdits?.map((e) => ({ ...e, range: shift(e.range, lines) })),
  };
}

let scratchCount = 0;

/** Wraps monaco-yaml's completion provider with the single-document fallback described above. */
export function completeInOwnDocument(provider: Provider): Provider {
  return {
    triggerCharacters: provider.triggerCharacters,
    resolveCompletionItem: provider.resolveCompletionItem?.bind(provider),
    async provideCompletionItems(model, position, context, token) {
      const span =
        model.getLineContent(position.lineNumber).trim() === '' ? documentLines(model, position.lineNumber) : null;
      if (!span) return provider.provideCompletionItems(model, position, context, token);

      const text = model.getValueInRange({
        startLineNumber: span.first,
        startColumn: 1,
        endLineNumber: span.last,
        endColumn: model.getLineMaxColumn(span.last),
      });
      // Not 'yaml': monaco-yaml would validate the scratch model and put its markers on it.
      const scratch = monaco.editor.createModel(
        text,
        'plaintext',
        model.uri.with({ path: `${model.uri.path}.document-${++scratchCount}.yaml` }),
      );
      try {
        const lines = span.first - 1;
        const inner = new monaco.Position(position.lineNumber - lines, position.column);
        const result = await provider.provideCompletionItems(scratch, inner, context, token);
        return result && { ...result, suggestions: result.suggestions.map((item) => shiftItem(item, lines)) };
      } finally {
        scratch.dispose();
      }
    },
  };
}
