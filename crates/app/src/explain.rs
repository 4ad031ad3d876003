//! Friendly explanations of Python errors, in English and Chinese: what an
//! exception usually means and how to fix it, with the names from its
//! message (the misspelt name, the missing key, the module). Pure, so the
//! native tests cover every case; `components/error_help.rs` shows it.
//! futurecoder's explanations are the model; these aim to be shorter and
//! to say what to change.

use pyplay_content::Lang;
use pyplay_protocol::PyError;

/// A piece of an explanation: prose, or code (a name, a value, an example).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Code(String),
}

/// What an error means and what to try, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub what: Vec<Span>,
    pub fix: Vec<Span>,
}

/// The explanation of `error` in `lang`, or None for an exception this
/// module does not know (the traceback then stands alone).
#[must_use]
pub fn explain(error: &PyError, lang: Lang) -> Option<Explanation> {
    let e =
        Error { kind: &error.kind, message: &error.message, traceback: &error.traceback, line: error.line };
    let zh = lang == Lang::Zh;
    let (what, fix) = match e.kind {
        "NameError" if e.message.contains("free variable") => free_variable(&e, zh),
        "NameError" => name_error(&e, zh),
        "UnboundLocalError" => unbound(&e, zh),
        "AttributeError" => attribute_error(&e, zh),
        "KeyError" => key_error(&e, zh),
        "IndexError" => index_error(&e, zh),
        "TypeError" => type_error(&e, zh),
        "ValueError" => value_error(&e, zh),
        "ZeroDivisionError" => pick(
            zh,
            (
                fill("A number was divided by zero, with `/`, `//` or `%`: that has no answer.", &[]),
                fill(
                    "Check the divisor before dividing (`if count:`), and handle the empty case on its own, such as the average of an empty list.",
                    &[],
                ),
            ),
            (
                fill("程序用 `/`、`//` 或 `%` 除以了零，这样的运算没有结果。", &[]),
                fill("除之前先检查除数（`if count:`），并单独处理空的情况，比如空列表的平均值。", &[]),
            ),
        ),
        "RecursionError" => pick(
            zh,
            (
                fill(
                    "A function kept calling itself (directly, or through other functions) until Python's limit on nested calls, about 1000, was reached.",
                    &[],
                ),
                fill(
                    "Give the recursion a base case that returns without calling again, and make every call move towards it (`n - 1`, a shorter list). For very deep inputs, use a loop instead.",
                    &[],
                ),
            ),
            (
                fill(
                    "某个函数不停地调用自己（直接调用，或经由其他函数），直到达到 Python 对嵌套调用的上限（约 1000 层）。",
                    &[],
                ),
                fill(
                    "给递归一个不再调用自身、直接返回的基本情况，并让每次调用都向它靠近（`n - 1`、更短的列表）。输入特别深时，改用循环。",
                    &[],
                ),
            ),
        ),
        "SyntaxError" => syntax_error(&e, zh),
        "IndentationError" | "TabError" => indentation_error(&e, zh),
        "ModuleNotFoundError" | "ImportError" => import_error(&e, zh),
        "StopIteration" => pick(
            zh,
            (
                fill("`next()` was called on an iterator or generator that has no items left.", &[]),
                fill(
                    "Loop with `for`, which stops by itself, or give `next()` a default: `next(it, None)`. An iterator can be used only once: after one full loop it is empty.",
                    &[],
                ),
            ),
            (
                fill("对一个已经没有剩余元素的迭代器或生成器调用了 `next()`。", &[]),
                fill(
                    "用 `for` 循环遍历，它会自己停下；或者给 `next()` 一个默认值：`next(it, None)`。迭代器只能用一次：完整遍历一遍之后，它就空了。",
                    &[],
                ),
            ),
        ),
        "AssertionError" => assertion_error(&e, zh),
        "EOFError" => pick(
            zh,
            (
                fill("`input()` found nothing left to read.", &[]),
                fill(
                    "Type the program's input in the stdin box before Run, one line for each `input()` call; or answer in the output when the program asks.",
                    &[],
                ),
            ),
            (
                fill("`input()` 已经没有可读的内容了。", &[]),
                fill(
                    "运行前在 stdin 输入框中填好程序要读取的内容，每次调用 `input()` 读一行；或者在程序提问时直接在输出区回答。",
                    &[],
                ),
            ),
        ),
        "RuntimeError" if e.message.contains("generator raised StopIteration") => pick(
            zh,
            (
                fill(
                    "A generator let a `StopIteration` escape, usually from a `next()` call inside it; Python turns that into this error.",
                    &[],
                ),
                fill(
                    "Catch it where `next()` is called and `return` instead, or use `next(it, default)`.",
                    &[],
                ),
            ),
            (
                fill(
                    "生成器内部漏出了一个 `StopIteration`（通常来自其中的 `next()` 调用），Python 把它变成了这个异常。",
                    &[],
                ),
                fill("在调用 `next()` 的地方捕获它并改为 `return`，或者使用 `next(it, default)`。", &[]),
            ),
        ),
        "FileNotFoundError" => file_not_found(&e, zh),
        _ => return None,
    };
    Some(Explanation { what, fix })
}

struct Error<'a> {
    kind: &'a str,
    message: &'a str,
    traceback: &'a str,
    line: Option<u32>,
}

impl Error<'_> {
    /// The name in `Did you mean: 'x'?`, which CPython adds to NameError and
    /// AttributeError, in the message or only in the traceback's last line.
    fn suggestion(&self) -> Option<&str> {
        [self.message, self.traceback].into_iter().find_map(|text| {
            let at = text.rfind("Did you mean")?;
            quoted(&text[at..]).into_iter().next()
        })
    }

    /// The module in CPython 3.12's `Did you forget to import 'x'?`.
    fn forgotten_import(&self) -> Option<&str> {
        [self.message, self.traceback].into_iter().find_map(|text| {
            let at = text.rfind("forget to import")?;
            quoted(&text[at..]).into_iter().next()
        })
    }
}

type Texts = (Vec<Span>, Vec<Span>);

fn pick(zh: bool, en: Texts, zh_texts: Texts) -> Texts {
    if zh { zh_texts } else { en }
}

/// One text, from its English or its Chinese template.
fn one(zh: bool, en: &str, cn: &str, args: &[&str]) -> Vec<Span> {
    fill(if zh { cn } else { en }, args)
}

/// Spans from a template: text between backticks is code, and each `{}`
/// takes the next of `args`, as code of its own in prose. Arguments come
/// from the reader's program and are never parsed, so a backtick in a name
/// cannot break the layout.
fn fill(template: &str, args: &[&str]) -> Vec<Span> {
    fn push(span: Span, out: &mut Vec<Span>) {
        match (out.last_mut(), span) {
            (_, Span::Text(t)) if t.is_empty() => {}
            (Some(Span::Text(last)), Span::Text(t)) => last.push_str(&t),
            (_, span) => out.push(span),
        }
    }
    let mut args = args.iter().copied();
    let mut out: Vec<Span> = Vec::new();
    for (i, part) in template.split('`').enumerate() {
        let mut pieces = part.split("{}");
        let first = pieces.next().unwrap_or_default().to_string();
        if i % 2 == 1 {
            let mut code = first;
            for rest in pieces {
                code.push_str(args.next().unwrap_or_default());
                code.push_str(rest);
            }
            push(Span::Code(code), &mut out);
        } else {
            push(Span::Text(first), &mut out);
            for rest in pieces {
                push(Span::Code(args.next().unwrap_or_default().to_string()), &mut out);
                push(Span::Text(rest.to_string()), &mut out);
            }
        }
    }
    out
}

/// The `'…'`-quoted parts of a message, in order.
fn quoted(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('\'') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('\'') else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

/// Standard modules a beginner uses without importing first.
const COMMON_MODULES: &[&str] = &[
    "math",
    "random",
    "os",
    "sys",
    "time",
    "json",
    "re",
    "collections",
    "itertools",
    "functools",
    "datetime",
    "asyncio",
    "threading",
    "string",
    "copy",
    "heapq",
    "bisect",
];

fn name_error(e: &Error, zh: bool) -> Texts {
    let name = quoted(e.message).into_iter().next().unwrap_or("?");
    let what = if zh {
        fill(
            "Python 不认识名字 {}。名字只有在赋值（`{} = ...`）、定义（`def`、`class`）或导入之后才存在，而且做这件事的那一行必须先于这一行运行。",
            &[name, name],
        )
    } else {
        fill(
            "Python does not know the name {}. A name exists only once a line assigns it (`{} = ...`), defines it (`def`, `class`) or imports it, and that line must run before this one.",
            &[name, name],
        )
    };
    // Other languages' spellings of Python's constants.
    let constant = match name {
        "true" => Some("True"),
        "false" => Some("False"),
        "null" | "nil" | "none" | "undefined" => Some("None"),
        _ => None,
    };
    let module = e.forgotten_import().or_else(|| COMMON_MODULES.contains(&name).then_some(name));
    let fix = match (e.suggestion().or(constant), module) {
        (_, Some(module)) if zh => fill("你是不是忘了导入它？在文件开头加上 `import {}`。", &[module]),
        (_, Some(module)) => {
            fill("Did you forget to import it? Add `import {}` at the top of the file.", &[module])
        }
        (Some(right), None) if zh => {
            fill("你是不是想写 {}？名字区分大小写，每处都必须拼写得一模一样。", &[right])
        }
        (Some(right), None) => {
            fill("Did you mean {}? Names are case-sensitive and must be spelt the same everywhere.", &[right])
        }
        (None, None) if zh => fill(
            "检查拼写（区分大小写），确认定义 {} 的那一行先运行，并且它不是只定义在另一个函数里面。如果你想要的是一段文字，请加上引号：`'{}'`。",
            &[name, name],
        ),
        (None, None) => fill(
            "Check the spelling (case matters), that the line defining {} runs first, and that it is not defined only inside another function. If you meant text, put it in quotes: `'{}'`.",
            &[name, name],
        ),
    };
    (what, fix)
}

fn unbound(e: &Error, zh: bool) -> Texts {
    let name = quoted(e.message).into_iter().next().unwrap_or("?");
    pick(
        zh,
        (
            fill(
                "The function assigns to {} somewhere, so Python treats {} as a local variable in the whole function, even on the lines before that assignment. This line reads it before it has a value.",
                &[name, name],
            ),
            fill(
                "Give {} a value in the function before reading it. If you meant the variable outside the function, pass it in as an argument and return the new value; or declare `global {}` (`nonlocal {}` in a nested function) at the top of the function.",
                &[name, name, name],
            ),
        ),
        (
            fill(
                "函数里的某处给 {} 赋了值，所以 Python 在整个函数中都把 {} 当作局部变量，连赋值之前的那些行也一样。这一行在它有值之前就读取了它。",
                &[name, name],
            ),
            fill(
                "在函数中读取 {} 之前先给它赋值。如果你想用的是函数外面的那个变量，就把它作为参数传进来，再把新值返回；或者在函数开头声明 `global {}`（嵌套函数中用 `nonlocal {}`）。",
                &[name, name, name],
            ),
        ),
    )
}

fn free_variable(e: &Error, zh: bool) -> Texts {
    let name = quoted(e.message).into_iter().next().unwrap_or("?");
    pick(
        zh,
        (
            fill(
                "An inner function reads {} from the function around it, but there {} has no value yet: the outer function assigns it only later.",
                &[name, name],
            ),
            fill("Assign {} in the outer function before the inner function is called.", &[name]),
        ),
        (
            fill(
                "内层函数读取了外层函数中的 {}，但那里的 {} 还没有值：外层函数要到后面才给它赋值。",
                &[name, name],
            ),
            fill("在调用内层函数之前，先在外层函数中给 {} 赋值。", &[name]),
        ),
    )
}

fn attribute_error(e: &Error, zh: bool) -> Texts {
    let m = e.message;
    let names = quoted(m);
    let attr = names.get(1).copied().unwrap_or("?");
    let owner = names.first().copied().unwrap_or("?");
    let what = if m.starts_with("'NoneType' object") {
        let en = "The value is `None`, which has no attribute {}. A variable usually holds `None` because it was set from a call that returns nothing: a function without `return`, or a method that changes its object in place, such as `list.sort()` or `list.append()`.";
        let cn = "这个值是 `None`，它没有属性 {}。变量里之所以是 `None`，通常是因为它来自一个什么都不返回的调用：没有 `return` 的函数，或者原地修改对象的方法，例如 `list.sort()` 或 `list.append()`。";
        fill(if zh { cn } else { en }, &[attr])
    } else if m.starts_with("module ") {
        let (en, cn) = ("The module {} has no attribute {}.", "模块 {} 没有属性 {}。");
        fill(if zh { cn } else { en }, &[owner, attr])
    } else if m.starts_with("type object ") {
        let en = "The class {} itself has no attribute {}. An attribute set in `__init__` as `self.{}` belongs to each instance: make one first, `{}()`.";
        let cn = "类 {} 本身没有属性 {}。在 `__init__` 里以 `self.{}` 设置的属性属于每个实例：先创建一个实例，`{}()`。";
        fill(if zh { cn } else { en }, &[owner, attr, attr, owner])
    } else {
        let (en, cn) =
            ("A value of type {} has no attribute or method {}.", "类型为 {} 的值没有名为 {} 的属性或方法。");
        fill(if zh { cn } else { en }, &[owner, attr])
    };
    let fix = match e.suggestion() {
        Some(right) if zh => fill("你是不是想写 {}？", &[right]),
        Some(right) => fill("Did you mean {}?", &[right]),
        None if m.starts_with("module ") || m.starts_with("type object ") => one(
            zh,
            "Check the spelling and the capitals: `dir({})` lists every attribute it has.",
            "检查拼写和大小写：`dir({})` 会列出它拥有的全部属性。",
            &[owner],
        ),
        None if m.starts_with("'NoneType' object") => one(
            zh,
            "Find where the value came from: return a value from your function, or keep using the object itself after an in-place method (`items.sort()`, then `items`; or `sorted(items)`).",
            "找出这个值是从哪里来的：让你的函数返回一个值；或者在调用原地修改的方法之后继续使用对象本身（先 `items.sort()` 再用 `items`；或者用 `sorted(items)`）。",
            &[],
        ),
        None if zh => fill(
            "检查拼写，并确认这个值确实是你以为的类型：`print(type(x))` 会显示它的类型，`dir(x)` 会列出它真正拥有的属性和方法。",
            &[],
        ),
        None => fill(
            "Check the spelling, and that the value is the type you expect: `print(type(x))` shows its type, and `dir(x)` lists what it does have.",
            &[],
        ),
    };
    (what, fix)
}

fn key_error(e: &Error, zh: bool) -> Texts {
    let key = e.message.trim();
    let key = if key.is_empty() { "key" } else { key };
    pick(
        zh,
        (
            fill(
                "The dictionary has no key {}: looking up a missing key with `d[key]` raises this error.",
                &[key],
            ),
            fill(
                "Check the key's spelling and type (`'1'` and `1` are different keys), or print `d.keys()`. To allow a missing key, use `d.get({})` (which gives `None`) or `d.get({}, default)`, test `{} in d` first, or use `collections.defaultdict`.",
                &[key, key, key],
            ),
        ),
        (
            fill("字典里没有键 {}：用 `d[key]` 查找不存在的键就会抛出这个异常。", &[key]),
            fill(
                "检查键的拼写和类型（`'1'` 和 `1` 是不同的键），或者打印 `d.keys()` 看看。如果键可能不存在，就用 `d.get({})`（得到 `None`）或 `d.get({}, default)`，或先用 `{} in d` 判断，或改用 `collections.defaultdict`。",
                &[key, key, key],
            ),
        ),
    )
}

fn index_error(e: &Error, zh: bool) -> Texts {
    let m = e.message;
    let what = if m.contains("pop from empty") || m.contains("empty list") {
        one(zh, "`pop()` was called on an empty list.", "对一个空列表调用了 `pop()`。", &[])
    } else {
        let (en_seq, zh_seq) = match m.split_whitespace().next() {
            Some("string") => ("string", "字符串"),
            Some("tuple") => ("tuple", "元组"),
            Some("range") => ("range", "range 对象"),
            Some("list") => ("list", "列表"),
            _ => ("sequence", "序列"),
        };
        if zh {
            fill(
                &format!(
                    "索引超出了这个{zh_seq}的范围：长度为 `n` 的序列，索引是 `0` 到 `n - 1`，从末尾数则是 `-1` 到 `-n`。"
                ),
                &[],
            )
        } else {
            fill(
                &format!(
                    "The index is past the end of the {en_seq}: a sequence of length `n` has the indexes `0` to `n - 1`, and `-1` to `-n` from the end."
                ),
                &[],
            )
        }
    };
    let fix = if m.contains("pop from empty") {
        one(
            zh,
            "Check that it is not empty before popping: `if items:`, or `while items:` to pop until it is.",
            "弹出之前先检查它是否为空：`if items:`，或者用 `while items:` 一直弹出到空为止。",
            &[],
        )
    } else if zh {
        fill(
            "在这一行之前打印 `len(...)` 和索引看看。循环时直接遍历元素（`for item in items`），不要自己数下标；一直数到 `len(items)` 的循环会多走一步。",
            &[],
        )
    } else {
        fill(
            "Print `len(...)` and the index just before this line. To loop, go over the items themselves (`for item in items`) instead of counting; a loop that counts up to `len(items)` goes one step too far.",
            &[],
        )
    };
    (what, fix)
}

/// The function name at the start of a call error: `f() takes …` → `f`.
fn called(message: &str) -> Option<&str> {
    let name = message.split("()").next()?;
    (!name.is_empty() && !name.contains(' ') && message.contains("()")).then_some(name)
}

fn type_error(e: &Error, zh: bool) -> Texts {
    let m = e.message;
    let names = quoted(m);
    let first = names.first().copied().unwrap_or("?");
    if let Some(rest) = m.strip_prefix("unsupported operand type(s) for ") {
        let op = rest.split(':').next().unwrap_or("?");
        let second = names.get(1).copied().unwrap_or("?");
        return pick(
            zh,
            (
                fill("The operator {} does not work between values of type {} and {}.", &[op, first, second]),
                fill(
                    "Convert one side first: `int(text)` or `float(text)` turns text into a number, `str(n)` turns a number into text. `print(type(x))` shows what a value is.",
                    &[],
                ),
            ),
            (
                fill("运算符 {} 不能用在类型为 {} 和 {} 的值之间。", &[op, first, second]),
                fill(
                    "先转换其中一边：`int(text)` 或 `float(text)` 把文字变成数字，`str(n)` 把数字变成文字。`print(type(x))` 可以查看一个值的类型。",
                    &[],
                ),
            ),
        );
    }
    if m.starts_with("can only concatenate str") {
        let other = m.split('"').nth(1).unwrap_or("?");
        return pick(
            zh,
            (
                fill("`+` joins text only to text, but the other side here is of type {}.", &[other]),
                fill("Convert it with `str(...)`, or use an f-string: `f'total: {x}'`.", &[]),
            ),
            (
                fill("`+` 只能把文字和文字连接起来，而这里另一边的类型是 {}。", &[other]),
                fill("用 `str(...)` 转换它，或者使用 f-string：`f'合计：{x}'`。", &[]),
            ),
        );
    }
    if m.ends_with("object is not callable") {
        return pick(
            zh,
            (
                fill("A value of type {} was called like a function, with `(...)` after it.", &[first]),
                fill(
                    "Look for a missing operator (`2(3 + 4)` means `2 * (3 + 4)`), or a variable that hides a function of the same name (`list = [1, 2]`, then `list(...)`): rename the variable.",
                    &[],
                ),
            ),
            (
                fill("一个类型为 {} 的值被当作函数调用了（后面跟着 `(...)`）。", &[first]),
                fill(
                    "看看是不是漏了运算符（`2(3 + 4)` 应写作 `2 * (3 + 4)`），或者某个变量遮住了同名函数（先 `list = [1, 2]`，再 `list(...)`）：给变量换个名字。",
                    &[],
                ),
            ),
        );
    }
    if m.ends_with("object is not subscriptable") {
        let none = first == "NoneType";
        return pick(
            zh,
            (
                fill("A value of type {} was indexed with `[...]`, which it does not support.", &[first]),
                if none {
                    fill("The value is `None`: often the result of a function without `return`.", &[])
                } else {
                    fill(
                        "Check that the value is the list, dict or string you expect; calling a function takes `( )`, not `[ ]`.",
                        &[],
                    )
                },
            ),
            (
                fill("对类型为 {} 的值用了 `[...]` 取下标，而它不支持这样做。", &[first]),
                if none {
                    fill("这个值是 `None`：常常是某个没有 `return` 的函数的结果。", &[])
                } else {
                    fill("确认这个值是你以为的列表、字典或字符串；调用函数要用 `( )`，不是 `[ ]`。", &[])
                },
            ),
        );
    }
    if m.ends_with("object is not iterable") {
        return pick(
            zh,
            (
                fill(
                    "A `for` loop (or `list()`, unpacking, `in`) needs an iterable, and a value of type {} is not one.",
                    &[first],
                ),
                fill(
                    "To repeat something `n` times, loop over `range(n)`; otherwise check that the value is the collection you expect.",
                    &[],
                ),
            ),
            (
                fill(
                    "`for` 循环（以及 `list()`、解包、`in`）需要一个可迭代对象，而 {} 类型的值不是。",
                    &[first],
                ),
                fill("要重复 `n` 次，就遍历 `range(n)`；否则请确认这个值是你以为的那个容器。", &[]),
            ),
        );
    }
    if m.contains("positional argument") || m.contains("keyword argument") || m.contains("required argument")
    {
        let f = called(m).unwrap_or("?");
        return pick(
            zh,
            (
                fill("The call to {} passes arguments that do not match its definition.", &[f]),
                fill(
                    "Compare the call with the `def` line: count the arguments and check their names. In a method, `self` is the first parameter, so a `def` without `self` gives this error too.",
                    &[],
                ),
            ),
            (
                fill("对 {} 的调用所传的参数与它的定义不匹配。", &[f]),
                fill(
                    "把调用和 `def` 那一行对照一下：数一数参数个数，核对参数名。在方法中，`self` 是第一个参数，所以 `def` 里漏写 `self` 也会导致这个异常。",
                    &[],
                ),
            ),
        );
    }
    pick(
        zh,
        (
            fill("An operation got a value of a type it cannot work with.", &[]),
            fill(
                "The message names the types involved; print `type(x)` of the values on this line to see which one is not what you expected.",
                &[],
            ),
        ),
        (
            fill("某个操作拿到了它无法处理的类型的值。", &[]),
            fill("异常信息里写明了涉及的类型；在这一行打印各个值的 `type(x)`，看看哪一个与预期不符。", &[]),
        ),
    )
}

fn value_error(e: &Error, zh: bool) -> Texts {
    let m = e.message;
    let text = m.rsplit_once(": ").map_or("?", |(_, t)| t);
    if m.starts_with("invalid literal for int()") || m.starts_with("could not convert string to float") {
        let func = if m.contains("int()") { "int()" } else { "float()" };
        return pick(
            zh,
            (
                fill("{} cannot turn the text {} into a number.", &[func, text]),
                fill(
                    "Only digits convert (`int('42')`, `float('3.5')`): strip spaces and other characters first, or test with `text.isdigit()`. For a number with a decimal point, use `float()`.",
                    &[],
                ),
            ),
            (
                fill("{} 无法把文字 {} 转换成数字。", &[func, text]),
                fill(
                    "只有数字形式的文字才能转换（`int('42')`、`float('3.5')`）：先去掉空格和其他字符，或者先用 `text.isdigit()` 检查。带小数点的数要用 `float()`。",
                    &[],
                ),
            ),
        );
    }
    if m.contains("values to unpack") {
        return pick(
            zh,
            (
                fill(
                    "The left side of an assignment names a different number of variables than the value on the right has items.",
                    &[],
                ),
                fill(
                    "Make the counts match, or collect the rest with a starred name: `first, *rest = items`.",
                    &[],
                ),
            ),
            (
                fill("赋值语句左边的变量个数，与右边的值所含的元素个数不一致。", &[]),
                fill("让两边个数一致，或者用带星号的名字收集剩下的元素：`first, *rest = items`。", &[]),
            ),
        );
    }
    if m.contains("not in list") {
        return pick(
            zh,
            (
                fill("`list.index()` or `list.remove()` looked for a value the list does not contain.", &[]),
                fill("Test `x in items` first.", &[]),
            ),
            (
                fill("`list.index()` 或 `list.remove()` 要找的值不在列表中。", &[]),
                fill("先用 `x in items` 判断。", &[]),
            ),
        );
    }
    if m == "math domain error" {
        return pick(
            zh,
            (
                fill(
                    "A math function got a value it is not defined for, such as `math.sqrt(-1)` or `math.log(0)`.",
                    &[],
                ),
                fill("Check the value before the call.", &[]),
            ),
            (
                fill("数学函数拿到了它没有定义的值，比如 `math.sqrt(-1)` 或 `math.log(0)`。", &[]),
                fill("调用之前先检查这个值。", &[]),
            ),
        );
    }
    pick(
        zh,
        (
            fill("A function got a value of the right type but an unsuitable value.", &[]),
            fill("The message says which value; check it before the call.", &[]),
        ),
        (
            fill("某个函数拿到的值类型正确，但取值不合适。", &[]),
            fill("异常信息里写明了是哪个值；调用之前先检查它。", &[]),
        ),
    )
}

fn syntax_error(e: &Error, zh: bool) -> Texts {
    let m = e.message;
    let line = e.line.map(|n| n.to_string());
    let what = match (&line, zh) {
        (Some(n), false) => fill(
            &format!(
                "Python could not read the code at line {n}, so none of it ran. The `^` marks where Python noticed the problem; the mistake is often just before it, or at the end of the line above."
            ),
            &[],
        ),
        (None, false) => fill(
            "Python could not read the code, so none of it ran. The `^` marks where Python noticed the problem; the mistake is often just before it, or at the end of the line above.",
            &[],
        ),
        (Some(n), true) => fill(
            &format!(
                "Python 无法读懂第 {n} 行的代码，所以整段代码一行都没有运行。`^` 标出了 Python 发现问题的位置；错误往往就在它前面，或在上一行的末尾。"
            ),
            &[],
        ),
        (None, true) => fill(
            "Python 无法读懂这段代码，所以一行都没有运行。`^` 标出了 Python 发现问题的位置；错误往往就在它前面，或在上一行的末尾。",
            &[],
        ),
    };
    let (en, cn) = if m.contains("never closed") || m.contains("unmatched") || m.contains("does not match") {
        (
            "A bracket is not closed, or closed by the wrong kind: count `(` and `)`, `[` and `]`, and the curly braces.",
            "有括号没有闭合，或者用错了闭合的括号：数一数 `(` 和 `)`、`[` 和 `]`，以及花括号。",
        )
    } else if m.contains("expected ':'") {
        (
            "A line that starts a block (`if`, `for`, `while`, `def`, `class`, `else`, …) must end with a colon, `:`.",
            "开始一个代码块的行（`if`、`for`、`while`、`def`、`class`、`else` 等）必须以冒号 `:` 结尾。",
        )
    } else if m.contains("unterminated string")
        || m.contains("EOL while scanning")
        || m.contains("EOF while scanning")
    {
        (
            "A string is missing its closing quote; a string in `'''` or `\"\"\"` quotes may span lines.",
            "有字符串缺少结尾的引号；用 `'''` 或 `\"\"\"` 括起来的字符串才能跨行。",
        )
    } else if m.contains("forgot a comma") {
        (
            "Items of a list, tuple, dict or call are separated by commas.",
            "列表、元组、字典或函数调用中的各项之间要用逗号分隔。",
        )
    } else if m.contains("Missing parentheses in call to 'print'") {
        ("In Python 3, `print` is a function: `print(x)`.", "在 Python 3 中，`print` 是函数：`print(x)`。")
    } else if m.contains("'=='") || m.contains("cannot assign") {
        (
            "To compare, use `==`; a single `=` assigns, and only to a name (or an item, or an attribute).",
            "比较要用 `==`；单个 `=` 是赋值，而且只能赋给名字（或元素、属性）。",
        )
    } else {
        (
            "Look at the marked place and the line before it for a missing `:`, bracket, quote or comma, or a misspelt keyword.",
            "检查标出的位置和它的上一行：是否缺了 `:`、括号、引号或逗号，或者关键字拼错了。",
        )
    };
    (what, fill(if zh { cn } else { en }, &[]))
}

fn indentation_error(e: &Error, zh: bool) -> Texts {
    let m = e.message;
    let what = one(
        zh,
        "Python groups lines into blocks by their indentation, and the indentation here does not fit.",
        "Python 用缩进把代码行组织成代码块，而这里的缩进对不上。",
        &[],
    );
    let (en, cn) = if m.contains("expected an indented block") {
        (
            "The line after one ending in `:` must be indented (by 4 spaces, by convention), to form that block. An empty block needs `pass`.",
            "以 `:` 结尾的行，下一行必须缩进（按惯例缩进 4 个空格），组成它的代码块。空的代码块要写 `pass`。",
        )
    } else if m.contains("unexpected indent") {
        (
            "This line is indented more than the line before, but nothing opened a block there: line it up with its neighbours.",
            "这一行比上一行缩进得多，但那里并没有开始新的代码块：让它和相邻的行对齐。",
        )
    } else if m.contains("unindent does not match") {
        (
            "This line's indentation lines up with no earlier level: make it exactly as deep as the block it belongs to.",
            "这一行的缩进和前面任何一层都对不齐：让它的缩进与所属代码块完全一致。",
        )
    } else if e.kind == "TabError" || m.contains("tabs") {
        (
            "The lines mix tabs and spaces: indent with spaces only.",
            "代码行混用了制表符和空格：只用空格缩进。",
        )
    } else {
        (
            "Indent with spaces, the same amount for every line of a block.",
            "用空格缩进，同一个代码块的每一行缩进量都相同。",
        )
    };
    (what, fill(if zh { cn } else { en }, &[]))
}

/// Modules `_pyplay_imports.py` refuses, with why in Chinese (its message
/// says why in English).
const UNAVAILABLE_ZH: &[(&str, &str)] = &[
    ("multiprocessing", "网页无法启动进程"),
    ("sqlite3", "这个版本没有包含 SQLite 库"),
    ("ssl", "网页无法打开网络连接"),
    ("tkinter", "网页没有桌面窗口"),
    ("turtle", "网页没有桌面窗口"),
    ("turtledemo", "网页没有桌面窗口"),
    ("idlelib", "网页没有桌面窗口"),
    ("curses", "网页没有终端"),
    ("pty", "网页没有终端"),
    ("tty", "网页没有终端"),
    ("termios", "网页没有终端"),
    ("ctypes", "网页无法加载 C 库"),
    ("tracemalloc", "RustPython 不跟踪自己的内存分配"),
    ("ensurepip", "网页无法安装包"),
    ("venv", "网页无法安装包"),
    ("lzma", "这个版本没有包含 LZMA 压缩器；可以用 zlib 和 gzip"),
    ("bz2", "这个版本没有包含 bzip2 压缩器；可以用 zlib 和 gzip"),
    ("pyexpat", "这个版本没有包含 XML 解析器"),
];

/// Packages from PyPI that readers try to import; none is installed here.
const THIRD_PARTY: &[&str] = &[
    "numpy",
    "pandas",
    "requests",
    "matplotlib",
    "scipy",
    "sklearn",
    "flask",
    "django",
    "bs4",
    "PIL",
    "yaml",
    "pytest",
    "gevent",
    "redis",
    "pymysql",
    "aiohttp",
    "httpx",
    "fastapi",
    "torch",
    "tensorflow",
    "cython",
    "Cython",
    "greenlet",
    "attr",
    "attrs",
    "pydantic",
];

fn import_error(e: &Error, zh: bool) -> Texts {
    let m = e.message;
    let names = quoted(m);
    let module = names.first().copied().unwrap_or("?");
    let top = module.split('.').next().unwrap_or(module);
    if let Some((_, why)) = m.split_once("in the browser playground: ") {
        let why_zh = UNAVAILABLE_ZH.iter().find(|(name, _)| *name == top).map_or(why, |(_, w)| w);
        let instead_en = match top {
            "multiprocessing" => {
                "Use `threading` or `concurrent.futures.ThreadPoolExecutor` here, or run it with Python on your own computer."
            }
            "sqlite3" => {
                "Keep the data in a dict or a list here, or run it with Python on your own computer."
            }
            _ => "Run this code with Python on your own computer.",
        };
        let instead_zh = match top {
            "multiprocessing" => {
                "在这里改用 `threading` 或 `concurrent.futures.ThreadPoolExecutor`，或者在你自己的电脑上用 Python 运行。"
            }
            "sqlite3" => "在这里把数据放在字典或列表中，或者在你自己的电脑上用 Python 运行。",
            _ => "在你自己的电脑上用 Python 运行这段代码。",
        };
        // The reason is the engine's text: kept as text, never a template.
        let mut what = one(
            zh,
            "The module {} cannot work in the browser playground: ",
            "模块 {} 在浏览器中无法工作：",
            &[module],
        );
        what.push(Span::Text(if zh { format!("{why_zh}。") } else { format!("{why}.") }));
        return (what, one(zh, instead_en, instead_zh, &[]));
    }
    if m.starts_with("cannot import name") {
        let from = names.get(1).copied().unwrap_or("?");
        return pick(
            zh,
            (
                fill("The module {} has no name {} to import.", &[from, module]),
                fill(
                    "Check the spelling and the capitals (`from collections import OrderedDict`); the name may live in another module.",
                    &[],
                ),
            ),
            (
                fill("模块 {} 中没有可以导入的名字 {}。", &[from, module]),
                fill(
                    "检查拼写和大小写（`from collections import OrderedDict`）；这个名字也可能在另一个模块里。",
                    &[],
                ),
            ),
        );
    }
    if m.starts_with("No module named") && THIRD_PARTY.contains(&top) {
        return pick(
            zh,
            (
                fill(
                    "{} is not part of Python's standard library: it is a separate package, and the playground cannot install packages.",
                    &[top],
                ),
                fill(
                    "Only the standard library is available here. To use {}, install it on your own computer (`pip install {}`) and run the code there.",
                    &[top, top],
                ),
            ),
            (
                fill("{} 不属于 Python 标准库，而是一个单独的包，而这里无法安装包。", &[top]),
                fill(
                    "这里只能使用标准库。要使用 {}，请在你自己的电脑上安装它（`pip install {}`），然后在那里运行代码。",
                    &[top, top],
                ),
            ),
        );
    }
    if m.starts_with("No module named") {
        return pick(
            zh,
            (
                fill("Python cannot find a module named {}.", &[module]),
                fill(
                    "Check the spelling: standard modules have lowercase names, such as `collections`, `itertools`, `datetime`. Only the standard library is available here, and your code is the one file `main.py`, so it cannot import other files of yours.",
                    &[],
                ),
            ),
            (
                fill("Python 找不到名为 {} 的模块。", &[module]),
                fill(
                    "检查拼写：标准库模块的名字都是小写，例如 `collections`、`itertools`、`datetime`。这里只能使用标准库，而且你的代码只有 `main.py` 这一个文件，所以无法导入你自己的其他文件。",
                    &[],
                ),
            ),
        );
    }
    pick(
        zh,
        (
            fill("An import failed.", &[]),
            fill("The message says which module or name; check its spelling.", &[]),
        ),
        (fill("导入失败了。", &[]), fill("异常信息写明了是哪个模块或名字；检查它的拼写。", &[])),
    )
}

fn assertion_error(e: &Error, zh: bool) -> Texts {
    let message = e.message.trim();
    let what = match (message.is_empty(), zh) {
        (true, false) => fill("An `assert` statement found its condition false.", &[]),
        (false, false) => {
            fill("An `assert` statement found its condition false. Its message: {}", &[message])
        }
        (true, true) => fill("一条 `assert` 语句发现它的条件为假。", &[]),
        (false, true) => fill("一条 `assert` 语句发现它的条件为假。它附带的信息：{}", &[message]),
    };
    let fix = one(
        zh,
        "An `assert` states what the code expects to be true at that point. Print the values in its condition just before it to see which is wrong; the mistake is usually earlier, where those values were computed.",
        "`assert` 声明的是代码在这一点上认为必然成立的事。在它之前打印条件中的各个值，看看哪个不对；错误通常出在更早的地方，也就是计算这些值的地方。",
        &[],
    );
    (what, fix)
}

fn file_not_found(e: &Error, zh: bool) -> Texts {
    let file = quoted(e.message).into_iter().last().unwrap_or("?");
    pick(
        zh,
        (
            fill("There is no file named {}.", &[file]),
            fill(
                "The playground cannot see the files on your computer: its file system lives in memory and is reset before every run. Write the file earlier in the same program (`open('{}', 'w')`), or keep the data in a string and read it with `io.StringIO`.",
                &[file],
            ),
        ),
        (
            fill("没有名为 {} 的文件。", &[file]),
            fill(
                "这里看不到你电脑上的文件：它的文件系统在内存中，每次运行前都会重置。可以先在同一段程序里写出这个文件（`open('{}', 'w')`），或者把数据放在字符串里，用 `io.StringIO` 读取。",
                &[file],
            ),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of spans, code as it is.
    fn plain(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| match s {
                Span::Text(t) | Span::Code(t) => t.as_str(),
            })
            .collect()
    }

    fn error(kind: &str, message: &str) -> PyError {
        PyError {
            kind: kind.into(),
            message: message.into(),
            line: Some(3),
            column: None,
            traceback: format!(
                "Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n{kind}: {message}\n"
            ),
        }
    }

    /// The explanation's two parts as plain text, in `lang`.
    fn texts(kind: &str, message: &str, lang: Lang) -> (String, String) {
        let x = explain(&error(kind, message), lang).unwrap_or_else(|| panic!("no explanation of {kind}"));
        (plain(&x.what), plain(&x.fix))
    }

    fn en(kind: &str, message: &str) -> String {
        let (what, fix) = texts(kind, message, Lang::En);
        format!("{what} | {fix}")
    }

    fn zh(kind: &str, message: &str) -> String {
        let (what, fix) = texts(kind, message, Lang::Zh);
        format!("{what} | {fix}")
    }

    /// Every case the tests below use, as (kind, message).
    const CASES: &[(&str, &str)] = &[
        ("NameError", "name 'nmae' is not defined. Did you mean: 'name'?"),
        ("NameError", "name 'foo' is not defined"),
        ("NameError", "name 'math' is not defined"),
        ("NameError", "name 'true' is not defined"),
        ("UnboundLocalError", "cannot access local variable 'count' where it is not associated with a value"),
        (
            "NameError",
            "cannot access free variable 'x' where it is not associated with a value in enclosing scope",
        ),
        ("AttributeError", "'str' object has no attribute 'uper'. Did you mean: 'upper'?"),
        ("AttributeError", "'NoneType' object has no attribute 'append'"),
        ("AttributeError", "module 'math' has no attribute 'squareroot'"),
        ("AttributeError", "type object 'Dog' has no attribute 'name'"),
        ("KeyError", "'colour'"),
        ("KeyError", "3"),
        ("IndexError", "list index out of range"),
        ("IndexError", "string index out of range"),
        ("IndexError", "pop from empty list"),
        ("TypeError", "unsupported operand type(s) for +: 'int' and 'str'"),
        ("TypeError", "can only concatenate str (not \"int\") to str"),
        ("TypeError", "'int' object is not callable"),
        ("TypeError", "'NoneType' object is not subscriptable"),
        ("TypeError", "'int' object is not iterable"),
        ("TypeError", "greet() takes 1 positional argument but 2 were given"),
        ("TypeError", "greet() missing 1 required positional argument: 'name'"),
        ("TypeError", "sequence item 0: expected str instance, int found"),
        ("ValueError", "invalid literal for int() with base 10: 'abc'"),
        ("ValueError", "could not convert string to float: '3,5'"),
        ("ValueError", "too many values to unpack (expected 2)"),
        ("ValueError", "list.remove(x): x not in list"),
        ("ValueError", "math domain error"),
        ("ValueError", "some other problem"),
        ("ZeroDivisionError", "division by zero"),
        ("RecursionError", "maximum recursion depth exceeded"),
        ("SyntaxError", "invalid syntax"),
        ("SyntaxError", "expected ':'"),
        ("SyntaxError", "'(' was never closed"),
        ("SyntaxError", "unterminated string literal (detected at line 1)"),
        ("SyntaxError", "invalid syntax. Perhaps you forgot a comma?"),
        ("SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?"),
        ("IndentationError", "expected an indented block after 'if' statement on line 1"),
        ("IndentationError", "unexpected indent"),
        ("IndentationError", "unindent does not match any outer indentation level"),
        ("TabError", "inconsistent use of tabs and spaces in indentation"),
        ("ModuleNotFoundError", "No module named 'numpy'"),
        ("ModuleNotFoundError", "No module named 'colections'"),
        (
            "ModuleNotFoundError",
            "No module named 'multiprocessing' in the browser playground: a web page cannot start processes",
        ),
        ("ImportError", "cannot import name 'ordereddict' from 'collections' (/lib/collections/__init__.py)"),
        ("StopIteration", ""),
        ("AssertionError", ""),
        ("AssertionError", "total must be positive"),
        ("FileNotFoundError", "[Errno 2] No such file or directory: 'data.txt'"),
        ("EOFError", "EOF when reading a line"),
        ("RuntimeError", "generator raised StopIteration"),
    ];

    #[test]
    fn the_fifteen_common_errors_are_explained_in_both_languages() {
        let kinds: std::collections::BTreeSet<_> = CASES.iter().map(|(k, _)| *k).collect();
        for kind in [
            "NameError",
            "TypeError",
            "AttributeError",
            "IndexError",
            "KeyError",
            "ValueError",
            "ZeroDivisionError",
            "RecursionError",
            "SyntaxError",
            "IndentationError",
            "ModuleNotFoundError",
            "ImportError",
            "UnboundLocalError",
            "StopIteration",
            "AssertionError",
            "FileNotFoundError",
        ] {
            assert!(kinds.contains(kind), "{kind} has a case");
        }
        for (kind, message) in CASES {
            for lang in Lang::ALL {
                let (what, fix) = texts(kind, message, lang);
                assert!(what.len() > 10 && fix.len() > 5, "{kind}: {message} ({lang:?}): {what} | {fix}");
                assert!(!what.contains("{}") && !fix.contains("{}"), "{what} | {fix}");
            }
            let (what, fix) = texts(kind, message, Lang::Zh);
            let chinese =
                format!("{what}{fix}").chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
            assert!(chinese >= 8, "the Chinese is Chinese: {what} | {fix}");
        }
        assert_eq!(explain(&error("json.decoder.JSONDecodeError", "x"), Lang::En), None);
        assert_eq!(explain(&error("KeyboardInterrupt", ""), Lang::Zh), None);
        assert_eq!(explain(&error("RuntimeError", "something else"), Lang::En), None);
    }

    #[test]
    fn a_misspelt_name_is_named_with_its_suggestion() {
        let x = explain(&error("NameError", "name 'nmae' is not defined. Did you mean: 'name'?"), Lang::En)
            .unwrap();
        assert_eq!(x.what[1], Span::Code("nmae".into()));
        assert_eq!(x.fix[..2], [Span::Text("Did you mean ".into()), Span::Code("name".into())]);
        assert!(
            zh("NameError", "name 'nmae' is not defined. Did you mean: 'name'?")
                .contains("你是不是想写 name？")
        );
        // The suggestion may be only in the traceback, as CPython prints it.
        let mut e = error("NameError", "name 'pritn' is not defined");
        e.traceback.push_str("NameError: name 'pritn' is not defined. Did you mean: 'print'?\n");
        assert!(plain(&explain(&e, Lang::En).unwrap().fix).starts_with("Did you mean print?"));
        assert!(en("NameError", "name 'foo' is not defined").contains("put it in quotes: 'foo'"));
        assert!(en("NameError", "name 'math' is not defined").contains("Add import math at the top"));
        assert!(en("NameError", "name 'true' is not defined").contains("Did you mean True?"));
        let mut e = error("NameError", "name 'sys' is not defined");
        e.traceback.push_str("NameError: name 'sys' is not defined. Did you forget to import 'sys'?\n");
        assert!(plain(&explain(&e, Lang::Zh).unwrap().fix).contains("import sys"));
    }

    #[test]
    fn names_from_the_message_appear_as_code() {
        assert!(en("UnboundLocalError", CASES[4].1).contains("assigns to count somewhere"));
        assert!(en("UnboundLocalError", CASES[4].1).contains("global count"));
        assert!(en("NameError", CASES[5].1).contains("reads x from the function around it"));
        assert!(
            en("AttributeError", CASES[6].1)
                .contains("type str has no attribute or method uper. | Did you mean upper?")
        );
        assert!(
            en("AttributeError", CASES[7].1).contains("The value is None, which has no attribute append")
        );
        assert!(en("AttributeError", CASES[8].1).starts_with("The module math has no attribute squareroot."));
        assert!(zh("AttributeError", CASES[9].1).starts_with("类 Dog 本身没有属性 name。"));
        assert!(en("KeyError", "'colour'").starts_with("The dictionary has no key 'colour':"));
        assert!(en("KeyError", "'colour'").contains("d.get('colour')"));
        assert!(zh("KeyError", "3").starts_with("字典里没有键 3："));
        assert!(zh("IndexError", "string index out of range").starts_with("索引超出了这个字符串的范围"));
        assert!(en("IndexError", "pop from empty list").starts_with("pop() was called on an empty list."));
        assert!(
            en("TypeError", CASES[15].1)
                .starts_with("The operator + does not work between values of type int and str.")
        );
        assert!(
            en("TypeError", CASES[16].1)
                .starts_with("+ joins text only to text, but the other side here is of type int.")
        );
        assert!(en("TypeError", CASES[20].1).starts_with("The call to greet passes arguments"));
        assert!(en("TypeError", CASES[18].1).contains("The value is None"));
        assert!(en("ValueError", CASES[23].1).starts_with("int() cannot turn the text 'abc' into a number."));
        assert!(zh("ValueError", CASES[24].1).starts_with("float() 无法把文字 '3,5' 转换成数字。"));
        assert!(en("SyntaxError", "invalid syntax").starts_with("Python could not read the code at line 3,"));
        assert!(zh("SyntaxError", "expected ':'").contains("冒号 :"));
        assert!(en("IndentationError", CASES[37].1).contains("needs pass"));
        assert!(
            en("AssertionError", "total must be positive").contains("Its message: total must be positive")
        );
        assert!(zh("FileNotFoundError", CASES[48].1).starts_with("没有名为 data.txt 的文件。"));
        assert!(en("FileNotFoundError", CASES[48].1).contains("is reset before every run"));
        assert!(en("IndexError", "pop from empty list").contains("if items:"));
        assert!(en("AttributeError", CASES[8].1).contains("dir(math) lists every attribute"));
    }

    #[test]
    fn modules_say_whether_they_can_work_here() {
        assert!(en("ModuleNotFoundError", "No module named 'numpy'").contains("pip install numpy"));
        assert!(
            zh("ModuleNotFoundError", "No module named 'numpy.linalg'")
                .starts_with("numpy 不属于 Python 标准库")
        );
        assert!(
            en("ModuleNotFoundError", "No module named 'colections'")
                .starts_with("Python cannot find a module named colections.")
        );
        let refused = CASES[43].1;
        assert_eq!(
            en("ModuleNotFoundError", refused),
            "The module multiprocessing cannot work in the browser playground: a web page cannot start processes. | Use threading or concurrent.futures.ThreadPoolExecutor here, or run it with Python on your own computer."
        );
        assert!(
            zh("ModuleNotFoundError", refused)
                .starts_with("模块 multiprocessing 在浏览器中无法工作：网页无法启动进程。")
        );
        assert!(
            en("ImportError", CASES[44].1)
                .starts_with("The module collections has no name ordereddict to import.")
        );
    }

    #[test]
    fn every_refused_module_has_its_reason_in_chinese() {
        let imports = include_str!("../../engine/py/_pyplay_imports.py");
        let table = imports.split("_UNAVAILABLE = {").nth(1).unwrap().split('}').next().unwrap();
        for line in table.lines().map(str::trim).filter(|l| l.starts_with('"')) {
            let module = line.split('"').nth(1).unwrap();
            if module.starts_with('_') {
                continue; // native parts, never imported by name
            }
            assert!(UNAVAILABLE_ZH.iter().any(|(m, _)| *m == module), "{module}");
        }
    }

    #[test]
    fn templates_make_code_spans_and_keep_arguments_whole() {
        assert_eq!(
            fill("Use `d.get({})` or {}.", &["k`ey", "x"]),
            [
                Span::Text("Use ".into()),
                Span::Code("d.get(k`ey)".into()),
                Span::Text(" or ".into()),
                Span::Code("x".into()),
                Span::Text(".".into()),
            ]
        );
        assert_eq!(quoted("name 'a' and 'b c' and 'd"), ["a", "b c"]);
        assert_eq!(called("f() takes 1"), Some("f"));
        assert_eq!(called("Obj.m() missing"), Some("Obj.m"));
        assert_eq!(called("no call here"), None);
    }

    #[test]
    fn the_chinese_uses_the_glossary_terms() {
        let glossary = include_str!("../../content/zh/glossary.toml");
        let avoid: Vec<&str> = glossary
            .lines()
            .filter_map(|l| l.trim().strip_prefix("avoid = ["))
            .flat_map(|l| l.split('"').skip(1).step_by(2))
            .collect();
        assert!(avoid.contains(&"例外"), "{avoid:?}");
        let source = include_str!("explain.rs");
        let code = source.split("#[cfg(test)]").next().unwrap();
        for word in avoid {
            assert!(!code.contains(word), "uses {word:?}, which the glossary avoids");
        }
    }
}
