// The code editor: CodeMirror 6 behind one global, `PyplayEditor`, which the
// Rust app binds with wasm-bindgen (crates/app/src/components/editor.rs).
// Bundled by www/editor/build.mjs (run by tools/build.mjs); no CDN.
//
//   const ed = PyplayEditor.create(parent, { doc, readOnly, label, phrases, onChange, onRun });
//                                   phrases: CodeMirror's own words translated (EditorState.phrases), optional
//   ed.value() / ed.setValue(text) / ed.setReadOnly(bool) / ed.focus() / ed.destroy()
//   ed.highlightLine(line)          1-based; 0 clears
//   ed.showStep(next, previous)     Visualize: the line about to run and the one just run; 0 clears
//   ed.markError(line, column)      1-based; column 0 = whole line; line 0 clears
//   PyplayEditor.valueOf(element)   the text of the editor around `element` (tests)
import { Annotation, Compartment, EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers } from '@codemirror/view';
import {
  bracketMatching, HighlightStyle, indentOnInput, indentUnit, LanguageSupport, syntaxHighlighting,
} from '@codemirror/language';
import { defaultKeymap, history, historyKeymap, indentLess, indentMore, isolateHistory } from '@codemirror/commands';
import { pythonLanguage } from '@codemirror/lang-python';
import { tags as t } from '@lezer/highlight';

// Marks a change made through setValue, so it is not echoed back to onChange.
const external = Annotation.define();

// { highlight: line, error: { line, column } | null, step: line, stepDone: line }, set from outside.
const setMarks = StateEffect.define();

const marksField = StateField.define({
  create: () => ({ highlight: 0, error: null, step: 0, stepDone: 0 }),
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setMarks)) marks = { ...marks, ...e.value };
    // After an edit the line numbers of the last run no longer hold.
    if (tr.docChanged && !tr.effects.some((e) => e.is(setMarks))) marks = { highlight: 0, error: null, step: 0, stepDone: 0 };
    return marks;
  },
  provide: (field) => EditorView.decorations.compute([field], (state) => decorate(state, state.field(field))),
});

function decorate(state, { highlight, error, step, stepDone }) {
  const doc = state.doc;
  const ranges = [];
  // The line just run first: when it is also the next (a loop on one line), the next wins.
  if (stepDone >= 1 && stepDone <= doc.lines && stepDone !== step) {
    ranges.push(Decoration.line({ class: 'cm-pyplay-step-done' }).range(doc.line(stepDone).from));
  }
  if (step >= 1 && step <= doc.lines) {
    ranges.push(Decoration.line({ class: 'cm-pyplay-step' }).range(doc.line(step).from));
  }
  if (highlight >= 1 && highlight <= doc.lines) {
    ranges.push(Decoration.line({ class: 'cm-pyplay-target' }).range(doc.line(highlight).from));
  }
  if (error && error.line >= 1 && error.line <= doc.lines) {
    const line = doc.line(error.line);
    ranges.push(Decoration.line({ class: 'cm-pyplay-error-line' }).range(line.from));
    if (error.column >= 1 && line.length > 0) {
      // A column past the end (an unclosed bracket at EOF) marks the last character.
      const from = line.from + Math.min(error.column - 1, line.length - 1);
      ranges.push(Decoration.mark({ class: 'cm-pyplay-error' }).range(from, from + 1));
    }
  }
  return Decoration.set(ranges, true);
}

// Colours come from the page's CSS variables, so the editor follows its theme.
const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--panel)', fontSize: '14px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-scroller': { fontFamily: 'var(--code-font)', lineHeight: '1.5' },
  '.cm-content': { padding: '.6rem 0', caretColor: 'var(--fg)', minHeight: '4.5em' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', border: 'none' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 .6rem 0 .8rem' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent)', outline: '1px solid var(--accent)',
  },
  '.cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket': { color: 'var(--stderr)' },
  '.cm-pyplay-target': { backgroundColor: 'color-mix(in srgb, var(--accent) 18%, transparent)' },
  // Visualize: the next line boxed with a thick bar, the line just run with a thin
  // grey bar. No tint: a tinted background fails contrast for the string colour.
  '.cm-pyplay-step': { boxShadow: 'inset 5px 0 0 var(--accent), inset 0 0 0 1px var(--accent)' },
  '.cm-pyplay-step-done': { boxShadow: 'inset 3px 0 0 var(--muted)' },
  '.cm-pyplay-error-line': { backgroundColor: 'color-mix(in srgb, var(--stderr) 12%, transparent)' },
  '.cm-pyplay-error': {
    textDecoration: 'underline wavy var(--stderr)', textUnderlineOffset: '3px',
    backgroundColor: 'color-mix(in srgb, var(--stderr) 22%, transparent)', borderRadius: '2px',
  },
});

const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: 'var(--syn-keyword)', fontWeight: '600' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syn-number)' },
  { tag: [t.comment, t.lineComment], color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className)], color: 'var(--syn-def)' },
  { tag: [t.self, t.special(t.variableName)], color: 'var(--syn-keyword)' },
  { tag: t.meta, color: 'var(--syn-comment)' },
]);

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), '
  + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

// Esc hands focus to the next focusable element after the editor, as Tab would
// elsewhere: Tab itself indents here, so this is the way out.
function leave(view) {
  const next = [...document.querySelectorAll(FOCUSABLE)].find((el) => !view.dom.contains(el)
    && el.getClientRects().length > 0
    && (view.dom.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
  if (next) next.focus();
  else view.contentDOM.blur();
  return true;
}

const views = new WeakMap();

class Editor {
  constructor(parent, { doc = '', readOnly = false, label = 'Python code', phrases = null, onChange, onRun } = {}) {
    this.readOnly = new Compartment();
    const run = () => { onRun?.(); return true; };
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          Prec.highest(keymap.of([
            { key: 'Ctrl-Enter', run }, { key: 'Meta-Enter', run },
            { key: 'Escape', run: leave },
          ])),
          phrases ? EditorState.phrases.of(phrases) : [],
          lineNumbers(),
          history(),
          indentUnit.of('    '),
          new LanguageSupport(pythonLanguage),
          indentOnInput(),
          bracketMatching(),
          syntaxHighlighting(highlight),
          keymap.of([{ key: 'Tab', run: indentMore, shift: indentLess }, ...historyKeymap, ...defaultKeymap]),
          // tabindex: axe counts a scrolled region as reachable only through an
          // element it knows is focusable (it does not count contenteditable).
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', tabindex: '0' }),
          this.readOnly.of(readOnlyExtensions(readOnly)),
          marksField,
          theme,
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(external))) {
              onChange?.(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    views.set(this.view.dom, this);
  }

  value() { return this.view.state.doc.toString(); }

  // One undoable step of its own: Ctrl-Z after a Reset brings the edits back.
  setValue(text) {
    if (text === this.value()) return;
    this.view.dispatch({
      changes: { from: 0, to: this.view.state.doc.length, insert: text },
      annotations: [external.of(true), isolateHistory.of('full')],
    });
  }

  setReadOnly(readOnly) {
    this.view.dispatch({ effects: this.readOnly.reconfigure(readOnlyExtensions(readOnly)) });
  }

  highlightLine(line) {
    const effects = [setMarks.of({ highlight: line })];
    if (line >= 1 && line <= this.view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(this.view.state.doc.line(line).from, { y: 'center' }));
    }
    this.view.dispatch({ effects });
  }

  showStep(step, stepDone) {
    const effects = [setMarks.of({ step, stepDone })];
    if (step >= 1 && step <= this.view.state.doc.lines) {
      effects.push(EditorView.scrollIntoView(this.view.state.doc.line(step).from, { y: 'nearest' }));
    }
    this.view.dispatch({ effects });
  }

  markError(line, column) {
    this.view.dispatch({ effects: setMarks.of({ error: line >= 1 ? { line, column } : null }) });
  }

  focus() { this.view.focus(); }

  destroy() { this.view.destroy(); }
}

function readOnlyExtensions(readOnly) {
  // Still focusable and selectable for copying; no touch keyboard pops up.
  return readOnly
    ? [EditorState.readOnly.of(true), EditorView.contentAttributes.of({ 'aria-readonly': 'true', inputmode: 'none' })]
    : [];
}

globalThis.PyplayEditor = {
  create: (parent, options) => new Editor(parent, options),
  valueOf(element) {
    const dom = element?.closest?.('.cm-editor') ?? element?.querySelector?.('.cm-editor');
    return dom && views.has(dom) ? views.get(dom).value() : null;
  },
};
