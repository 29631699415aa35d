import { describe, expect, test } from 'vitest';
import './ensure-schema';
import { wordWrap } from '../../../../src/sim/apiserver/schema/explain';

// upstream: github.com/mitchellh/go-wordwrap TestWrapString (the wrapper kubectl explain's `wrap` uses)
describe('wordWrap', () => {
  test.each([
    ['a simple word passes through', 'foo', 'foo', 4],
    ['a single word that is too long passes through', 'foobarbaz', 'foobarbaz', 4],
    ['lines are broken at whitespace', 'foo bar baz', 'foo\nbar\nbaz', 4],
    ['words longer than the width are not broken', 'foo bars bazzes', 'foo\nbars\nbazzes', 4],
    ['a word that would run beyond the width is wrapped', 'fo sop', 'fo\nsop', 4],
    ['trailing whitespace that fits passes through; a tab is one character', 'foo\nb\t r\n baz', 'foo\nb\t r\n baz', 4],
    ['an explicit line break at the end is preserved', 'foo bar baz\n', 'foo\nbar\nbaz\n', 4],
    ['explicit breaks are always preserved', '\nfoo bar\n\n\nbaz\n', '\nfoo\nbar\n\n\nbaz\n', 4],
    ['a non-breaking space does not break', 'foo bar\u00a0baz', 'foo\nbar\u00a0baz', 10],
  ])('%s', (_name, input, output, lim) => {
    expect(wordWrap(input, lim)).toBe(output);
  });
});
