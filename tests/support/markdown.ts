/**
 * The code blocks of a Markdown file, for the tests that run a README's examples.
 */
import { readFileSync } from 'node:fs';

export type CodeBlock = {
  /** The nearest heading above the block. */
  heading: string;
  code: string;
};

/** The fenced blocks of `language` in the file, in order. */
export function codeBlocks(file: URL, language: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let heading = '';
  const fence = /^(#{1,6}) (.*)$|^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const match of readFileSync(file, 'utf8').matchAll(fence)) {
    if (match[1]) heading = match[2]!;
    else if (match[3] === language) blocks.push({ heading, code: match[4]! });
  }
  return blocks;
}
