// Tests of the KaTeX typedoc plugin and of scripts/docs.mjs (run by `npm test` in the docs workspace).
// The last test builds a throwaway package (in the OS temp folder) with typedoc: ~3–6 s.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { protectFromMarkdown, renderTex, replaceMath } from './katex.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const mark = (tex, display) => (display ? `[D:${tex}]` : `[I:${tex}]`);

test('inline and display math are found', () => {
  assert.equal(replaceMath('a $x^2$ b', mark), 'a [I:x^2] b');
  assert.equal(replaceMath('$$\n\\sum_k w_{jk}\n$$', mark), '[D:\\sum_k w_{jk}]');
  assert.equal(replaceMath('$a$ and $$b$$ and $c$', mark), '[I:a] and [D:b] and [I:c]');
  assert.equal(replaceMath('$a^L = \\sigma^L(z^L)$', mark), '[I:a^L = \\sigma^L(z^L)]');
});

test('code spans, fenced blocks and <code> are left alone', () => {
  assert.equal(replaceMath('`$x$` and ``a`$y$`b`` $z$', mark), '`$x$` and ``a`$y$`b`` [I:z]');
  const fenced = '```ts\nconst s = "$x$";\n```\n$y$';
  assert.equal(replaceMath(fenced, mark), '```ts\nconst s = "$x$";\n```\n[I:y]');
  const tilde = '~~~\n$$x$$\n~~~~\n$y$';
  assert.equal(replaceMath(tilde, mark), '~~~\n$$x$$\n~~~~\n[I:y]');
  const unclosed = '```\n$x$\n';
  assert.equal(replaceMath(unclosed, mark), unclosed);
  assert.equal(replaceMath('<code>$x$</code> $y$', mark), '<code>$x$</code> [I:y]');
  assert.equal(replaceMath('<CODE>$x$</Code > $y$', mark), '<CODE>$x$</Code > [I:y]');
  const nested = '- item\n\n    ```ts\n    const s = "$x$";\n    ```\n$y$';
  assert.equal(replaceMath(nested, mark), nested.replace('$y$', '[I:y]'));
});

test('escaped and money dollars are text', () => {
  assert.equal(replaceMath('costs \\$5 and \\$10', mark), 'costs \\$5 and \\$10');
  assert.equal(replaceMath('between $5 and $10 today', mark), 'between $5 and $10 today');
  assert.equal(replaceMath('a $ b $ c', mark), 'a $ b $ c');
  assert.equal(replaceMath('$x$5', mark), '$x$5');
  assert.equal(replaceMath('$\\$5$', mark), '[I:\\$5]');
  assert.equal(replaceMath('$a\n\nb$', mark), '$a\n\nb$');
  assert.equal(replaceMath('$5 in `$x`', mark), '$5 in `$x`');
  assert.equal(replaceMath('hard break\\\n```\n$x$\n```', mark), 'hard break\\\n```\n$x$\n```');
});

test('headings are flagged so they get HTML-only output', () => {
  const seen = [];
  replaceMath('## The $\\delta$-equations\ntext $x$', (tex, display, heading) => {
    seen.push([tex, heading]);
    return '';
  });
  assert.deepEqual(seen, [['\\delta', true], ['x', false]]);
});

test('KaTeX output survives markdown-it unchanged', () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  for (const [tex, display] of [
    ['\\|t - a^L(\\Theta; x)\\|_2^2 + \\lambda \\|W\\|_2^2', false],
    ['\\begin{aligned} a &= x^2 \\\\ b &= \\exp(a) \\end{aligned}', true],
    ['\\sqrt{x^2 + \\exp(x^2)} * \\underbrace{1+b}_{x_j}', true],
  ]) {
    const html = renderTex(tex, display);
    assert.ok(!html.includes('\n'), 'one line');
    const rendered = md.renderInline(html);
    assert.ok(rendered.includes('class="katex'), rendered.slice(0, 80));
    assert.ok(!rendered.includes('<em>') && !rendered.includes('<strong>'), 'no emphasis');
    // The TeX source survives in the MathML annotation, markdown characters and all.
    const escaped = tex.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const annotation = `<annotation encoding="application/x-tex">${escaped}</annotation>`;
    assert.ok(rendered.includes(annotation));
  }
  // A table cell keeps its formula whole: the encoded `|` cannot split it.
  const table = md.render(`| a | b |\n| - | - |\n| x | ${renderTex('\\|W\\|', false)} |\n`);
  assert.equal((table.match(/<td>/g) ?? []).length, 2);
});

test('protectFromMarkdown leaves tags and entities alone', () => {
  assert.equal(
    protectFromMarkdown('<span class="a_b">x_1 &amp; *y*</span>'),
    '<span class="a_b">x&#95;1 &amp; &#42;y&#42;</span>',
  );
});

test('bad TeX throws a ParseError; strict complaints are reported', () => {
  assert.throws(() => renderTex('\\frac{1}{', false), /KaTeX parse error/);
  const complaints = [];
  renderTex('a \\\\ b', true, (message) => complaints.push(message));
  assert.equal(complaints.length, 1);
  assert.match(complaints[0], /newLineInDisplayMode/);
});

test('docs.mjs renders math and fails on an undocumented export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'theta-docs-'));
  try {
    const pkg = join(dir, 'fake');
    mkdirSync(join(pkg, 'src'), { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@theta/fake', version: '0.0.0', type: 'module' }),
    );
    writeFileSync(
      join(pkg, 'tsconfig.build.json'),
      JSON.stringify({
        extends: join(repo, 'tsconfig.base.json'),
        compilerOptions: { rootDir: 'src', outDir: 'dist' },
        include: ['src'],
      }),
    );
    const documented = [
      '/**',
      ' * The output of the last layer, $a^L = \\sigma^L(z^L)$.',
      ' * @category Feed forward',
      ' */',
      'export const layers = 2;',
      '',
    ].join('\n');
    writeFileSync(join(pkg, 'src', 'index.ts'), documented);
    const script = join(repo, 'scripts', 'docs.mjs');
    const build = () =>
      spawnSync(process.execPath, [script, '--out', join(dir, 'site'), pkg], { encoding: 'utf8' });

    const ok = build();
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /docs: \d+ pages written/);
    const page = readFileSync(join(dir, 'site', 'variables', '_theta_fake.layers.html'), 'utf8');
    assert.ok(page.includes('<span class="katex">'), 'KaTeX HTML on the page');
    assert.ok(
      page.includes('<annotation encoding="application/x-tex">a^L = \\sigma^L(z^L)</annotation>'),
    );
    assert.ok(page.includes('assets/katex/katex.min.css'), 'stylesheet linked');
    readFileSync(join(dir, 'site', 'assets', 'katex', 'fonts', 'KaTeX_Main-Regular.woff2'));

    writeFileSync(join(pkg, 'src', 'index.ts'), `${documented}export const bare = 1;\n`);
    const bad = build();
    assert.equal(bad.status, 1);
    assert.match(bad.stdout + bad.stderr, /bare.*does not have any documentation/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
