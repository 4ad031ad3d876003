//! The code editor: CodeMirror 6, bundled from www/editor/editor.js, bound
//! through its one global, `PyplayEditor`, loaded with the first editor
//! (crate::editor_bundle). Controlled like an input: `value` in, `on_change`
//! out. If the bundle failed to load, a plain textarea stands in, so the code
//! stays editable and runnable. Until the editor is drawn
//! (in a task of its own) the code shows as the built page showed it.

use std::{cell::RefCell, rc::Rc};

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use web_sys::{
    Element, HtmlElement, HtmlTextAreaElement, IntersectionObserver, IntersectionObserverEntry,
    IntersectionObserverInit,
};
use yew::prelude::*;

use crate::{editor_bundle, hooks::use_ui};

#[wasm_bindgen]
extern "C" {
    /// One editor view (the `Editor` class of www/editor/editor.js).
    type JsEditor;

    #[wasm_bindgen(catch, js_namespace = PyplayEditor, js_name = create)]
    fn create(parent: &Element, options: &js_sys::Object) -> Result<JsEditor, JsValue>;
    #[wasm_bindgen(method)]
    fn value(this: &JsEditor) -> String;
    /// An undoable change that is not echoed to `onChange`.
    #[wasm_bindgen(method, js_name = setValue)]
    fn set_value(this: &JsEditor, text: &str);
    #[wasm_bindgen(method, js_name = setReadOnly)]
    fn set_read_only(this: &JsEditor, read_only: bool);
    /// 1-based; 0 clears.
    #[wasm_bindgen(method, js_name = highlightLine)]
    fn highlight_line(this: &JsEditor, line: u32);
    /// Visualize: the line about to run and the line just run; 0 clears.
    #[wasm_bindgen(method, js_name = showStep)]
    fn show_step(this: &JsEditor, next: u32, previous: u32);
    /// 1-based line and column; column 0 marks the whole line, line 0 clears.
    #[wasm_bindgen(method, js_name = markError)]
    fn mark_error(this: &JsEditor, line: u32, column: u32);
    #[wasm_bindgen(method)]
    fn focus(this: &JsEditor);
    #[wasm_bindgen(method)]
    fn destroy(this: &JsEditor);
}

#[derive(PartialEq, Properties)]
pub struct EditorProps {
    pub value: AttrValue,
    /// Every edit the reader makes, with the whole new text.
    pub on_change: Callback<String>,
    /// Ctrl-Enter / Cmd-Enter.
    #[prop_or_default]
    pub on_run: Callback<()>,
    #[prop_or_default]
    pub read_only: bool,
    /// A line to point at (from a traceback link); 1-based.
    #[prop_or_default]
    pub highlight_line: Option<u32>,
    /// Where a syntax error is: 1-based line and column (0 if unknown).
    #[prop_or_default]
    pub error_mark: Option<(u32, u32)>,
    /// Visualize: the line about to run and the line just run (1-based).
    #[prop_or_default]
    pub step_lines: Option<(u32, Option<u32>)>,
    /// The editor's accessible name.
    pub label: AttrValue,
    /// Drawn only once it comes within a screen of the viewport (a lesson's
    /// many snippets); otherwise at once.
    #[prop_or_default]
    pub lazy: bool,
}

/// The latest callbacks: the JS closures are made once, props change every render.
type Handlers = Rc<RefCell<(Callback<String>, Callback<()>)>>;

/// The editor's `onChange` and `onRun`, calling the latest [`Handlers`].
type JsCallbacks = (Closure<dyn Fn(String)>, Closure<dyn Fn()>);

/// What the editor is created with, kept current on every render: creation
/// waits for a task of its own, and changes before it reach no effect.
#[derive(Clone)]
struct Initial {
    doc: AttrValue,
    read_only: bool,
    label: AttrValue,
    /// CodeMirror's own words in the page's language (`EditorState.phrases`).
    phrases: &'static [(&'static str, &'static str)],
    highlight_line: Option<u32>,
    step_lines: Option<(u32, Option<u32>)>,
    error_mark: Option<(u32, u32)>,
}

impl Initial {
    /// The marks set before the editor existed.
    fn mark(&self, view: &JsEditor) {
        if let Some(line) = self.highlight_line {
            view.highlight_line(line);
        }
        if let Some((next, previous)) = self.step_lines {
            view.show_step(next, previous.unwrap_or(0));
        }
        if let Some((line, column)) = self.error_mark {
            view.mark_error(line, column);
        }
    }
}

fn options(
    initial: &Initial,
    on_change: &Closure<dyn Fn(String)>,
    on_run: &Closure<dyn Fn()>,
) -> js_sys::Object {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&options, &key.into(), value);
    };
    set("doc", &initial.doc.as_str().into());
    set("readOnly", &initial.read_only.into());
    set("label", &initial.label.as_str().into());
    if !initial.phrases.is_empty() {
        let phrases = js_sys::Object::new();
        for (en, text) in initial.phrases {
            let _ = js_sys::Reflect::set(&phrases, &(*en).into(), &(*text).into());
        }
        set("phrases", &phrases);
    }
    set("onChange", on_change.as_ref());
    set("onRun", on_run.as_ref());
    options
}

/// Watches an element until it comes within a screen of the viewport;
/// dropping it stops watching.
struct NearScreen {
    observer: IntersectionObserver,
    _on_change: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl Drop for NearScreen {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `then` once `element` is within a screen of the viewport; `None`
/// where the browser has no IntersectionObserver.
fn near_screen(element: &Element, then: impl Fn() + 'static) -> Option<NearScreen> {
    let on_change = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            if entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting()) {
                observer.disconnect();
                then();
            }
        },
    );
    let options = IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    let observer =
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(element);
    Some(NearScreen { observer, _on_change: on_change })
}

/// What drawing the editor needs, shared by the effect that owns it, the
/// observer that waits for it and the task that does it.
#[derive(Clone)]
struct Drawing {
    host: NodeRef,
    /// The code as the built page showed it, until the editor takes its place.
    placeholder: NodeRef,
    editor: Rc<RefCell<Option<JsEditor>>>,
    initial: Rc<RefCell<Initial>>,
    closures: Rc<JsCallbacks>,
    shown: UseStateHandle<bool>,
    fallback: UseStateHandle<bool>,
}

impl Drawing {
    fn draw(&self) {
        let Some(parent) = self.host.cast::<Element>() else { return };
        let initial = self.initial.borrow().clone();
        match create(&parent, &options(&initial, &self.closures.0, &self.closures.1)) {
            Ok(view) => {
                initial.mark(&view);
                // Hidden at once, in the task that drew the editor: both never show.
                if let Some(pre) = self.placeholder.cast::<HtmlElement>() {
                    let focused =
                        pre.owner_document().and_then(|d| d.active_element()).is_some_and(|e| e == *pre);
                    pre.set_hidden(true);
                    if focused {
                        view.focus();
                    }
                }
                *self.editor.borrow_mut() = Some(view);
                self.shown.set(true);
            }
            Err(err) => {
                web_sys::console::warn_2(&"pyplay: no code editor, using a plain textarea".into(), &err);
                self.fallback.set(true);
            }
        }
    }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let ui = use_ui();
    let host = use_node_ref();
    let editor = use_mut_ref(|| None::<JsEditor>);
    let fallback = use_state(|| false);
    let placeholder = use_node_ref();
    let shown = use_state(|| false);
    let handlers: Handlers = use_mut_ref(|| (props.on_change.clone(), props.on_run.clone()));
    *handlers.borrow_mut() = (props.on_change.clone(), props.on_run.clone());

    let now = Initial {
        doc: props.value.clone(),
        read_only: props.read_only,
        label: props.label.clone(),
        phrases: ui.editor_phrases,
        highlight_line: props.highlight_line,
        step_lines: props.step_lines,
        error_mark: props.error_mark,
    };
    let initial = use_mut_ref(|| now.clone());
    *initial.borrow_mut() = now;
    {
        let (editor, lazy) = (editor.clone(), props.lazy);
        let (host, placeholder, shown, fallback) =
            (host.clone(), placeholder.clone(), shown.clone(), fallback.clone());
        use_effect_with((), move |()| {
            let on_change = {
                let handlers = handlers.clone();
                Closure::<dyn Fn(String)>::new(move |text| handlers.borrow().0.emit(text))
            };
            let on_run = Closure::<dyn Fn()>::new(move || handlers.borrow().1.emit(()));
            let drawing = Drawing {
                host,
                placeholder: placeholder.clone(),
                editor: editor.clone(),
                initial,
                closures: Rc::new((on_change, on_run)),
                shown,
                fallback,
            };
            // Kept until the view is destroyed: it calls them.
            let closures = drawing.closures.clone();
            // Each editor in a task of its own: a page of editors is many
            // short tasks, not one long one, and the page answers between them.
            let pending = Rc::new(RefCell::new(None::<Timeout>));
            let schedule = {
                let pending = pending.clone();
                move || {
                    let (drawing, pending) = (drawing.clone(), pending.clone());
                    editor_bundle::when_loaded(move |loaded| {
                        if loaded {
                            *pending.borrow_mut() = Some(Timeout::new(0, move || drawing.draw()));
                        } else {
                            drawing.fallback.set(true);
                        }
                    });
                }
            };
            let watching = match placeholder.cast::<Element>() {
                Some(pre) if lazy => near_screen(&pre, schedule.clone()),
                _ => None,
            };
            if watching.is_none() {
                schedule();
            }
            move || {
                drop((watching, pending.take()));
                if let Some(view) = editor.borrow_mut().take() {
                    view.destroy();
                }
                drop(closures);
            }
        });
    }
    {
        let editor = editor.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(view) = editor.borrow().as_ref()
                && view.value() != value.as_str()
            {
                view.set_value(value);
            }
        });
    }
    {
        let editor = editor.clone();
        use_effect_with(props.read_only, move |read_only| {
            if let Some(view) = editor.borrow().as_ref() {
                view.set_read_only(*read_only);
            }
        });
    }
    {
        let editor = editor.clone();
        use_effect_with(props.highlight_line, move |line| {
            if let Some(view) = editor.borrow().as_ref() {
                view.highlight_line(line.unwrap_or(0));
            }
        });
    }
    {
        let editor = editor.clone();
        use_effect_with(props.step_lines, move |lines| {
            if let Some(view) = editor.borrow().as_ref() {
                let (next, previous) = lines.unwrap_or((0, None));
                view.show_step(next, previous.unwrap_or(0));
            }
        });
    }
    {
        let editor = editor.clone();
        use_effect_with(props.error_mark, move |mark| {
            if let Some(view) = editor.borrow().as_ref() {
                let (line, column) = mark.unwrap_or((0, 0));
                view.mark_error(line, column);
            }
        });
    }

    if *fallback {
        let onchange = props.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            onchange.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        });
        return html! {
            <textarea
                class="code"
                aria-label={props.label.clone()}
                spellcheck="false"
                autocapitalize="off"
                autocomplete="off"
                rows={props.value.lines().count().max(3).to_string()}
                readonly={props.read_only}
                value={props.value.clone()}
                {oninput}
            />
        };
    }
    html! {
        <>
            if !*shown {
                // Focusable, as in the built page: a long line scrolls it sideways.
                <pre class="code static-code" ref={placeholder} tabindex="0">
                    <code>{ pyplay_content::pre_text(&props.value) }</code>
                </pre>
            }
            <div class="editor" ref={host} />
        </>
    }
}
