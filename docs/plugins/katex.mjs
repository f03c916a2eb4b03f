// A local typedoc plugin: renders `$…$` and `$$…$$` with KaTeX at build time, so the site
// needs no script and no CDN to show math. It runs on MarkdownEvent.PARSE, i.e. on the markdown
// source of every comment, readme and project document, before markdown-it sees it.
//
// - code spans, fenced code blocks and <code>/<pre> HTML are left untouched;
// - `\$` stays an escaped dollar (markdown turns it into `$`);
// - `$` opens inline math only when followed by a non-space, and closes only after a non-space
//   and when not followed by a digit (pandoc's rule), so "between $5 and $10" is plain text;
//   inline math never spans a blank line or a backtick;
// - a KaTeX parse error (or a strict-mode complaint) is a typedoc warning naming the page, which
//   fails the build under treatWarningsAsErrors;
// - in ATX headings only KaTeX's visual HTML is emitted (typedoc derives anchors from the text);
// - katex's CSS and fonts are copied to <out>/assets/katex/ and linked from every page's <head>.
//
// Writing math: typedoc's comment and document parser drops the backslash of `\{` and `\}`
// before this plugin runs, so write `\lbrace … \rbrace` for literal braces.
import { cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import { JSX, MarkdownEvent, RendererEvent } from 'typedoc';

const require = createRequire(import.meta.url);
const katexDist = join(dirname(require.resolve('katex/package.json')), 'dist');

/** Where the stylesheet and fonts land, relative to the site root. */
export const KATEX_ASSETS = 'assets/katex';

/**
 * Finds the math in a markdown string and replaces each piece with what `render` returns.
 * `render(tex, display, heading)` gets the TeX between the delimiters (and whether it sits in
 * an ATX heading); code is never passed to it.
 */
export function replaceMath(markdown, render) {
  let out = '';
  let i = 0;
  const n = markdown.length;
  let lineStart = true;
  let heading = false; // inside an ATX heading line (`## …`)
  while (i < n) {
    const ch = markdown[i];

    if (lineStart) {
      heading = /^ {0,3}#{1,6}(?:[ \t\n]|$)/.test(markdown.slice(i, i + 12));
      // Any indentation: fences nested in list items are indented by more than 3 spaces.
      const fence = /^[ \t]*(`{3,}|~{3,})/.exec(markdown.slice(i, i + 64));
      if (fence) {
        const end = fencedBlockEnd(markdown, i, fence[1]);
        out += markdown.slice(i, end);
        i = end;
        continue;
      }
    }
    lineStart = false;

    if (ch === '\n') {
      out += ch;
      i += 1;
      lineStart = true;
      heading = false;
      continue;
    }
    if (ch === '\\' && i + 1 < n && markdown[i + 1] !== '\n') {
      // An escape keeps its character: `\$` is a literal dollar, `\\` a literal backslash.
      out += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === '`') {
      let run = 1;
      while (markdown[i + run] === '`') run += 1;
      const close = codeSpanEnd(markdown, i + run, run);
      const end = close === -1 ? i + run : close;
      out += markdown.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '<') {
      const tag = /^<(code|pre)\b[^>]*>/i.exec(markdown.slice(i, i + 200));
      if (tag) {
        const closeTag = new RegExp(`</${tag[1]}\\s*>`, 'gi');
        closeTag.lastIndex = i + tag[0].length;
        const close = closeTag.exec(markdown);
        const end = close === null ? n : close.index + close[0].length;
        out += markdown.slice(i, end);
        i = end;
        continue;
      }
    }
    if (ch === '$') {
      if (markdown[i + 1] === '$') {
        const close = displayEnd(markdown, i + 2);
        if (close !== -1) {
          out += render(markdown.slice(i + 2, close).trim(), true, heading);
          i = close + 2;
          continue;
        }
        out += '$$';
        i += 2;
        continue;
      }
      const close = inlineEnd(markdown, i + 1);
      if (close !== -1) {
        out += render(markdown.slice(i + 1, close), false, heading);
        i = close + 1;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

// End (exclusive) of a fenced block opened at `start` by `marker`: after the closing fence line,
// or the end of the text when the fence is never closed (CommonMark's rule).
function fencedBlockEnd(text, start, marker) {
  const closing = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
  let lineEnd = text.indexOf('\n', start);
  while (lineEnd !== -1) {
    const next = lineEnd + 1;
    const nextEnd = text.indexOf('\n', next);
    const line = text.slice(next, nextEnd === -1 ? text.length : nextEnd);
    if (closing.test(line)) return nextEnd === -1 ? text.length : nextEnd;
    lineEnd = nextEnd;
  }
  return text.length;
}

// Index just past the backtick run of exactly `run` ticks that closes a code span, or -1.
function codeSpanEnd(text, from, run) {
  let i = from;
  while (i < text.length) {
    if (text[i] !== '`') {
      i += 1;
      continue;
    }
    let len = 1;
    while (text[i + len] === '`') len += 1;
    if (len === run) return i + len;
    i += len;
  }
  return -1;
}

// Index of the `$$` that closes display math opened before `from`, or -1.
function displayEnd(text, from) {
  for (let i = from; i < text.length - 1; i += 1) {
    if (text[i] === '\\') {
      i += 1;
      continue;
    }
    if (text[i] === '$' && text[i + 1] === '$') return i;
  }
  return -1;
}

// Index of the `$` that closes inline math opened before `from`, or -1 (pandoc's rule).
function inlineEnd(text, from) {
  const first = text[from];
  if (first === undefined || /\s/.test(first) || first === '$') return -1;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (c === '\n' && /^\n[ \t]*\n/.test(text.slice(i, i + 64))) return -1; // no blank lines
    if (c === '`') return -1; // "$5 … `$x`": never reach into a code span
    if (c === '$') {
      if (/\s/.test(text[i - 1]) || /[0-9]/.test(text[i + 1] ?? '')) return -1;
      return i;
    }
  }
  return -1;
}

/**
 * Makes KaTeX's HTML safe to hand to markdown-it: one line (so a display formula cannot end a
 * paragraph or a table row) and every ASCII punctuation mark in text nodes as a numeric
 * entity (so `_`, `*`, `|`, `\` in the MathML annotation are not read as markdown).
 */
export function protectFromMarkdown(html) {
  return html
    .replace(/\r?\n/g, ' ')
    .split(/(<[^>]*>)/)
    .map((part, k) =>
      k % 2 === 1
        ? part
        : part.replace(/&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);|[!-/:-@[-`{-~]/g, (m) =>
            m.length > 1 ? m : `&#${m.charCodeAt(0)};`,
          ),
    )
    .join('');
}

/**
 * Renders one formula; throws katex's ParseError on bad TeX. `onStrict` receives KaTeX's
 * strict-mode complaints (e.g. unicode text in math mode) so they fail the build too.
 * In headings only the visual HTML is emitted: typedoc builds the heading's anchor and its
 * "On This Page" entry from the text, which MathML plus TeX source would triple.
 */
export function renderTex(tex, display, onStrict = () => {}, heading = false) {
  const html = katex.renderToString(tex, {
    displayMode: display,
    throwOnError: true,
    output: heading ? 'html' : 'htmlAndMathml',
    strict: (code, message) => {
      onStrict(`${code}: ${message}`);
      return 'ignore';
    },
  });
  return protectFromMarkdown(html);
}

/** typedoc entry point. */
export function load(app) {
  const cache = new Map(); // `${display}${tex}` → { html, problems }: guides repeat formulas
  const reported = new Set(); // a summary and its member page may show the same comment

  const warn = (page, tex, display, message) => {
    const where = page?.url ?? '(unknown page)';
    const key = `${where}\0${tex}\0${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    const name = page?.model?.getFriendlyFullName?.() ?? '';
    const source = display ? `$$${tex}$$` : `$${tex}$`;
    app.logger.warn(`KaTeX: ${message} in ${source} on page ${where}${name ? ` (${name})` : ''}`);
  };

  const render = (page, tex, display, heading) => {
    const key = `${display ? 'D' : 'I'}${heading ? 'H' : ''}${tex}`;
    let entry = cache.get(key);
    if (!entry) {
      const problems = [];
      let html;
      try {
        html = renderTex(tex, display, (message) => problems.push(message), heading);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
        // Show the source (as code) so the broken formula is easy to find on the page.
        const source = display ? `$$${tex}$$` : `$${tex}$`;
        html = `<code class="katex-error">${protectFromMarkdown(escapeHtml(source))}</code>`;
      }
      entry = { html, problems };
      cache.set(key, entry);
    }
    for (const message of entry.problems) warn(page, tex, display, message);
    return entry.html;
  };

  // Priority 100 runs before typedoc's own listener (priority 0), which hands the text to
  // markdown-it; the other way round, markdown would eat TeX's backslashes first.
  app.renderer.on(
    MarkdownEvent.PARSE,
    (event) => {
      event.parsedText = replaceMath(event.parsedText, (tex, display, heading) =>
        render(event.page, tex, display, heading),
      );
    },
    100,
  );

  app.renderer.hooks.on('head.end', (context) =>
    JSX.createElement('link', {
      rel: 'stylesheet',
      href: context.relativeURL(`${KATEX_ASSETS}/katex.min.css`, true),
    }),
  );

  app.renderer.on(RendererEvent.END, (event) => {
    const target = join(event.outputDirectory, KATEX_ASSETS);
    mkdirSync(target, { recursive: true });
    cpSync(join(katexDist, 'katex.min.css'), join(target, 'katex.min.css'));
    cpSync(join(katexDist, 'fonts'), join(target, 'fonts'), { recursive: true });
  });
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
