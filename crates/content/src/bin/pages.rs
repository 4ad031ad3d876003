//! Writes the site's pages around the app, from the same statics the app
//! renders: `index.html` (the home page), one `<topic>/index.html` per topic
//! with the lesson already in it, the same in Chinese under `zh/`,
//! `404.html`, `sitemap.xml`, `robots.txt`, and each topic's prose as the
//! app fetches it (`lessons/`). A reader sees the lesson before (or without) the app's wasm;
//! the app then replaces the body with its own render of the same markup.
//!
//! Run by tools/build.mjs on its staging directory, after it has written
//! `index.html` (its head is every page's head) and before the service
//! worker lists the files:
//!   cargo run -p pyplay-content --bin pages -- <dir>
//! The site's absolute URL (canonical links, Open Graph, the sitemap) is
//! `PYPLAY_SITE_URL`, default `http://127.0.0.1:8080/` (what `./x serve`
//! serves). Every other URL is relative, so the build works from any sub-path.

use std::{env, fmt::Write as _, fs, path::Path, process::ExitCode};

use pyplay_content::{
    self as content, Chapter, Lang, Topic,
    ui::{self, ui},
};

const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080/";

/// The web app manifest's file name, at the root of each language.
const MANIFEST: &str = "manifest.webmanifest";

/// The installable app in one language, beside that language's pages. Each
/// language is its own app (its own `id`), named and starting in its
/// language; both span the whole site.
fn manifest(lang: Lang) -> String {
    let root = base_of(lang.dir()).unwrap_or_else(|| "./".into());
    let icon = |size: u32, purpose: &str| {
        let name = if purpose == "maskable" { "icon-maskable" } else { "icon" };
        serde_json::json!({
            "src": format!("{root}{name}-{size}.png"),
            "sizes": format!("{size}x{size}"),
            "type": "image/png",
            "purpose": purpose,
        })
    };
    let manifest = serde_json::json!({
        "name": ui(lang).site_name,
        "short_name": ui(lang).app_short_name,
        "description": ui(lang).site_description,
        "lang": lang.html_lang(),
        "dir": "ltr",
        "id": "./",
        "start_url": "./",
        "scope": root,
        "display": "standalone",
        "theme_color": "#2f5f9e",
        "background_color": "#fdfdfc",
        "icons": [icon(192, "any"), icon(512, "any"), icon(192, "maskable"), icon(512, "maskable")],
    });
    serde_json::to_string_pretty(&manifest).expect("a JSON value") + "\n"
}

/// As strict as the app allows: no inline script or style (the build's inline
/// loader is moved to a file below); wasm compiles need 'wasm-unsafe-eval';
/// CodeMirror's styles are constructed stylesheets, which CSP allows.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; \
    frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

fn main() -> ExitCode {
    let Some(dir) = env::args().nth(1) else {
        eprintln!("usage: pages <dir>");
        return ExitCode::from(2);
    };
    let site = site_url(env::var("PYPLAY_SITE_URL").ok().as_deref());
    match write_site(Path::new(&dir), &site) {
        Ok(n) => {
            println!("pages: {n} pages for {site}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("pages: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The site URL, ending with `/`.
fn site_url(setting: Option<&str>) -> String {
    let url = setting.map(str::trim).filter(|s| !s.is_empty()).unwrap_or(DEFAULT_SITE_URL);
    if url.ends_with('/') { url.to_string() } else { format!("{url}/") }
}

/// Writes every file into `dir`; returns how many HTML pages.
fn write_site(dir: &Path, site: &str) -> Result<usize, String> {
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let index = dir.join("index.html");
    let built = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let shell = Shell::from_built(&built)?;
    for (name, script) in &shell.scripts {
        write(name, script)?;
    }
    let mut pages = 0;
    for lang in Lang::ALL {
        write(&format!("{}index.html", lang.dir()), &shell.page(&home_page(site, lang)))?;
        for (chapter, topic) in content::topics() {
            write(
                &format!("{}index.html", content::page_path(lang, topic.id)),
                &shell.page(&topic_page(site, lang, chapter, topic)),
            )?;
            // The prose the app fetches to show the topic (pyplay_content::prose).
            let body = topic.body(lang);
            write(body.file, &body.json().ok_or("no prose compiled in")?)?;
            pages += 1;
        }
        write(
            &format!("{}index.html", content::page_path(lang, content::SCRATCH)),
            &shell.page(&scratch_page(site, lang)),
        )?;
        pages += 2;
        write(&format!("{}{MANIFEST}", lang.dir()), &manifest(lang))?;
    }
    write("404.html", &not_found_page(site))?;
    write("sitemap.xml", &sitemap(site))?;
    write("robots.txt", &format!("User-agent: *\nAllow: /\n\nSitemap: {site}sitemap.xml\n"))?;
    Ok(pages + 1)
}

/// The built `index.html`, taken apart: every page gets its head.
#[derive(Debug)]
struct Shell {
    /// Up to and including `<meta charset…>`.
    head_start: String,
    /// The rest of the head, inline scripts replaced by files.
    head_rest: String,
    /// The body's own content (the `<noscript>` note), kept on every page,
    /// its note in the page's language.
    body: String,
    /// Files for the inline scripts: name, text.
    scripts: Vec<(String, String)>,
}

impl Shell {
    fn from_built(html: &str) -> Result<Self, String> {
        let (html, scripts) = externalize_scripts(html)?;
        let charset = html.find("<meta charset").ok_or("index.html has no <meta charset>")?;
        let charset_end = charset + html[charset..].find('>').ok_or("unclosed <meta charset")? + 1;
        let head_end = html.find("</head>").ok_or("index.html has no </head>")?;
        let body_open = head_end + html[head_end..].find("<body").ok_or("index.html has no <body>")?;
        let body_start = body_open + html[body_open..].find('>').ok_or("unclosed <body")? + 1;
        let body_end = html.rfind("</body>").ok_or("index.html has no </body>")?;
        if html[..head_end].contains("<title")
            || html[..head_end].contains("name=\"description\"")
            || html[..head_end].contains("rel=\"manifest\"")
        {
            return Err(
                "index.html must leave <title>, the description and the manifest to this program".into()
            );
        }
        if !html[body_start..body_end].contains(ui(Lang::En).no_script) {
            return Err(
                "index.html's <noscript> note must say ui::EN.no_script (it is translated per page)".into()
            );
        }
        Ok(Self {
            head_start: html[..charset_end].to_string(),
            head_rest: html[charset_end..head_end].to_string(),
            body: html[body_start..body_end].trim().to_string(),
            scripts,
        })
    }

    fn page(&self, page: &Page) -> String {
        let lang = format!("<html lang=\"{}\"", page.lang.html_lang());
        let mut out = self.head_start.replacen("<html lang=\"en\"", &lang, 1);
        out.push_str(&page.head());
        out.push_str(&self.head_rest);
        let _ = write!(
            out,
            "</head>\n<body data-prerendered=\"{}\">\n{}\n{}\n</body>\n</html>\n",
            page.kind,
            self.body.replace(ui(Lang::En).no_script, ui(page.lang).no_script),
            page.body
        );
        out
    }
}

/// Moves every inline `<script>` of `html` into a file named by its hash,
/// keeping its attributes (type="module" and all), so the CSP needs no
/// 'unsafe-inline'. A classic script stays parser-blocking, a module stays
/// deferred: the same order as inline.
fn externalize_scripts(html: &str) -> Result<(String, Vec<(String, String)>), String> {
    let mut out = String::with_capacity(html.len());
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        let open_end = at + rest[at..].find('>').ok_or("unclosed <script")? + 1;
        let close = open_end + rest[open_end..].find("</script>").ok_or("<script> without </script>")?;
        let open = &rest[at..open_end];
        let text = &rest[open_end..close];
        out.push_str(&rest[..at]);
        if open.contains(" src=") || text.trim().is_empty() {
            out.push_str(&rest[at..close]);
        } else {
            let name = format!("inline-{:016x}.js", fnv1a(text.as_bytes()));
            let _ = write!(out, "{} src=\"{name}\">", open.trim_end_matches('>'));
            scripts.push((name, text.to_string()));
        }
        out.push_str("</script>");
        rest = &rest[close + "</script>".len()..];
    }
    out.push_str(rest);
    Ok((out, scripts))
}

/// FNV-1a, 64 bits: a stable name for a script's content.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// One HTML page: what its head says about it, and its body.
struct Page {
    /// `home` or `topic`: the `data-prerendered` of `<body>`.
    kind: &'static str,
    lang: Lang,
    /// The page's path relative to the site root, in each language.
    paths: [(Lang, String); 2],
    title: String,
    description: String,
    /// Absolute.
    canonical: String,
    /// The site root relative to this page: `<base href>`, if not "./".
    base: Option<String>,
    site: String,
    og_type: &'static str,
    body: String,
}

impl Page {
    fn head(&self) -> String {
        let (title, description, canonical) =
            (esc(&self.title), esc(&self.description), esc(&self.canonical));
        let mut head = format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n");
        if let Some(base) = &self.base {
            // Before every relative URL: assets, scripts and links all resolve to the site root.
            let _ = writeln!(head, "  <base href=\"{base}\">");
        }
        let _ = write!(
            head,
            "  <title>{title}</title>\n  <meta name=\"description\" content=\"{description}\">\n  \
             <link rel=\"canonical\" href=\"{canonical}\">\n  \
             <meta property=\"og:type\" content=\"{}\">\n  <meta property=\"og:site_name\" content=\"{}\">\n  \
             <meta property=\"og:title\" content=\"{title}\">\n  <meta property=\"og:description\" content=\"{description}\">\n  \
             <meta property=\"og:url\" content=\"{canonical}\">\n  <meta property=\"og:image\" content=\"{}icon-512.png\">\n  \
             <meta name=\"twitter:card\" content=\"summary\">\n  <meta name=\"twitter:title\" content=\"{title}\">\n  \
             <meta name=\"twitter:description\" content=\"{description}\">\n  \
             <meta property=\"og:locale\" content=\"{}\">\n  \
             <link rel=\"manifest\" href=\"{}{MANIFEST}\">",
            self.og_type,
            esc(ui(self.lang).site_name),
            esc(&self.site),
            self.lang.html_lang().replace('-', "_"),
            self.lang.dir(),
        );
        // The page in each language, for search engines; English by default.
        for (lang, path) in &self.paths {
            let _ = write!(
                head,
                "\n  <link rel=\"alternate\" hreflang=\"{}\" href=\"{}{}\">",
                lang.html_lang(),
                esc(&self.site),
                esc(path)
            );
        }
        let _ = write!(
            head,
            "\n  <link rel=\"alternate\" hreflang=\"x-default\" href=\"{}{}\">",
            esc(&self.site),
            esc(&self.paths[0].1)
        );
        head
    }
}

/// The site root relative to a page at `path` (relative to the root).
fn base_of(path: &str) -> Option<String> {
    let depth = path.matches('/').count();
    (depth > 0).then(|| "../".repeat(depth))
}

/// A page's path in each language, from a function of the language.
fn paths(path: impl Fn(Lang) -> String) -> [(Lang, String); 2] {
    Lang::ALL.map(|l| (l, path(l)))
}

fn home_page(site: &str, lang: Lang) -> Page {
    let paths = paths(|l| l.dir().to_string());
    let mut main = format!(
        "<article class=\"home\">\n<h1>{}</h1>\n<p class=\"lede\">{}</p>\n<p class=\"start\"><a class=\"button\" href=\"{}\">{}</a></p>\n<h2>{}</h2>\n<ol class=\"course-map\">\n",
        esc(ui(lang).site_name),
        esc(ui(lang).lede),
        content::page_path(lang, content::first_topic().id),
        esc(ui(lang).start),
        esc(ui(lang).course_map),
    );
    for chapter in content::CHAPTERS {
        let _ =
            write!(main, "<li class=\"map-chapter\">\n<h3>{}</h3>\n<ul>\n", esc(chapter.texts(lang).title));
        for topic in chapter.topics {
            let _ = writeln!(
                main,
                "<li><a href=\"{}\">{}</a></li>",
                content::page_path(lang, topic.id),
                esc(topic.texts(lang).title)
            );
        }
        main.push_str("</ul>\n</li>\n");
    }
    main.push_str("</ol>\n</article>");
    let path = lang.dir();
    Page {
        kind: "home",
        lang,
        title: ui(lang).site_name.to_string(),
        description: ui(lang).site_description.to_string(),
        canonical: format!("{site}{path}"),
        base: base_of(path),
        site: site.to_string(),
        og_type: "website",
        body: layout(lang, None, &paths, &main),
        paths,
    }
}

/// The scratchpad (crates/app/src/components/scratch_page.rs): its words, the
/// starter code, and stand-ins for the app's toolbar and output.
fn scratch_page(site: &str, lang: Lang) -> Page {
    let ui = ui(lang);
    let paths = paths(|l| content::page_path(l, content::SCRATCH));
    let path = content::page_path(lang, content::SCRATCH);
    let main = format!(
        "<article class=\"scratch\">\n<h1>{}</h1>\n<p class=\"lede\">{}</p>\n\
         <label class=\"session-option\"><input type=\"checkbox\" disabled> {}<span class=\"hint\">{}</span></label>\n\
         <div class=\"snippet\">{}{}</div>\n</article>",
        esc(ui.scratchpad),
        esc(ui.scratch_lede),
        esc(ui.keep_variables),
        esc(ui.keep_variables_hint),
        code_block(ui.scratch_starter),
        stand_in(&(toolbar(lang, Toolbar::Scratch) + "<div class=\"output\"></div>")),
    );
    Page {
        kind: "scratch",
        lang,
        title: ui::fill(ui.page_title, &[("topic", &ui.scratchpad), ("site", &ui.site_name)]),
        description: ui.scratch_lede.to_string(),
        canonical: format!("{site}{path}"),
        base: base_of(&path),
        site: site.to_string(),
        og_type: "website",
        body: layout(lang, None, &paths, &main),
        paths,
    }
}

fn topic_page(site: &str, lang: Lang, chapter: &Chapter, topic: &Topic) -> Page {
    let id = topic.id;
    let texts = topic.texts(lang);
    let mut main = format!(
        "<article class=\"topic\">\n<p class=\"eyebrow\">{}</p>\n<h1>{}</h1>\n{}<div class=\"prose\">{}</div>\n",
        esc(chapter.texts(lang).title),
        esc(texts.title),
        // Stands in for the app's button, so the lesson does not move when it takes over.
        stand_in(&format!(
            "<button type=\"button\" class=\"embed-topic\" tabindex=\"-1\">{}</button>",
            esc(ui(lang).embed_topic)
        )),
        texts.intro_html.html(),
    );
    for s in topic.snippets {
        let words = s.texts(lang);
        let _ = write!(
            main,
            "<section class=\"lesson-step\" id=\"{id}-{0}\">\n<h2>{1}</h2>\n<div class=\"prose\">{2}</div>\n",
            s.id,
            esc(words.title),
            words.prose_html.html(),
        );
        if let Some(note) = words.note {
            let _ = writeln!(main, "<p class=\"note\" role=\"note\">{}</p>", esc(note));
        }
        if let Some(reason) = s.differs {
            let _ = writeln!(
                main,
                "<p class=\"note\" role=\"note\">{}{}</p>",
                esc(ui(lang).differs),
                esc(reason)
            );
        }
        // The app's toolbar, stood in for: the lesson keeps its place when the app takes over.
        let toolbar =
            stand_in(&toolbar(lang, if s.runnable { Toolbar::Runnable } else { Toolbar::CopyOnly }));
        let _ = write!(main, "<div class=\"snippet\">{}{toolbar}</div>\n</section>\n", code_block(s.code));
    }
    if !topic.exercises.is_empty() || !topic.cards.is_empty() {
        let _ = write!(
            main,
            "<section class=\"practice\" aria-labelledby=\"{id}-practice\">\n<h2 id=\"{id}-practice\">{}</h2>\n",
            esc(ui(lang).practice)
        );
        for c in topic.cards {
            let _ = writeln!(
                main,
                "<section class=\"card\" id=\"{id}-{0}\" aria-labelledby=\"{id}-{0}-title\">\n<h3 id=\"{id}-{0}-title\">{1}{2}</h3>\n{3}\n</section>",
                c.id,
                esc(ui(lang).card),
                esc(c.texts(lang).title),
                code_block(c.code),
            );
        }
        for e in topic.exercises {
            let _ = writeln!(
                main,
                "<section class=\"exercise\" id=\"{id}-{0}\" aria-labelledby=\"{id}-{0}-title\">\n<h3 id=\"{id}-{0}-title\">{1}{2}</h3>\n<div class=\"prose\">{3}</div>\n{4}\n</section>",
                e.id,
                esc(ui(lang).exercise),
                esc(e.texts(lang).title),
                e.texts(lang).statement_html.html(),
                code_block(e.starter),
            );
        }
        main.push_str("</section>\n");
    }
    if let Some(html) = texts.follow_ups_html.map(content::Prose::html) {
        let _ = writeln!(
            main,
            "<section class=\"follow-ups\">\n<h2>{}</h2>\n<div class=\"prose\">{html}</div>\n</section>",
            esc(ui(lang).follow_ups)
        );
    }
    if let Some(html) = texts.article_fixes_html.map(content::Prose::html) {
        let _ = writeln!(
            main,
            "<aside class=\"article-fixes\">\n<h2>{}</h2>\n<div class=\"prose\">{html}</div>\n</aside>",
            esc(ui(lang).article_fixes)
        );
    }
    let (prev, next) = content::neighbours(id);
    let _ = write!(main, "<nav class=\"topic-nav\" aria-label=\"{}\">", esc(ui(lang).previous_and_next));
    if let Some(t) = prev {
        let _ = write!(
            main,
            "<a class=\"prev\" rel=\"prev\" href=\"{}\">← {}</a>",
            content::page_path(lang, t.id),
            esc(t.texts(lang).title)
        );
    }
    if let Some(t) = next {
        let _ = write!(
            main,
            "<a class=\"next\" rel=\"next\" href=\"{}\">{} →</a>",
            content::page_path(lang, t.id),
            esc(t.texts(lang).title)
        );
    }
    main.push_str("</nav>\n</article>");
    let paths = paths(|l| content::page_path(l, id));
    let path = content::page_path(lang, id);
    Page {
        kind: "topic",
        lang,
        title: ui::fill(ui(lang).page_title, &[("topic", &texts.title), ("site", &ui(lang).site_name)]),
        description: texts.summary.to_string(),
        canonical: format!("{site}{path}"),
        base: base_of(&path),
        site: site.to_string(),
        og_type: "article",
        body: layout(lang, Some(topic), &paths, &main),
        paths,
    }
}

/// What the app will put here, shown only with scripts on (`needs-js`),
/// hidden from assistive technology until it works.
fn stand_in(html: &str) -> String {
    format!("<div class=\"needs-js stand-in\" aria-hidden=\"true\">{html}</div>")
}

/// The app's snippet toolbar as it first shows (components/snippet_toolbar.rs):
/// the same buttons, so it wraps the same on a phone, with the same classes,
/// so a click on one before the app takes over is made on the app's
/// (crates/app/src/takeover.rs). Out of the tab order: they are hidden from
/// assistive technology, which reaches the code instead.
fn toolbar(lang: Lang, kind: Toolbar) -> String {
    let ui = ui(lang);
    let run = [("run", ui.loading_python), ("visualize", ui.visualize), ("reset", ui.reset)];
    let share = [("copy", ui.copy), ("share", ui.share)];
    let buttons: Vec<(&str, &str)> = match kind {
        Toolbar::Runnable => [&run[..], &share, &[("embed-snippet", ui.embed)]].concat(),
        Toolbar::CopyOnly => vec![("copy", ui.copy), ("embed-snippet", ui.embed)],
        Toolbar::Scratch => [&run[..], &share].concat(),
    };
    let mut out = String::from("<div class=\"toolbar\">");
    for (class, label) in buttons {
        let _ =
            write!(out, "<button type=\"button\" class=\"{class}\" tabindex=\"-1\">{}</button>", esc(label));
    }
    out + "</div>"
}

/// Which of the app's snippet toolbars a built page stands in for.
#[derive(Clone, Copy)]
enum Toolbar {
    /// A lesson's snippet a browser can run.
    Runnable,
    /// One it cannot: Copy and Embed.
    CopyOnly,
    /// The scratchpad's: no Embed.
    Scratch,
}

/// Code as the editor shows it before it loads (the same class as its
/// no-CodeMirror fallback, so the box keeps its size).
fn code_block(code: &str) -> String {
    // Focusable: a long line scrolls it sideways, and keys must reach that too.
    format!(
        "<pre class=\"code static-code\" tabindex=\"0\"><code>{}</code></pre>",
        esc(&content::pre_text(code))
    )
}

/// The app's frame (crates/app/src/app.rs, components/sidebar.rs and
/// components/language_switch.rs) around `main`; `paths` are this page's
/// in each language.
fn layout(lang: Lang, current: Option<&Topic>, paths: &[(Lang, String); 2], main: &str) -> String {
    let dir = lang.dir();
    let other = lang.other();
    let other_path = paths.iter().find(|(l, _)| *l == other).map_or("./", |(_, p)| p.as_str());
    let mut out = format!(
        "<div class=\"layout static\">\n<header class=\"topbar\">\n\
         <button type=\"button\" class=\"menu-toggle needs-js\" aria-controls=\"sidebar\" aria-expanded=\"false\">{menu}</button>\n\
         <a class=\"brand\" href=\"{home}\">{site}</a>\n\
         <div class=\"search needs-js\" role=\"search\"><input type=\"search\" class=\"search-input\" placeholder=\"{placeholder}\" aria-label=\"{search}\" readonly></div>\n\
         <a class=\"scratch-link\" href=\"{dir}scratch/\">{scratch}</a>\n<a class=\"progress-link\" href=\"{dir}#/progress\">{progress}</a>\n\
         <a class=\"lang-switch\" href=\"{other_href}\" hreflang=\"{tag}\" lang=\"{tag}\" title=\"{label}\" aria-label=\"{label}: {name}\">{name}</a>\n{stand_ins}</header>\n\
         <nav class=\"sidebar\" id=\"sidebar\" aria-label=\"{topics}\">\n",
        menu = esc(ui(lang).menu),
        home = lang.home(),
        site = esc(ui(lang).site_name),
        placeholder = esc(ui(lang).search_placeholder),
        search = esc(ui(lang).search_label),
        scratch = esc(ui(lang).scratchpad),
        progress = esc(ui(lang).progress),
        other_href = esc(if other_path.is_empty() { "./" } else { other_path }),
        tag = other.html_lang(),
        label = esc(ui::LANGUAGE),
        name = other.native_name(),
        topics = esc(ui(lang).topics),
        // The theme menu (its every option, so its width) and the status badge.
        stand_ins = stand_in(&format!(
            "<span class=\"theme-toggle\"><select disabled><option>{}</option><option>{}</option><option>{}</option></select></span>\n\
             <span class=\"status\">{}</span>",
            esc(ui(lang).theme_auto),
            esc(ui(lang).theme_light),
            esc(ui(lang).theme_dark),
            esc(ui(lang).loading_python),
        )),
    );
    for chapter in content::CHAPTERS {
        let _ =
            write!(out, "<section class=\"chapter\">\n<h2>{}</h2>\n<ul>\n", esc(chapter.texts(lang).title));
        for topic in chapter.topics {
            let here = current.is_some_and(|c| c.id == topic.id);
            let _ = write!(
                out,
                "<li><a href=\"{}\"{}>{}</a>",
                content::page_path(lang, topic.id),
                if here { " aria-current=\"page\"" } else { "" },
                esc(topic.texts(lang).title)
            );
            if here && (!topic.cards.is_empty() || !topic.exercises.is_empty()) {
                let _ =
                    write!(out, "<ul class=\"practice-items\" aria-label=\"{}\">", esc(ui(lang).practice));
                let items = topic.cards.iter().map(|c| (c.id, c.texts(lang).title));
                let exercises = topic.exercises.iter().map(|e| (e.id, e.texts(lang).title));
                for (item, title) in items.chain(exercises) {
                    let _ = write!(
                        out,
                        "<li data-item=\"{item}\"><a href=\"{}\">{}</a></li>",
                        content::item_path(lang, topic.id, item),
                        esc(title)
                    );
                }
                out.push_str("</ul>");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }
    let _ = write!(out, "</nav>\n<main id=\"main\" class=\"content\">\n{main}\n</main>\n</div>");
    out
}

/// Served by static hosts for any missing path, at any depth: so no
/// relative URL, no stylesheet, and the way home is the absolute site URL.
fn not_found_page(site: &str) -> String {
    let site = esc(site);
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<title>Page not found · {name}</title>\n</head>\n<body>\n\
         <main>\n<h1>Page not found</h1>\n<p>There is no page at this address.</p>\n\
         <p><a href=\"{site}\">Go to the {name} home page</a></p>\n\
         <div lang=\"zh-CN\">\n<h2>页面不存在</h2>\n<p>这个地址没有页面。</p>\n\
         <p><a href=\"{site}zh/\">返回{zh_name}首页</a></p>\n</div>\n</main>\n</body>\n</html>\n",
        name = esc(ui(Lang::En).site_name),
        zh_name = esc(ui(Lang::Zh).site_name),
    )
}

/// Every page in each language, each naming its translations.
fn sitemap(site: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let site = esc(site);
    let home = paths(|l| l.dir().to_string());
    let scratch = paths(|l| content::page_path(l, content::SCRATCH));
    let pages = [home, scratch]
        .into_iter()
        .chain(content::topics().map(|(_, t)| paths(|l| content::page_path(l, t.id))));
    for page in pages {
        for (_, path) in &page {
            let _ = write!(out, "  <url><loc>{site}{path}</loc>");
            for (lang, alternate) in &page {
                let _ = write!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{site}{alternate}\"/>",
                    lang.html_lang()
                );
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// Text or attribute value as HTML (and XML) source.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What tools/build.mjs writes, in shape: a hashed stylesheet, a classic script,
    /// and its inline module loader.
    const BUILT: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  \
        <link rel=\"stylesheet\" href=\"./style-abc.css\">\n  <script src=\"theme.js\"></script>\n  \
        <!-- not the <body> -->\n  <script type=\"module\">\nimport init from './app-abc.js';\nawait init('./app-abc_bg.wasm');\n</script>\n\
        </head>\n<body>\n  <noscript><p>Running Python needs JavaScript and WebAssembly; the lessons read without them.</p></noscript>\n</body>\n</html>\n";

    #[test]
    fn inline_scripts_move_to_files_and_the_rest_stays() {
        let (html, scripts) = externalize_scripts(BUILT).unwrap();
        assert_eq!(scripts.len(), 1);
        let (name, text) = &scripts[0];
        assert!(name.starts_with("inline-") && name.ends_with(".js"), "{name}");
        assert!(text.contains("import init from './app-abc.js'"));
        assert!(html.contains(&format!("<script type=\"module\" src=\"{name}\"></script>")), "{html}");
        assert!(html.contains("<script src=\"theme.js\"></script>"));
        assert!(!html.contains("import init"));
        // The same text gets the same name; another text another.
        assert_eq!(externalize_scripts(BUILT).unwrap().1, scripts);
        assert_ne!(externalize_scripts(&BUILT.replace("abc", "abd")).unwrap().1[0].0, *name);
    }

    #[test]
    fn a_topic_page_has_its_lesson_metadata_and_base() {
        let shell = Shell::from_built(BUILT).unwrap();
        let (chapter, topic) = content::topic("enum").unwrap();
        let site = "https://py.example/play/";
        let html = shell.page(&topic_page(site, Lang::En, chapter, topic));
        let head = &html[..html.find("</head>").unwrap()];
        // CSP and base come before the first URL.
        let (csp, base, css) = (
            head.find("Content-Security-Policy").unwrap(),
            head.find("<base href=\"../\">").unwrap(),
            head.find("style-abc").unwrap(),
        );
        assert!(head.find("<meta charset").unwrap() < csp && csp < base && base < css, "{head}");
        assert!(head.contains(&format!("<title>{} · {}</title>", esc(topic.title), ui(Lang::En).site_name)));
        assert!(head.contains(&format!("<meta name=\"description\" content=\"{}\">", esc(topic.summary))));
        assert!(head.contains("<link rel=\"canonical\" href=\"https://py.example/play/enum/\">"));
        assert!(head.contains("<meta property=\"og:url\" content=\"https://py.example/play/enum/\">"));
        assert!(
            head.contains("<meta property=\"og:image\" content=\"https://py.example/play/icon-512.png\">")
        );
        assert!(head.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assert!(!head.contains("import init"), "no inline script");
        let body = &html[html.find("<body data-prerendered=\"topic\">").unwrap()..];
        assert!(!body.contains("not the"), "a comment in the head is no part of the body");
        assert!(body.contains(&format!("<noscript><p>{}</p></noscript>", ui(Lang::En).no_script)));
        assert!(body.contains(&format!("<h1>{}</h1>", esc(topic.title))));
        for s in topic.snippets {
            assert!(body.contains(&format!("id=\"enum-{}\"", s.id)));
            assert!(body.contains(&esc(s.code.trim_end_matches('\n'))), "{}", s.id);
        }
        assert!(body.contains("href=\"enum/\" aria-current=\"page\""));
        let (prev, next) = content::neighbours("enum");
        for t in [prev, next].into_iter().flatten() {
            assert!(body.contains(&format!("href=\"{}/\"", t.id)));
        }
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(head.contains(
            "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"https://py.example/play/zh/enum/\">"
        ));
        assert!(head.contains(
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://py.example/play/enum/\">"
        ));
        assert!(body.contains("<a class=\"lang-switch\" href=\"zh/enum/\" hreflang=\"zh-CN\""));
    }

    #[test]
    fn a_chinese_page_is_in_chinese_under_zh() {
        let shell = Shell::from_built(BUILT).unwrap();
        let (chapter, topic) = content::topic("enum").unwrap();
        let zh = topic.texts(Lang::Zh);
        let html = shell.page(&topic_page("https://py.example/", Lang::Zh, chapter, topic));
        assert!(html.starts_with("<!doctype html>\n<html lang=\"zh-CN\">"), "{}", &html[..80]);
        assert!(html.contains(&format!("<noscript><p>{}</p></noscript>", ui(Lang::Zh).no_script)));
        assert!(html.contains("<base href=\"../../\">"));
        assert!(html.contains(&format!("<title>{} · {}</title>", esc(zh.title), ui(Lang::Zh).site_name)));
        assert!(html.contains("<link rel=\"canonical\" href=\"https://py.example/zh/enum/\">"));
        assert!(html.contains("<meta property=\"og:locale\" content=\"zh_CN\">"));
        assert!(html.contains(&format!("<h1>{}</h1>", esc(zh.title))));
        assert!(html.contains(zh.intro_html.html()));
        assert!(html.contains("href=\"zh/enum/\" aria-current=\"page\""));
        assert!(html.contains("<a class=\"scratch-link\" href=\"zh/scratch/\">"));
        assert!(html.contains("<a class=\"lang-switch\" href=\"enum/\" hreflang=\"en\" lang=\"en\""));
        let (_, next) = content::neighbours("enum");
        assert!(html.contains(&format!("href=\"zh/{}/\"", next.unwrap().id)));
        let home = shell.page(&home_page("https://py.example/", Lang::Zh));
        assert!(home.contains("<base href=\"../\">") && home.contains("href=\"zh/enum/\""));
        assert!(home.contains("<a class=\"lang-switch\" href=\"./\""));
        // Resolved against the base: the Chinese app's manifest.
        assert!(html.contains("<link rel=\"manifest\" href=\"zh/manifest.webmanifest\">"));
    }

    #[test]
    fn each_language_installs_as_its_own_app_named_in_it() {
        let shell = Shell::from_built(BUILT).unwrap();
        let (chapter, topic) = content::topic("enum").unwrap();
        let html = shell.page(&topic_page("https://py.example/", Lang::En, chapter, topic));
        assert!(html.contains("<link rel=\"manifest\" href=\"manifest.webmanifest\">"));
        let with_link = BUILT.replace("</head>", "<link rel=\"manifest\" href=\"x.webmanifest\">\n</head>");
        assert!(Shell::from_built(&with_link).is_err(), "the link is per language");
        for (lang, root) in [(Lang::En, "./"), (Lang::Zh, "../")] {
            let m: serde_json::Value = serde_json::from_str(&manifest(lang)).unwrap();
            assert_eq!(m["name"], ui(lang).site_name);
            assert_eq!(m["short_name"], ui(lang).app_short_name);
            assert_eq!(m["description"], ui(lang).site_description);
            assert_eq!(m["lang"], lang.html_lang());
            // Relative to the manifest: it starts at its language's home page and spans the site.
            assert_eq!((&m["id"], &m["start_url"], &m["scope"]), (&"./".into(), &"./".into(), &root.into()));
            let icons = m["icons"].as_array().unwrap();
            for (size, purpose) in [(192, "any"), (512, "any"), (192, "maskable"), (512, "maskable")] {
                let icon =
                    icons.iter().find(|i| i["sizes"] == format!("{size}x{size}") && i["purpose"] == purpose);
                let src = icon.unwrap()["src"].as_str().unwrap();
                let file = src.strip_prefix(root).unwrap();
                assert!(
                    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/pwa").join(file).exists(),
                    "{src}"
                );
            }
        }
    }

    #[test]
    fn the_scratchpad_is_a_page_with_its_starter_code() {
        let shell = Shell::from_built(BUILT).unwrap();
        let html = shell.page(&scratch_page("https://py.example/", Lang::Zh));
        let zh = ui(Lang::Zh);
        assert!(
            html.contains("<body data-prerendered=\"scratch\">") && html.contains("<base href=\"../../\">")
        );
        assert!(html.contains("<link rel=\"canonical\" href=\"https://py.example/zh/scratch/\">"));
        assert!(html.contains(&format!("<h1>{}</h1>", esc(zh.scratchpad))));
        assert!(html.contains(&esc(&content::pre_text(zh.scratch_starter))));
        // The app's toolbar, Run first and no Embed, standing in.
        assert!(html.contains(&format!(
            "<button type=\"button\" class=\"run\" tabindex=\"-1\">{}</button>",
            zh.loading_python
        )));
        assert!(!html.contains("embed-snippet"));
        assert!(html.contains("<a class=\"lang-switch\" href=\"scratch/\""));
    }

    #[test]
    fn the_home_page_sitemap_robots_and_404() {
        let shell = Shell::from_built(BUILT).unwrap();
        let html = shell.page(&home_page("https://py.example/", Lang::En));
        assert!(!html.contains("<base"));
        assert!(html.contains("<link rel=\"canonical\" href=\"https://py.example/\">"));
        assert!(html.contains(&format!("<p class=\"lede\">{}</p>", esc(ui(Lang::En).lede))));
        let map = sitemap("https://py.example/");
        // The home page, the scratchpad and every topic, in both languages.
        assert_eq!(map.matches("<loc>").count(), 2 * (content::topics().count() + 2));
        assert!(map.contains("<loc>https://py.example/zh/scratch/</loc>"));
        for (_, t) in content::topics() {
            assert!(map.contains(&format!("<loc>https://py.example/{}/</loc>", t.id)), "{}", t.id);
            assert!(map.contains(&format!("<loc>https://py.example/zh/{}/</loc>", t.id)), "{}", t.id);
        }
        assert!(map.contains("<loc>https://py.example/zh/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://py.example/\"/>"));
        let missing = not_found_page("https://py.example/");
        assert!(missing.contains("<a href=\"https://py.example/\">") && !missing.contains("<script"));
        assert!(missing.contains("<a href=\"https://py.example/zh/\">"));
        assert_eq!(site_url(Some("https://a.b/c")), "https://a.b/c/");
        assert_eq!(site_url(Some("")), DEFAULT_SITE_URL);
        assert_eq!(site_url(None), DEFAULT_SITE_URL);
    }

    #[test]
    fn a_built_page_without_the_expected_parts_is_refused() {
        assert!(Shell::from_built("<html><body></body></html>").is_err());
        let titled = BUILT.replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><title>x</title>");
        assert!(Shell::from_built(&titled).is_err());
        let reworded = BUILT.replace("lessons read", "lessons can be read");
        assert!(Shell::from_built(&reworded).is_err(), "a note the tables do not have stays untranslated");
        assert!(externalize_scripts("<script>x").is_err());
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
    }
}
